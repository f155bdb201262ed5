"""Use cases over the store; each user-visible change is one transaction."""
