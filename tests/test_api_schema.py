"""The OpenAPI description: valid OpenAPI 3.1, and true: every answer of every documented operation matches it.

Answers are checked against the described schemas made strict (no property that is not described), so
a field added to a serializer without its description, or described but not sent, fails here.
"""

import copy

import pytest
from django.core.management import call_command
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate as validate_spec
from referencing import Registry, Resource
from referencing.jsonschema import DRAFT202012

from events.filters import ActorFilter, EventFilter, PlaceFilter
from events.models import Participation, Status
from sources.filters import ClaimFilter, SourceFilter
from tests.factories import make_actor, make_claim, make_event, make_place, make_relation, make_source

pytestmark = pytest.mark.django_db

HOSTILE_VALUES = [
    "\x00",
    "jnim\x00",
    "x" * 5000,
    "-1",
    "0",
    "99999999999999999999",
    "garbage",
    "2022-13-45",
    "' OR 1=1 --",
    "%",
    "😀",
    "../../etc/passwd",
]


@pytest.fixture
def spec(client):
    response = client.get("/api/schema/")
    assert response.status_code == 200
    return response.json()


@pytest.fixture
def record(db):
    """The article, and entries that fill what the article leaves empty: a claim about a place, a draft parent."""
    call_command("loaddata", "menaka_clashes", verbosity=0)
    village = make_place(slug="located-village", latitude=15.5, longitude=0.5, coordinate_confidence="good")
    draft_war = make_event(slug="draft-war", status=Status.DRAFT)
    actor = make_actor(slug="an-actor", aliases="One\nTwo")
    make_relation(actor, "fights", make_actor(slug="a-rival"), note="Since 2020.")
    event = make_event(
        slug="an-event", parent=draft_war, places=[village], participants=[(actor, Participation.Role.PERPETRATOR)]
    )
    make_claim(slug="a-claim", event=event, place=village, claimant=actor, sources=[make_source(slug="a-source")])


def strict(schema):
    """The schema with every described object closed to properties it does not describe."""
    schema = copy.deepcopy(schema)

    def close(node):
        if isinstance(node, dict):
            if "properties" in node and "additionalProperties" not in node:
                node["additionalProperties"] = False
            for value in node.values():
                close(value)
        elif isinstance(node, list):
            for value in node:
                close(value)

    close(schema)
    return schema


def pointer(*parts):
    return "/".join(part.replace("~", "~0").replace("/", "~1") for part in parts)


@pytest.fixture
def assert_answers_as_documented(spec):
    """Checks that a status is one the operation documents, and that the body matches that status's schema."""
    document = strict(spec)
    registry = Registry().with_resource("urn:api", Resource.from_contents(document, default_specification=DRAFT202012))

    def check(path, response):
        responses = spec["paths"][path]["get"]["responses"]
        status = str(response.status_code)
        assert status in responses, (path, status, response.content[:500])
        assert response["Content-Type"] == "application/json"
        where = pointer("paths", path, "get", "responses", status, "content", "application/json", "schema")
        validator = OAS31Validator({"$ref": f"urn:api#/{where}"}, registry=registry, format_checker=OAS31Validator.FORMAT_CHECKER)
        problems = [f"{list(error.absolute_path)}: {error.message}" for error in validator.iter_errors(response.json())]
        assert not problems, (path, status, problems[:5])

    return check


def list_paths(spec):
    return [path for path in spec["paths"] if "{slug}" not in path]


def detail_paths(spec):
    return [path for path in spec["paths"] if "{slug}" in path]


def test_the_description_is_valid_openapi_3_1(spec):
    validate_spec(spec)
    assert spec["openapi"] == "3.1.0"


def test_the_description_documents_every_list_and_detail(spec):
    assert sorted(spec["paths"]) == sorted(
        f"/api/{name}/{tail}" for name in ("events", "actors", "places", "sources", "claims") for tail in ("", "{slug}/")
    )
    for path in list_paths(spec):
        assert set(spec["paths"][path]["get"]["responses"]) == {"200", "400"}, path
    for path in detail_paths(spec):
        assert set(spec["paths"][path]["get"]["responses"]) == {"200", "301", "404", "410"}, path


def test_each_list_documents_the_parameters_of_its_filterset_and_of_its_pages(spec):
    filtersets = {
        "events": EventFilter,
        "actors": ActorFilter,
        "places": PlaceFilter,
        "sources": SourceFilter,
        "claims": ClaimFilter,
    }
    for name, filterset in filtersets.items():
        parameters = {parameter["name"] for parameter in spec["paths"][f"/api/{name}/"]["get"]["parameters"]}
        assert parameters == set(filterset.base_filters) | {"cursor", "page_size"}, name


def test_the_enums_are_the_models_choices(spec):
    schemas = spec["components"]["schemas"]

    assert schemas["QualifierEnum"]["enum"] == [
        "exact", "about", "at_least", "at_most", "more_than", "fewer_than", "between", "vague", "unknown"
    ]
    assert schemas["Claim"]["properties"]["qualifier"]["oneOf"][1] == {"$ref": "#/components/schemas/BlankEnum"}
    assert schemas["RoleEnum"]["enum"] == ["side_a", "side_b", "perpetrator", "target", "other"]
    assert "good" in schemas["CoordinateConfidenceEnum"]["enum"]


def test_every_page_of_every_list_and_every_entry_answers_as_documented(client, spec, record, assert_answers_as_documented):
    for path in list_paths(spec):
        url = path + "?page_size=7"
        while url:
            response = client.get(url)
            assert_answers_as_documented(path, response)
            for row in response.json()["results"]:
                detail_path = path + "{slug}/"
                assert_answers_as_documented(detail_path, client.get(path + row["slug"] + "/"))
            url = response.json()["next"]


def test_not_found_answers_as_documented(client, spec, record, assert_answers_as_documented):
    for path in detail_paths(spec):
        for slug in ("no-such-entry", "draft-war"):
            response = client.get(path.replace("{slug}", slug))
            assert response.status_code == 404
            assert_answers_as_documented(path, response)


def test_a_withdrawn_entry_answers_gone_as_documented(client, spec, assert_answers_as_documented):
    event = make_event(slug="raid-on-tessit")
    event.status, event._change_reason = Status.WITHDRAWN, "A duplicate of another entry"
    event.save()

    response = client.get("/api/events/raid-on-tessit/")

    assert response.status_code == 410
    assert_answers_as_documented("/api/events/{slug}/", response)
    assert response.json()["reason"] == "A duplicate of another entry"
    assert response.json()["history"] == "http://testserver/events/raid-on-tessit/history/"


def test_no_documented_parameter_answers_outside_the_description_whatever_its_value(client, spec, record, assert_answers_as_documented):
    for path in list_paths(spec):
        parameters = [parameter["name"] for parameter in spec["paths"][path]["get"]["parameters"]]
        assert {"cursor", "page_size"} <= set(parameters)
        for name in parameters:
            for value in HOSTILE_VALUES:
                response = client.get(path, {name: value})
                assert_answers_as_documented(path, response)


def test_the_docs_page_lays_out_every_operation_parameter_and_field_of_the_description(client, spec):
    response = client.get("/api/docs/")

    page = response.content.decode()
    assert response.status_code == 200
    for path, item in spec["paths"].items():
        assert f"<code>GET {path}</code>" in page
        for parameter in item["get"]["parameters"]:
            assert f"<code>{parameter['name']}</code>" in page
    for name, schema in spec["components"]["schemas"].items():
        assert f'<h3 id="schema-{name}">{name}</h3>' in page
        for field in schema.get("properties", {}):
            assert f'<th scope="row"><code>{field}</code></th>' in page
    assert "<code>at_least</code>" in page and "at least" in page
    assert '<a href="#schema-ClaimRef">ClaimRef</a> or null' in page
    assert "<script" not in page
