"""The API's human reference: its OpenAPI description laid out as a page of the site, drawn on the server.

The page is built from the same description as /api/schema/, so the two cannot disagree. It needs no
JavaScript: Swagger UI was tried and left out, because axe finds contrast, landmark and nested-control
violations in its markup that the site cannot fix from outside.
"""

import functools
import re
from dataclasses import dataclass

from django.utils.html import format_html, format_html_join
from drf_spectacular.generators import SchemaGenerator

# drf-spectacular lists an enum's labels in the description, one "* `value` - Label" line each.
ENUM_LINE = re.compile(r"^\* `(?P<value>[^`]*)` - (?P<label>.*)$")


@dataclass
class Row:
    name: str
    type: str
    description: str
    where: str = ""


@dataclass
class Operation:
    anchor: str
    path: str
    summary: str
    description: str
    parameters: list
    answers: list


@dataclass
class Schema:
    name: str
    fields: list
    choices: list


@functools.cache
def api_description():
    """The OpenAPI description, generated once: it changes only with the code."""
    return SchemaGenerator().get_schema(request=None, public=True)


def reference():
    description = api_description()
    return {
        "openapi": description["openapi"],
        "operations": [operation(path, item["get"]) for path, item in description["paths"].items()],
        "schemas": [schema(name, body) for name, body in sorted(description["components"]["schemas"].items())],
    }


def answer_type(answer):
    """What the body of an answer is; a redirect has none."""
    if "content" not in answer:
        return "no body"
    return type_of(answer["content"]["application/json"]["schema"])


def operation(path, body):
    parameters = []
    for parameter in body.get("parameters", []):
        text, labels = split_choices(parameter.get("description", ""))
        parameters.append(Row(parameter["name"], type_of(parameter["schema"], labels), text, parameter["in"]))
    answers = [
        Row(status, answer_type(answer), answer.get("description", "")) for status, answer in body["responses"].items()
    ]
    return Operation(body["operationId"], path, body.get("summary", ""), body.get("description", ""), parameters, answers)


def schema(name, body):
    text, labels = split_choices(body.get("description", ""))
    fields = []
    for field, field_body in body.get("properties", {}).items():
        field_text, field_labels = split_choices(field_body.get("description", field_body.get("title", "")))
        fields.append(Row(field, type_of(field_body, field_labels), field_text))
    choices = [Row(value, "", labels.get(value, "")) for value in body.get("enum", [])]
    return Schema(name, fields, choices)


def split_choices(description):
    """A description without its enum lines, and the labels those lines give."""
    text, labels = [], {}
    for line in description.splitlines():
        match = ENUM_LINE.match(line.strip())
        if match:
            labels[match["value"]] = match["label"]
        else:
            text.append(line)
    return "\n".join(text).strip(), labels


def type_of(body, labels=None):
    """A schema in words, with links to the named schemas it uses: "EventRef or null"."""
    if "$ref" in body:
        name = body["$ref"].rsplit("/", 1)[-1]
        return format_html('<a href="#schema-{}">{}</a>', name, name)
    for combination in ("oneOf", "anyOf", "allOf"):
        if combination in body:
            return format_html_join(" or ", "{}", ((type_of(part),) for part in body[combination]))
    types = body.get("type", "any value")
    words = []
    for kind in types if isinstance(types, list) else [types]:
        if kind == "array":
            words.append(format_html("list of {}", type_of(body.get("items", {}))))
        elif kind == "object" and isinstance(body.get("additionalProperties"), dict):
            words.append(format_html("object whose every value is a {}", type_of(body["additionalProperties"])))
        elif kind == "object" and "properties" in body:
            fields = ((name, type_of(field)) for name, field in body["properties"].items())
            words.append(format_html("object with {}", format_html_join(", ", "<code>{}</code> ({})", fields)))
        elif kind == "string" and body.get("maxLength") == 0:
            words.append("an empty string")
        elif "format" in body:
            words.append(format_html("{} ({})", kind, body["format"]))
        else:
            words.append(kind)
    kinds = format_html_join(" or ", "{}", ((word,) for word in words))
    if "enum" in body:
        choices = ((value, f" ({labels[value]})" if labels and value in labels else "") for value in body["enum"])
        return format_html("{}, one of {}", kinds, format_html_join(", ", "<code>{}</code>{}", choices))
    # A page size has a range worth saying; a count's 64-bit limit has not.
    if body.get("maximum", float("inf")) <= 100_000:
        return format_html("{} from {} to {}", kinds, body.get("minimum", "any"), body["maximum"])
    return kinds
