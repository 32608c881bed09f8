"""/data/datapackage.json: a Frictionless Data Package describing every CSV file, column by column."""

import datetime
from dataclasses import dataclass

from sources.views import record_last_changed

LICENCE = {
    "name": "CC-BY-SA-4.0",
    "path": "https://creativecommons.org/licenses/by-sa/4.0/",
    "title": "Creative Commons Attribution-ShareAlike 4.0 International",
}
ARTICLE = {
    "title": "“December 2022 Ménaka region clashes”, Wikipedia, the free encyclopedia, by its contributors",
    "path": "https://en.wikipedia.org/wiki/December_2022_M%C3%A9naka_region_clashes",
}


@dataclass(frozen=True)
class RecordVersion:
    """The record's version: the time of its last published change."""

    changed: object  # a datetime, or None for a record with nothing published

    @classmethod
    def current(cls):
        changed = record_last_changed()
        return cls(changed.astimezone(datetime.UTC) if changed else None)

    @property
    def label(self):
        """For file names, to the microsecond so that two changes within a second differ: 20221213T120000.000000Z."""
        return self.changed.strftime("%Y%m%dT%H%M%S.%fZ") if self.changed else "empty"

    @property
    def iso(self):
        if self.changed is None:
            return None
        return self.changed.isoformat(timespec="milliseconds").replace("+00:00", "Z")


def descriptor(tables, version):
    package = {
        "profile": "tabular-data-package",
        "name": "menaka-record",
        "title": "The Ménaka record: the December 2022 Ménaka region clashes as sourced claims",
        "description": (
            "Events, actors, places, sources and claims of the record, as published. Every casualty figure is a "
            "claim with its claimant; where a file wants one number (fatalities, low, best, high) the rule that fills "
            "it is in that column's description. Each file takes the same filters as its list on the site."
        ),
        "version": version.label,
        "licenses": [LICENCE],
        "sources": [ARTICLE],
        "resources": [resource(table) for table in tables],
    }
    if version.iso:
        package["created"] = version.iso
    return package


def resource(table):
    schema = {"fields": [column.table_schema() for column in table.columns], "missingValues": [""]}
    if table.primary_key:
        schema["primaryKey"] = [table.primary_key]
    return {
        "profile": "tabular-data-resource",
        "name": table.name.removesuffix(".csv"),
        "path": table.name,
        "title": table.title,
        "description": table.description,
        "format": "csv",
        "mediatype": "text/csv",
        "encoding": "utf-8",
        "licenses": [LICENCE],
        "schema": schema,
    }
