"""The public list of sources and the source page: citation details, and every published claim that cites it."""

import datetime
import html
import re

import pytest
from django.core.management import call_command
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import Status
from sources.models import Claim, Source
from tests.factories import make_actor, make_citation, make_claim, make_event, make_source, make_user

pytestmark = pytest.mark.django_db

SOURCES = reverse("source-list")
MARKER = "Zqxdraftmarker"
D = datetime.date


def text_of(response):
    """The words a reader sees, one space between elements."""
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", response.content.decode())).split())


def make_wikipedia():
    return make_source(
        slug="wikipedia-menaka-clashes",
        title="December 2022 Ménaka region clashes",
        kind=Source.Kind.ENCYCLOPEDIA,
        publisher="Wikipedia",
        url="https://en.wikipedia.org/wiki/December_2022_M%C3%A9naka_region_clashes",
        access_date=D(2024, 5, 1),
        language="en",
    )


# The list


def test_the_list_shows_published_sources_with_their_published_claim_counts(client):
    wikipedia = make_wikipedia()
    make_source(title="Le Monde on the Ménaka clashes", publisher="Le Monde")
    for _ in range(3):
        make_claim(sources=[wikipedia])
    make_claim(sources=[wikipedia], status=Status.DRAFT)
    make_claim(sources=[wikipedia], event=make_event(status=Status.DRAFT))

    response = client.get(SOURCES)

    assert response.status_code == 200
    text = text_of(response)
    assert "2 published sources" in text
    assert "December 2022 Ménaka region clashes Wikipedia not known not known Encyclopedia article 3" in text
    assert "Le Monde on the Ménaka clashes Le Monde not known not known News article 0" in text


def test_the_list_leaves_out_unpublished_sources(client):
    make_source(title="Published source")
    for status in (Status.DRAFT, Status.REVIEW, Status.WITHDRAWN):
        make_source(title=f"{MARKER} {status}", status=status)

    response = client.get(SOURCES)

    assert MARKER not in response.content.decode()
    assert "1 published source" in text_of(response)


def test_the_list_is_paginated_and_a_page_beyond_the_last_is_not_found(client):
    for number in range(51):
        make_source(title=f"Source {number:02d}")

    first = client.get(SOURCES)
    second = client.get(SOURCES, {"page": "2"})

    assert "Source 49" in first.content.decode() and "Source 50" not in first.content.decode()
    assert 'href="?page=2"' in first.content.decode()
    assert "Source 50" in second.content.decode()
    for page in ["3", "999999999999", "0", "-1", "two", "\x00"]:
        assert client.get(SOURCES, {"page": page}).status_code == 404, page
    assert client.get(SOURCES + "?page=2&page=1").status_code == 200


def test_an_empty_list_says_so(client):
    assert "No sources are published yet." in text_of(client.get(SOURCES))


# The source page


def test_the_source_page_gives_the_citation_details_and_says_not_known_where_empty(client):
    wikipedia = make_wikipedia()

    response = client.get(wikipedia.get_absolute_url())

    assert response.status_code == 200
    text = text_of(response)
    assert "<h1>December 2022 Ménaka region clashes</h1>" in response.content.decode()
    assert "Publisher Wikipedia" in text
    assert "Author not known" in text
    assert "Date not known" in text
    assert "URL https://en.wikipedia.org/wiki/December_2022_M%C3%A9naka_region_clashes" in text
    assert "Access date 1 May 2024" in text
    assert "Archive URL not known" in text
    assert "Language English (en)" in text
    assert (
        "<title>December 2022 Ménaka region clashes (source) — The Ménaka record</title>" in response.content.decode()
    )


def test_the_source_page_shows_an_unknown_language_tag_as_it_is(client):
    source = make_source(language="tmh")

    assert "Language tmh" in text_of(client.get(source.get_absolute_url()))


def test_the_source_page_lists_every_published_claim_citing_it_with_quote_and_locator(client):
    wikipedia = make_wikipedia()
    isgs = make_actor(slug="isgs", name="Islamic State in the Greater Sahara", short_name="ISGS")
    battle = make_event(title="Battles of Tadjalalt and Haroum")
    claim = make_claim(
        event=battle,
        statement="ISGS says it killed 100 JNIM fighters",
        unit=Claim.Unit.FIGHTERS,
        value_low=100,
        wording="a hundred JNIM soldiers",
        claimant=isgs,
    )
    make_citation(
        claim, wikipedia, locator="Battle, paragraph 2", quote="ISGS claimed to have killed a hundred JNIM soldiers."
    )
    unattributed = make_claim(event=battle, statement="583 households were displaced", wording="583 households")
    make_citation(unattributed, wikipedia)

    response = client.get(wikipedia.get_absolute_url())

    text = text_of(response)
    assert "2 published claims citing this source" in text
    assert (
        "ISGS says it killed 100 JNIM fighters Battles of Tadjalalt and Haroum 100 fighters "
        "a hundred JNIM soldiers ISGS Battle, paragraph 2 ISGS claimed to have killed a hundred JNIM soldiers." in text
    )
    assert "583 households were displaced" in text and "none named: the source's own voice" in text
    assert f'href="{claim.get_absolute_url()}"' in response.content.decode()


@pytest.mark.parametrize("hidden", [Status.DRAFT, Status.REVIEW, Status.WITHDRAWN])
def test_the_source_page_shows_no_unpublished_claim(client, hidden):
    wikipedia = make_wikipedia()
    make_claim(statement="A published claim", sources=[wikipedia])
    make_claim(statement=f"{MARKER} claim", sources=[wikipedia], status=hidden)
    make_claim(statement="About a hidden event", event=make_event(title=MARKER, status=hidden), sources=[wikipedia])
    make_claim(statement="By a hidden claimant", claimant=make_actor(name=MARKER, status=hidden), sources=[wikipedia])

    response = client.get(wikipedia.get_absolute_url())

    assert MARKER not in response.content.decode()
    assert "hidden" not in text_of(response)
    assert "1 published claim citing this source" in text_of(response)


@pytest.mark.parametrize("hidden", [Status.DRAFT, Status.REVIEW, Status.WITHDRAWN])
def test_an_unpublished_source_is_not_found_by_the_public(client, hidden):
    source = make_source(title=MARKER, status=hidden)

    response = client.get(source.get_absolute_url())

    assert response.status_code == 404
    assert MARKER not in response.content.decode()


def test_staff_preview_an_unpublished_source_with_a_banner(client):
    source = make_source(title="Unpublished interview", status=Status.REVIEW)
    client.force_login(make_user(is_staff=True))

    response = client.get(source.get_absolute_url())

    assert response.status_code == 200
    assert "Preview: not published (status: In review)" in text_of(response)
    assert "Corrections log" not in text_of(response)


def test_a_published_source_has_no_preview_banner_and_links_its_corrections_log(client):
    source = make_source()
    client.force_login(make_user(is_staff=True))

    response = client.get(source.get_absolute_url())

    assert "Preview" not in text_of(response)
    assert f'href="{reverse("source-history", args=[source.slug])}"' in response.content.decode()


def test_the_source_history_page_answers_for_published_sources_only(client):
    published = make_source()
    draft = make_source(status=Status.DRAFT)

    assert client.get(reverse("source-history", args=[published.slug])).status_code == 200
    assert client.get(reverse("source-history", args=[draft.slug])).status_code == 404


def test_an_unknown_source_is_not_found(client):
    assert client.get(reverse("source-detail", args=["no-such-source"])).status_code == 404


# Query counts


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_the_source_pages_make_as_many_queries_for_much_data_as_for_little(client):
    wikipedia = make_wikipedia()
    make_claim(sources=[wikipedia], claimant=make_actor(), party=make_actor())
    few = (queries_for(client, SOURCES), queries_for(client, wikipedia.get_absolute_url()))

    for _ in range(40):
        other = make_source()
        make_claim(sources=[wikipedia, other], claimant=make_actor(), party=make_actor())
    many = (queries_for(client, SOURCES), queries_for(client, wikipedia.get_absolute_url()))

    assert few == many


# The shipped record


def test_the_shipped_wikipedia_source_gives_what_is_known_and_no_more(client):
    call_command("loaddata", "menaka_clashes", verbosity=0)
    wikipedia = Source.objects.get(publisher="Wikipedia")

    response = client.get(wikipedia.get_absolute_url())

    text = text_of(response)
    assert "Publisher Wikipedia" in text
    assert "Author not known" in text
    assert "Language English (en)" in text
    assert "Infobox, casualties and losses, JNIM's column" in text
    assert f"{wikipedia.claims.count()} published claims citing this source" in text
