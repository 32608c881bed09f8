"""The record's files for download: the field's shapes (ACLED, UCDP GED, GeoJSON), plain tables, a data package."""
