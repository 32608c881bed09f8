"""The lengths of the public lists are counted once per version of the record, and are never stale.

The page cache is off here, so that each request renders its page and only the counts can come from
the cache: a change to the record must show in them on the very next request all the same.
"""

import html
import re

import pytest
from django.db import connection
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from editorial.page_cache import record_changed
from events.models import Status
from sources.models import Claim
from tests.factories import make_citation, make_claim, make_event, make_source

pytestmark = pytest.mark.django_db

CLAIMS = reverse("claim-list")
EVENTS = reverse("event-list")
SOURCES = reverse("source-list")


@pytest.fixture
def reader():
    """A reader's client on a site with the page cache off: a new client, so that the setting applies."""
    with override_settings(PAGE_CACHE_ENABLED=False):
        yield Client()


def text_of(response):
    assert response.status_code == 200
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", response.content.decode())).split())


def test_a_published_claim_is_counted_on_the_next_request_and_a_draft_never(reader):
    for _ in range(3):
        make_claim()
    assert "3 claims" in text_of(reader.get(CLAIMS))

    make_claim()
    make_claim(status=Status.DRAFT)
    make_claim(event=make_event(status=Status.DRAFT))

    assert "4 claims" in text_of(reader.get(CLAIMS))


def test_a_claim_withdrawn_in_bulk_leaves_the_count_once_the_writer_says_so(reader):
    claims = [make_claim() for _ in range(3)]
    assert "3 claims" in text_of(reader.get(CLAIMS))

    Claim.objects.filter(pk=claims[0].pk).update(status=Status.WITHDRAWN)
    record_changed()

    assert "2 claims" in text_of(reader.get(CLAIMS))


def test_a_filtered_list_has_a_count_of_its_own(reader):
    make_claim(kind=Claim.Kind.KILLED)
    make_claim(kind=Claim.Kind.WOUNDED)
    make_claim(kind=Claim.Kind.WOUNDED)

    assert "3 claims" in text_of(reader.get(CLAIMS))
    assert "1 claim matching the filters" in text_of(reader.get(CLAIMS, {"kind": "killed"}))
    assert "2 claims matching the filters" in text_of(reader.get(CLAIMS, {"kind": "wounded"}))


def test_an_unchanged_record_is_not_counted_again(reader):
    for _ in range(3):
        make_event()
    reader.get(EVENTS)

    with CaptureQueriesContext(connection) as queries:
        text = text_of(reader.get(EVENTS))

    assert "3 events" in text
    assert not [query for query in queries if "COUNT(" in query["sql"].upper()]


def test_a_sources_claim_count_follows_a_new_citation_on_the_next_request(reader):
    source = make_source(title="Field report")
    make_claim(sources=[source])
    assert "Field report not known not known not known News article 1" in text_of(reader.get(SOURCES))

    make_citation(make_claim(), source)
    make_citation(make_claim(status=Status.DRAFT), source)

    assert "Field report not known not known not known News article 2" in text_of(reader.get(SOURCES))
