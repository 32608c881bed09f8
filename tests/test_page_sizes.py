"""No public page grows with the record: on a large synthetic record every page type stays under 150 KB,
and a detail page shows the first rows of a long list with a link to the rest."""

import re

import pytest
from django.core.management import call_command
from django.db.models import Count, Q
from django.urls import reverse

from events.models import Actor, Event, EventPlace, Place, Status
from sources.models import Claim, Source
from sources.public import public_claims

pytestmark = pytest.mark.django_db

MAX_BYTES = 150 * 1024
EVENTS = 4000


def published(model):
    return model.objects.published()


def most(queryset, relation, **condition):
    """The published entry with the most published rows in ``relation``."""
    return queryset.annotate(n=Count(relation, filter=Q(**condition))).order_by("-n", "pk").first()


@pytest.fixture
def large_record(db):
    call_command("loaddata", "menaka_clashes", verbosity=0)
    call_command("synthesize", events=EVENTS, seed=1, verbosity=0)
    campaign = most(published(Event), "children", children__status=Status.PUBLISHED)
    return {
        "campaign": campaign,
        "actor": most(published(Actor), "participations", participations__event__status=Status.PUBLISHED),
        "region": most(published(Place), "children", children__status=Status.PUBLISHED),
        "village": Place.objects.get(pk=EventPlace.objects.filter(place__status=Status.PUBLISHED).values("place")
                                     .annotate(n=Count("pk")).order_by("-n").values("place")[:1]),
        "source": most(published(Source), "citations"),
        "claim": Claim.objects.published().filter(citations__isnull=False).first(),
    }


def page_urls(record):
    return {
        "overview": reverse("overview"),
        "event list": reverse("event-list"),
        "event list, last page": reverse("event-list") + "?page=last",
        "event list, filtered by typing": reverse("event-list") + "?actor=synthetic&place=synthetic",
        "event page, a campaign": record["campaign"].get_absolute_url(),
        "claim list": reverse("claim-list"),
        "claim list, last page": reverse("claim-list") + "?page=last",
        "claim page": record["claim"].get_absolute_url(),
        "actor list": reverse("actor-list"),
        "actor page": record["actor"].get_absolute_url(),
        "place list": reverse("place-list"),
        "place page, a region": record["region"].get_absolute_url(),
        "place page, a village": record["village"].get_absolute_url(),
        "source list": reverse("source-list"),
        "source page": record["source"].get_absolute_url(),
        "event corrections log": reverse("event-history", args=[record["campaign"].slug]),
        "timeline": reverse("timeline"),
        "timeline, a campaign's parts": reverse("timeline") + f"?within={record['campaign'].slug}",
    }


def test_every_public_page_type_stays_under_150_kb_on_a_large_record(client, large_record):
    sizes = {}
    for name, url in page_urls(large_record).items():
        response = client.get(url)
        assert response.status_code == 200, url
        sizes[name] = len(response.content)

    assert {name: size for name, size in sizes.items() if size > MAX_BYTES} == {}


def see_all(response):
    """Each "Showing N of M things — see them all" note, as (N, M, things, link)."""
    return [
        (int(shown.replace(",", "")), int(total.replace(",", "")), noun, link.replace("&amp;", "&"))
        for shown, total, noun, link in re.findall(
            r'<p class="see-all">Showing ([\d,]+) of ([\d,]+) ([^<]+?) — <a href="([^"]+)">see them all</a>\.</p>',
            response.content.decode(),
        )
    ]


def test_each_detail_page_shows_the_first_rows_of_a_long_list_and_links_to_all_of_them(client, large_record, monkeypatch):
    # The record CI can afford fills a war's parts and an actor's events, not yet a commune or a source at the
    # bounds chosen for 100,000 events: the bounds are lowered here to see the link the reader gets.
    monkeypatch.setattr("events.views.CHILD_PLACES_SHOWN", 10)
    monkeypatch.setattr("sources.views.CITATIONS_SHOWN", 10)
    campaign, region, actor, source = (large_record[key] for key in ("campaign", "region", "actor", "source"))
    expected = {
        campaign.get_absolute_url(): (
            50, Event.objects.published().filter(parent=campaign).count(), "parts", f"/events/?part_of={campaign.slug}"
        ),
        region.get_absolute_url(): (
            10, Place.objects.published().filter(parent=region).count(), "places", f"/places/?within={region.slug}"
        ),
        actor.get_absolute_url(): (
            50,
            Event.objects.published().filter(participations__actor=actor).count(),
            "events",
            f"/events/?actor={actor.slug}",
        ),
        source.get_absolute_url(): (
            10, public_claims().filter(citations__source=source).count(), "claims", f"/claims/?source={source.slug}"
        ),
    }

    for url, (shown, total, noun, link) in expected.items():
        assert total > shown, url
        assert (shown, total, noun, link) in see_all(client.get(url)), url
        assert f"{total:,} " in client.get(link).content.decode().split("<caption>", 1)[1].split("</caption>", 1)[0], link
