"""The timeline and the map: published rows in, positions out, for the templates to draw."""
