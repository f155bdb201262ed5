"""temporal layer."""
