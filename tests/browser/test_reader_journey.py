"""A reader narrows the events down by actor and dates, opens one and compares its claims."""

import re

import pytest

from events.models import Event, Participation
from sources.models import Claim

from .pages import MAIN_EVENT

pytestmark = pytest.mark.django_db(transaction=True)


def events_caption(tab):
    return tab.locator("table caption").inner_text()


def test_a_reader_filters_events_by_actor_and_dates_then_compares_the_claims_of_one(tab, record):
    main_event = Event.objects.get(slug=MAIN_EVENT)
    side_a = Participation.objects.get(event=main_event, role=Participation.Role.SIDE_A).actor
    side_b = Participation.objects.get(event=main_event, role=Participation.Role.SIDE_B).actor
    # Each side's claim about the other side's dead: the contested figures of the battle.
    killed = Claim.objects.published().filter(event=main_event, kind=Claim.Kind.KILLED)
    claim_by_b = killed.filter(claimant=side_b, party=side_a).first()
    claim_by_a = killed.filter(claimant=side_a, party=side_b).first()

    tab.goto("/events/")
    unfiltered = int(re.match(r"\d+", events_caption(tab)).group())
    actor_field = tab.get_by_label("Actor", exact=True)
    actor_field.press_sequentially(side_a.label[:3])
    # The site suggests matching actors as the reader types; choosing one fills in its slug.
    suggestion = tab.locator(f'datalist#id_actor-suggestions option[value="{side_a.slug}"]')
    suggestion.wait_for(state="attached")
    actor_field.fill(suggestion.get_attribute("value"))
    tab.get_by_label("From", exact=True).fill("2022-12-01")
    tab.get_by_label("To", exact=True).fill("2022-12-31")
    tab.get_by_role("button", name="Apply filters").click()

    tab.wait_for_url(re.compile(r"/events/\?"))
    assert f"actor={side_a.slug}" in tab.url and "start=2022-12-01" in tab.url and "end=2022-12-31" in tab.url
    filtered = int(re.match(r"\d+", events_caption(tab)).group())
    assert 0 < filtered < unfiltered
    dates = tab.locator("table tbody td[data-label=Date]").all_inner_texts()
    assert dates and all("December 2022" in date for date in dates)
    assert tab.get_by_label("Actor", exact=True).input_value() == side_a.slug

    tab.get_by_role("link", name=main_event.title, exact=True).click()

    tab.wait_for_url(f"**/events/{MAIN_EVENT}/")
    assert tab.get_by_role("heading", level=1).inner_text() == main_event.title
    card_by_b = tab.locator(f'.claim-card:has(a[href="{claim_by_b.get_absolute_url()}"])').first
    card_by_a = tab.locator(f'.claim-card:has(a[href="{claim_by_a.get_absolute_url()}"])').first
    assert claim_by_b.wording in card_by_b.inner_text() and side_b.label in card_by_b.inner_text()
    assert claim_by_a.wording in card_by_a.inner_text() and side_a.label in card_by_a.inner_text()
    left, right = sorted([card_by_a.bounding_box(), card_by_b.bounding_box()], key=lambda box: box["x"])
    assert left["x"] + left["width"] <= right["x"], "the two figures are not side by side"
    assert left["y"] < right["y"] + right["height"] and right["y"] < left["y"] + left["height"]
