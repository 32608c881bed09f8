"""Dossiers: any event that contains others reads as an article; the front page shows the one editors feature."""

import datetime
import html
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.test.utils import CaptureQueriesContext
from django.urls import reverse

from events.models import Event, Participation, Status
from tests.factories import make_actor, make_claim, make_event

pytestmark = pytest.mark.django_db

FRONT = reverse("overview")
D = datetime.date


def text_of(response):
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", response.content.decode())).split())


def dossier_url(event):
    return reverse("event-dossier", args=[event.slug])


def make_war(slug="mali-war", title="Mali War", parts=2, **fields):
    war = make_event(slug=slug, title=title, event_type=Event.Type.CONFLICT, start_date=D(2012, 1, 16),
                     end_date=None, **fields)
    for number in range(1, parts + 1):
        make_event(title=f"{title}, part {number}", parent=war, start_date=D(2012, number, 1))
    return war


def test_the_front_page_shows_the_featured_dossier_and_lists_the_others(client):
    jnim, isgs = make_actor(short_name="JNIM", name="JNIM"), make_actor(short_name="ISGS", name="ISGS")
    war = make_war()
    clashes = make_event(
        slug="tessit-clashes", title="Tessit clashes", parent=war, start_date=D(2022, 8, 7), end_date=D(2022, 8, 9),
        participants=[(jnim, Participation.Role.SIDE_A), (isgs, Participation.Role.SIDE_B)], featured=True,
    )
    make_event(title="Attack on the Tessit camp", parent=clashes, start_date=D(2022, 8, 7))
    make_claim(event=clashes, party=jnim, claimant=isgs, value_low=42, wording="42 killed")

    content = client.get(FRONT).content.decode()
    page = text_of(client.get(FRONT))

    assert "<h1>Tessit clashes</h1>" in content
    assert "At a glance" in page and "Casualties and losses 42 killed (per ISGS)" in page
    assert re.search(r"Battle 7 August 2022 Attack on the Tessit camp", page)
    assert "Other dossiers Mali War" in page
    assert f'href="{dossier_url(war)}"' in content


def test_any_event_that_contains_others_reads_as_a_dossier(client):
    war = make_war(parts=3)

    response = client.get(dossier_url(war))

    assert response.status_code == 200
    page = text_of(response)
    assert "At a glance" in page
    # A war's parts are its chronology, not a battle.
    assert "Chronology 1 January 2012 Mali War, part 1" in page and "Mali War, part 3" in page
    assert "Battle Mali War" not in page
    assert f'href="{dossier_url(war)}"' in client.get(war.get_absolute_url()).content.decode()


def test_an_event_with_no_published_part_has_no_dossier(client):
    lone = make_event(slug="lone-raid")
    with_draft_part = make_event(slug="secret-campaign")
    make_event(parent=with_draft_part, status=Status.DRAFT)
    draft_war = make_war(slug="draft-war", status=Status.DRAFT)

    for event in (lone, with_draft_part, draft_war):
        assert client.get(dossier_url(event)).status_code == 404, event.slug
    assert "Read Lone Raid as a dossier" not in text_of(client.get(lone.get_absolute_url()))


def test_a_featured_draft_is_not_shown_and_the_front_page_lists_the_dossiers(client):
    make_war(title="Zqx draft war", slug="zqx", status=Status.DRAFT, featured=True)
    make_war()

    response = client.get(FRONT)

    assert response.status_code == 200
    assert "Zqx" not in response.content.decode()
    assert "Dossiers Mali War" in text_of(response)


def test_the_featured_event_comes_before_the_fallback_of_an_unfeatured_record(client, settings):
    make_war(slug=settings.FRONT_PAGE_FALLBACK_EVENT, title="The old front page")
    assert "<h1>The old front page</h1>" in client.get(FRONT).content.decode()

    make_war(slug="mali-war", title="Mali War", featured=True)

    content = client.get(FRONT).content.decode()
    assert "<h1>Mali War</h1>" in content
    assert "Other dossiers" in text_of(client.get(FRONT)) and "The old front page" in content


def test_at_most_one_event_is_featured(client):
    make_war(slug="first", featured=True)
    second = make_war(slug="second")
    second.featured = True

    with pytest.raises(ValidationError, match="Another event is featured on the front page"):
        second.validate_constraints()
    with pytest.raises(IntegrityError), transaction.atomic():
        second.save()
    second.featured = False
    second.save()
    assert list(Event.objects.filter(featured=True).values_list("slug", flat=True)) == ["first"]


def test_a_renamed_dossier_keeps_its_old_address(client):
    war = make_war(slug="old-war")
    war.slug = "new-war"
    war.save()

    response = client.get("/events/old-war/dossier/")

    assert response.status_code == 301
    assert response["Location"] == "/events/new-war/dossier/"


def queries_for(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_dossier_pages_make_as_many_queries_for_many_dossiers_as_for_few(client):
    featured = make_war(slug="featured", featured=True)
    make_war(slug="other")
    few = [queries_for(client, FRONT), queries_for(client, dossier_url(featured))]

    for number in range(30):
        make_war(slug=f"war-{number}", title=f"War {number}", parts=3)
    many = [queries_for(client, FRONT), queries_for(client, dossier_url(featured))]

    assert few == many
    assert "Showing 20 of 31 dossiers" in text_of(client.get(FRONT))


def test_the_shipped_record_features_the_article_and_lists_the_wars_it_is_part_of(client):
    call_command("loaddata", "menaka_clashes", verbosity=0)

    assert list(Event.objects.filter(featured=True).values_list("slug", flat=True)) == [
        "december-2022-menaka-region-clashes"
    ]
    page = text_of(client.get(FRONT))
    assert page.count("At a glance") == 1
    other = page.split("Other dossiers", 1)[1]
    assert "JNIM–ISGS war" in other and "Mali War" in other
    # Where the figures come from, and when they reached this record: the import is no publication.
    assert "The infobox’s figures come from December 2022 Ménaka region clashes (Wikipedia)" in page
    assert "This event was entered in this record on" in page
