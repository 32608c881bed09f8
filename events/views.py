"""Public pages: what happened."""
