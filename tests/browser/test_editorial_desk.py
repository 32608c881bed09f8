"""The editorial desk in a real browser: an editor adds an event with its participants and a claim with a citation,
submits them together, and a reviewer finds them in the queue and publishes them."""

import importlib
import re
from types import SimpleNamespace

import pytest
from django.apps import apps as django_apps
from django.db import connection
from django.test import Client

from events.models import Actor, Event, Status
from sources.models import Claim
from tests.admin_helpers import make_editor, make_reviewer
from tests.factories import make_actor, make_source

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture(autouse=True)
def editorial_groups():
    """The roles come from a data migration, whose rows an earlier transactional test's flush removes."""
    migration = importlib.import_module("sources.migrations.0002_editorial_groups")
    migration.create_groups(django_apps, SimpleNamespace(connection=connection))


PASSWORD = "a-long-test-password"
# The page loads of the whole walk, editor and reviewer together: the README's editor section quotes it.
PAGE_LOADS = 12
WIDE = 1280


def count_page_loads(tab):
    loads = []
    tab.on("load", lambda: loads.append(tab.url))
    return loads


def sign_in(tab, username):
    tab.goto("/admin/login/")
    tab.get_by_label("Username").fill(username)
    tab.get_by_label("Password").fill(PASSWORD)
    tab.get_by_role("button", name="Log in").click()
    tab.wait_for_url("**/admin/")


def sign_out(tab):
    tab.get_by_role("button", name="Log out").click()
    tab.wait_for_url("**/admin/logout/")


def choose(tab, row, term, name):
    """Pick an entry in an autocomplete box of the given row: type a few letters, then the offer."""
    row.locator(".select2-selection").click()
    tab.locator(".select2-search__field").fill(term)
    tab.locator(".select2-results__option", has_text=name).first.click()


def fits_the_width(tab):
    return tab.evaluate("document.documentElement.scrollWidth") <= WIDE


def test_an_editor_adds_and_submits_an_event_with_its_claim_and_a_reviewer_publishes_them_from_the_queue(tab):
    make_editor(username="edna")
    make_reviewer(username="rita")
    make_actor(name="Jama'at Nasr al-Islam wal Muslimin", short_name="JNIM")
    make_actor(name="Islamic State in the Greater Sahara", short_name="ISGS")
    make_actor(name="Anonymous Tuareg source", kind=Actor.Kind.ANONYMOUS_SOURCE, description="Speaks of JNIM")
    make_source(title="Le Monde report")
    loads = count_page_loads(tab)

    sign_in(tab, "edna")
    tab.goto("/admin/events/event/add/")
    assert fits_the_width(tab), "the event form scrolls sideways at 1280 px"
    tab.get_by_label("Title:", exact=True).fill("Battle of Inekar")
    tab.get_by_label("Type:", exact=True).select_option("battles")
    tab.get_by_label("Start date:").fill("2022-12-12")
    tab.get_by_label("Start precision:").select_option("day")
    tab.get_by_label("End date:").fill("2022-12-12")
    tab.get_by_label("End precision:").select_option("day")
    participants = tab.locator("#participations-group")
    for term, name, role in (("JNIM", "JNIM", "side_a"), ("ISGS", "ISGS", "side_b")):
        participants.get_by_role("button", name="Add another participant").click()
        row = participants.locator("tr.form-row.dynamic-participations").last
        choose(tab, row, term, name)
        row.locator("select[name$='-role']").select_option(role)
    claims = tab.locator("#claims-group")
    claims.get_by_role("button", name="Add another claim about this event").click()
    claim_row = claims.locator("tr.form-row.dynamic-claims").last
    claim_row.locator("input[name$='-statement']").fill("JNIM lost 12 fighters at Inekar")
    claim_row.locator("select[name$='-kind']").select_option("killed")
    claim_row.locator("textarea[name$='-wording']").fill("12 fighters")
    assert claim_row.locator("input[name$='-slug']").input_value() == "jnim-lost-12-fighters-at-inekar"
    assert fits_the_width(tab), "the event form with its rows scrolls sideways at 1280 px"
    tab.get_by_role("button", name="Save and continue editing").click()
    tab.wait_for_url(re.compile(r"/admin/events/event/\d+/change/"))

    tab.locator("#claims-group").get_by_role("link", name="Change").first.click()
    tab.wait_for_url(re.compile(r"/admin/sources/claim/\d+/change/"))
    citations = tab.locator("#citations-group")
    citations.get_by_role("button", name="Add another citation").click()
    citation_row = citations.locator("tr.form-row.dynamic-citations").last
    choose(tab, citation_row, "Monde", "Le Monde report")
    citation_row.locator("input[name$='-locator']").fill("paragraph 3")
    tab.get_by_role("button", name="Save", exact=True).click()
    tab.wait_for_url("**/admin/sources/claim/")
    assert fits_the_width(tab), "the claims list scrolls sideways at 1280 px"

    tab.goto("/admin/events/event/")
    assert fits_the_width(tab), "the events list scrolls sideways at 1280 px"
    tab.get_by_role("row", name=re.compile("Battle of Inekar")).get_by_role("checkbox").check()
    tab.get_by_label("Action:").select_option("submit_for_review")
    tab.get_by_role("button", name="Go").click()
    tab.get_by_text("1 event submitted for review").wait_for()
    tab.wait_for_load_state("load")
    assert "1 event submitted for review, with 1 related: claim “JNIM lost 12 fighters at Inekar”" in tab.content()
    sign_out(tab)

    sign_in(tab, "rita")
    queue = tab.locator("#review-queue")
    assert "Battle of Inekar" in queue.inner_text() and "edna" in queue.inner_text()
    queue.get_by_role("row", name=re.compile("Battle of Inekar")).get_by_role(
        "button", name="Publish with the 1 related"
    ).click()
    # Wait for the page the publish leads to, not for a message list an earlier page may have had.
    tab.get_by_text("1 event published, with 1 related").wait_for()
    tab.wait_for_load_state("load")
    assert "1 event published, with 1 related" in tab.content()

    assert len(loads) == PAGE_LOADS, loads
    event, claim = Event.objects.get(title="Battle of Inekar"), Claim.objects.get()
    assert (event.status, claim.status) == (Status.PUBLISHED, Status.PUBLISHED)
    public = Client().get(event.get_absolute_url()).content.decode()
    assert "JNIM lost 12 fighters at Inekar" in public and "Le Monde report" in public
    assert "Jama&#x27;at Nasr al-Islam wal Muslimin" in public and "Islamic State in the Greater Sahara" in public
