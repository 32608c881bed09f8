"""What each file holds, column by column: shown on /data/ and written into the data package as Table Schemas."""

from dataclasses import dataclass, field


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a Table Schema type: string, integer, number, date, datetime
    description: str
    constraints: dict = field(default_factory=dict)
    format: str = ""

    def table_schema(self):
        schema = {"name": self.name, "type": self.type, "description": self.description}
        if self.format:
            schema["format"] = self.format
        if self.constraints:
            schema["constraints"] = self.constraints
        return schema


@dataclass(frozen=True)
class DataFile:
    name: str  # the file's name under /data/
    title: str
    description: str
    columns: tuple
    media_type: str = "text/csv"
    primary_key: str = ""
    filters: str = ""  # which list's filters it takes: "events", "claims" or none

    @property
    def column_names(self):
        return tuple(column.name for column in self.columns)

    @property
    def is_table(self):
        return self.media_type == "text/csv"


def text(name, description, **constraints):
    return Column(name, "string", description, constraints)


def integer(name, description, **constraints):
    return Column(name, "integer", description, constraints)


def number(name, description, **constraints):
    return Column(name, "number", description, constraints)


def date(name, description):
    return Column(name, "date", description)


def url(name, description):
    return Column(name, "string", description, format="uri")


def slug(name, description, *, unique=False):
    constraints = {"required": True, "pattern": "[-a-z0-9_]+"}
    if unique:
        constraints["unique"] = True
    return Column(name, "string", description, constraints)


def one_of(name, description, values):
    return Column(name, "string", description, {"enum": list(values)})


def code(name, description, values):
    return Column(name, "integer", description, {"enum": list(values)})


LATITUDE = number("latitude", "Latitude in decimal degrees (WGS 84); empty when no point is known.", minimum=-90, maximum=90)
LONGITUDE = number(
    "longitude", "Longitude in decimal degrees (WGS 84); empty when no point is known.", minimum=-180, maximum=180
)
