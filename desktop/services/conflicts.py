"""What a write meets when another writer got there first; small, so the CLI can catch it
without importing the services that raise it."""

RETRIES = 4  # unversioned writes retried after a concurrent commit, before giving up


class EditConflict(Exception):
    """The event changed (or vanished) since the user loaded it."""
