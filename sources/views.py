"""Public pages: what was said about it."""
