"""Claims that say exactly what was said: more than, fewer than, magnitudes in words, when a claim was made, claims
that supersede others, the two grades of an event, and a claimant beside every claim shown (issue 13)."""

import csv
import datetime
import html
import io
import re

import pytest
from django.core.exceptions import ValidationError
from django.core.management import call_command
from django.db import IntegrityError, connection, transaction
from django.db.migrations.executor import MigrationExecutor
from django.db.models import F
from django.urls import reverse
from django.utils import timezone

from events.models import Status
from sources.models import Claim
from sources.templatetags.claims import describe_figure
from tests.factories import make_actor, make_claim, make_event, make_source

pytestmark = pytest.mark.django_db

Q = Claim.Qualifier


def text_of(response):
    return " ".join(html.unescape(re.sub(r"<[^>]*>", " ", response.content.decode())).split())


def refused_by_database(**fields):
    with pytest.raises(IntegrityError), transaction.atomic():
        make_claim(**fields)


@pytest.fixture
def article():
    call_command("loaddata", "menaka_clashes", verbosity=0)


# Qualifiers that hold the words


@pytest.mark.parametrize(
    "fields",
    [
        {"qualifier": Q.MORE_THAN, "value_low": 73, "value_high": 80},
        {"qualifier": Q.MORE_THAN, "value_low": None, "value_high": None},
        {"qualifier": Q.FEWER_THAN, "value_low": 10, "value_high": 50},
        {"qualifier": Q.FEWER_THAN, "value_low": None, "value_high": None},
        {"qualifier": Q.VAGUE, "magnitude": "dozens", "value_low": None, "value_high": None},
        {"qualifier": Q.VAGUE, "magnitude": "", "value_low": 24, "value_high": 99},
        {"qualifier": Q.AT_LEAST, "magnitude": "dozens", "value_low": 24, "value_high": None},
    ],
)
def test_the_database_refuses_a_figure_that_does_not_fit_the_new_qualifiers(fields):
    refused_by_database(**fields)


def test_the_database_refuses_a_claim_date_without_its_precision_and_as_of_on_a_non_figure():
    refused_by_database(qualifier=Q.EXACT, value_low=5, stated_on=datetime.date(2022, 12, 8))
    refused_by_database(qualifier=Q.EXACT, value_low=5, stated_on_precision="day")
    refused_by_database(
        qualifier=Q.NOT_A_FIGURE, value_low=None, value_high=None, as_of=datetime.date(2022, 12, 8), as_of_precision="day"
    )


def test_the_database_refuses_a_claim_that_supersedes_itself():
    claim = make_claim()

    with pytest.raises(IntegrityError), transaction.atomic():
        Claim.objects.filter(pk=claim.pk).update(supersedes=F("pk"))


def test_the_editor_is_told_what_each_new_qualifier_takes():
    more = make_claim(qualifier=Q.MORE_THAN, value_low=73, wording="over seventy-three")
    more.value_high = 80
    with pytest.raises(ValidationError) as refused:
        more.full_clean()
    assert "“More than” takes a lower bound only" in str(refused.value)

    vague = make_claim(qualifier=Q.VAGUE, magnitude="dozens", value_low=24, wording="dozens")
    vague.magnitude = ""
    with pytest.raises(ValidationError) as refused:
        vague.full_clean()
    assert "Give the word said" in str(refused.value)

    vague.magnitude, vague.supersedes = "dozens", vague
    with pytest.raises(ValidationError) as refused:
        vague.full_clean()
    assert "A claim cannot supersede itself." in str(refused.value)


@pytest.mark.parametrize(
    "qualifier, low, high, magnitude, words",
    [
        (Q.MORE_THAN, 73, None, "", "more than 73 fighters"),
        (Q.FEWER_THAN, None, 50, "", "fewer than 50 fighters"),
        (Q.VAGUE, 24, 99, "dozens", "dozens of fighters (read as between 24 and 99)"),
        (Q.VAGUE, 200, None, "hundreds", "hundreds of fighters (read as at least 200)"),
    ],
)
def test_the_new_qualifiers_read_as_said(qualifier, low, high, magnitude, words):
    assert describe_figure(qualifier, low, high, Claim.Unit.FIGHTERS, magnitude) == words


def test_over_seventy_three_is_stored_and_shown_as_more_than_73(client, article):
    claim = Claim.objects.get(slug="haroum-killed-isgs-per-jnim")

    assert (claim.qualifier, claim.value_low, claim.value_high) == (Q.MORE_THAN, 73, None)
    assert "Figure More than 73 fighters (more than; lower bound 73" in text_of(client.get(claim.get_absolute_url()))
    figures = text_of(client.get(reverse("figures"), {"event": "battles-of-tadjalalt-and-haroum"}))
    assert "More than 73 fighters" in figures
    assert "at least 73" not in figures.lower()
    rows = {row["claim"]: row for row in csv.DictReader(io.StringIO(client.get("/claims.csv").getvalue().decode()))}
    assert rows["haroum-killed-isgs-per-jnim"]["qualifier"] == "more_than"


@pytest.mark.django_db(transaction=True)
def test_the_data_migration_carries_the_article_figures_to_what_their_words_say():
    before, after = [("sources", "0003_claim_wording_dates_supersedes")], [("sources", "0004_article_figures_as_worded")]
    executor = MigrationExecutor(connection)
    try:
        executor.migrate(before)
        apps = executor.loader.project_state(before).apps
        jnim = apps.get_model("events", "Actor").objects.create(
            slug="jnim", name="JNIM", kind="armed_group", status="published"
        )
        OldClaim = apps.get_model("sources", "Claim")
        common = {"kind": "killed", "actor": jnim, "qualifier": "at_least", "unit": "fighters", "status": "published"}
        OldClaim.objects.create(slug="haroum-killed-isgs-per-jnim", statement="s", wording="over seventy-three", value_low=73, **common)
        OldClaim.objects.create(slug="clashes-killed-isgs-per-jnim", statement="s", wording="73+", value_low=73, **common)
        OldClaim.objects.create(slug="clashes-killed-civilians", statement="s", wording="70+", value_low=70, **common)
        OldClaim.objects.create(slug="an-editors-own-claim", statement="s", wording="at least 73", value_low=73, **common)

        executor = MigrationExecutor(connection)
        executor.migrate(after)
        NewClaim = executor.loader.project_state(after).apps.get_model("sources", "Claim")
        found = dict(NewClaim.objects.values_list("slug", "qualifier"))
        assert found == {
            "haroum-killed-isgs-per-jnim": "more_than",
            "clashes-killed-isgs-per-jnim": "more_than",
            "clashes-killed-civilians": "at_least",
            "an-editors-own-claim": "at_least",
        }
        assert NewClaim.objects.get(slug="haroum-killed-isgs-per-jnim").value_low == 73
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())


@pytest.mark.django_db(transaction=True)
def test_a_claim_the_data_migration_corrected_has_a_revision_saying_why():
    before, after = [("sources", "0003_claim_wording_dates_supersedes")], [("sources", "0006_revisions_for_the_figures_as_worded")]
    executor = MigrationExecutor(connection)
    try:
        executor.migrate(before)
        apps = executor.loader.project_state(before).apps
        OldClaim, OldHistory = apps.get_model("sources", "Claim"), apps.get_model("sources", "HistoricalClaim")
        jnim = apps.get_model("events", "Actor").objects.create(slug="jnim", name="JNIM", kind="armed_group", status="published")
        fields = {"kind": "killed", "actor": jnim, "qualifier": "at_least", "unit": "fighters", "status": "published", "value_low": 73}
        for slug in ("haroum-killed-isgs-per-jnim", "an-editors-own-claim"):
            claim = OldClaim.objects.create(slug=slug, statement="s", wording="over seventy-three", **fields)
            OldHistory.objects.create(
                **{field.attname: getattr(claim, field.attname) for field in OldClaim._meta.concrete_fields},
                history_date=timezone.now(), history_type="+", history_change_reason="Imported from fixture",
            )

        executor = MigrationExecutor(connection)
        executor.migrate(after)
        History = executor.loader.project_state(after).apps.get_model("sources", "HistoricalClaim")
        corrected = History.objects.filter(slug="haroum-killed-isgs-per-jnim").order_by("-history_id")
        assert [(r.qualifier, r.history_type) for r in corrected] == [("more_than", "~"), ("at_least", "+")]
        assert "more than 73" in corrected[0].history_change_reason
        assert History.objects.filter(slug="an-editors-own-claim").count() == 1
    finally:
        executor = MigrationExecutor(connection)
        executor.migrate(executor.loader.graph.leaf_nodes())


# When a claim was made


def test_a_claims_date_and_as_of_are_shown_as_precisely_as_known(client):
    claim = make_claim(
        qualifier=Q.AT_LEAST,
        value_low=40,
        unit=Claim.Unit.CIVILIANS,
        wording="at least 40",
        stated_on=datetime.date(2022, 12, 1),
        stated_on_precision="month",
        as_of=datetime.date(2022, 12, 6),
        as_of_precision="day",
    )

    page = text_of(client.get(claim.get_absolute_url()))
    assert "Stated on December 2022" in page
    assert "Figure as of 6 December 2022" in page
    unknown = text_of(client.get(make_claim().get_absolute_url()))
    assert "Stated on not known" in unknown


# Claims that supersede claims


@pytest.fixture
def revised_toll():
    mayor = make_actor(name="Mayor of Ménaka", slug="mayor")
    event = make_event(title="Attack on the market", slug="market-attack")
    source = make_source(title="Local radio", url="https://radio.example/toll")
    common = {"event": event, "party": None, "claimant": mayor, "kind": Claim.Kind.KILLED, "unit": Claim.Unit.PEOPLE}
    earlier = make_claim(
        slug="toll-40", statement="The mayor says 40 people were killed", value_low=40, wording="40 dead",
        stated_on=datetime.date(2022, 12, 6), stated_on_precision="day", sources=[source], **common,
    )
    later = make_claim(
        slug="toll-70", statement="The mayor says 70 people were killed", value_low=70, wording="70 dead",
        stated_on=datetime.date(2022, 12, 13), stated_on_precision="day", supersedes=earlier, sources=[source],
        **common,
    )
    return {"earlier": earlier, "later": later, "event": event}


def test_the_earlier_claim_stays_and_says_it_is_superseded_with_a_link(client, revised_toll):
    earlier, later = revised_toll["earlier"], revised_toll["later"]

    response = client.get(earlier.get_absolute_url())
    page = text_of(response)

    assert "Superseded by The mayor says 70 people were killed (per Mayor of Ménaka, stated 13 December 2022)" in page
    assert f'href="{later.get_absolute_url()}"' in response.content.decode()
    assert "Supersedes The mayor says 40 people were killed" in text_of(client.get(later.get_absolute_url()))


def test_comparisons_show_the_later_claim_first_and_the_earlier_marked(client, revised_toll):
    figures = client.get(reverse("figures"), {"event": "market-attack"}).content.decode()
    rows = re.findall(r"<tr>(.*?)</tr>", figures.split("<tbody>")[1], re.S)
    assert "70 people" in rows[0] and "superseded" not in rows[0]
    assert "40 people" in rows[1] and "(superseded by" in html.unescape(re.sub(r"<[^>]*>", "", rows[1]))

    on_claim_page = client.get(revised_toll["earlier"].get_absolute_url()).content.decode()
    table = on_claim_page.split('<table class="claims-table">')[1]
    assert table.index("toll-70") < table.index("(this claim)")

    cards = client.get(revised_toll["event"].get_absolute_url()).content.decode()
    assert cards.index("The mayor says 70 people were killed") < cards.index("The mayor says 40 people were killed")


def test_both_claims_are_in_the_exports_and_the_api_with_the_link(client, revised_toll):
    rows = {row["claim"]: row for row in csv.DictReader(io.StringIO(client.get("/claims.csv").getvalue().decode()))}
    assert (rows["toll-70"]["supersedes"], rows["toll-70"]["superseded_by"]) == ("toll-40", "")
    assert (rows["toll-40"]["supersedes"], rows["toll-40"]["superseded_by"]) == ("", "toll-70")
    assert rows["toll-40"]["stated_on"] == "2022-12-06"

    earlier = client.get("/api/claims/toll-40/").json()
    later = client.get("/api/claims/toll-70/").json()
    assert [claim["slug"] for claim in earlier["superseded_by"]] == ["toll-70"]
    assert later["supersedes"]["slug"] == "toll-40"
    assert later["stated_on"] == "2022-12-13"


def test_the_link_to_the_earlier_claim_is_in_the_history(client, revised_toll):
    later = revised_toll["later"]
    later.supersedes = None
    later._change_reason = "Not a revision of the earlier toll"
    later.save()

    revisions = list(later.history.order_by("history_date").values_list("supersedes_id", flat=True))
    assert revisions == [revised_toll["earlier"].pk, None]
    log = text_of(client.get(reverse("claim-history", args=[later.slug])))
    assert (
        "Editors’ reason: Not a revision of the earlier toll What changed Field Before After "
        "Supersedes The mayor says 40 people were killed (empty)"
    ) in log


def test_a_claim_superseded_only_by_a_draft_reads_as_not_superseded(client, revised_toll):
    later = revised_toll["later"]
    later.status = Status.DRAFT
    later.save()

    for url in (revised_toll["earlier"].get_absolute_url(), reverse("figures") + "?event=market-attack", "/claims.csv"):
        body = client.get(url)
        content = body.getvalue().decode() if hasattr(body, "streaming_content") else body.content.decode()
        assert "toll-70" not in content and "70 people were killed" not in content
        assert "Superseded" not in content and "superseded by" not in content
    assert client.get("/api/claims/toll-40/").json()["superseded_by"] == []


# The two grades of an event


def test_the_event_page_shows_its_two_grades_side_by_side(client, article):
    page = text_of(client.get("/events/idarfan-alabadje-massacres/"))

    assert "It happened Alleged : per al-Mahmoud" in page
    assert "Who did it Alleged : JNIM, per al-Mahmoud" in page
    assert "It happened No claim in the record" in text_of(client.get("/events/fighting-in-ntillit/"))


def test_a_corroborated_occurrence_does_not_make_the_perpetrator_corroborated(client, article):
    massacres = Claim.objects.get(slug="idarfan-alabadje-massacres-occurred").event
    make_claim(event=massacres, kind=Claim.Kind.OCCURRED, qualifier=Q.NOT_A_FIGURE, value_low=None, unit="",
               assessment=Claim.Assessment.CORROBORATED, wording="the massacres took place")

    page = text_of(client.get(massacres.get_absolute_url()))
    assert "It happened Corroborated" in page
    assert "Who did it Alleged" in page
    grades = client.get(f"/api/events/{massacres.slug}/").json()["grades"]
    assert grades == {"occurred": "corroborated", "perpetrator": "alleged"}


# Attribution beside every claim


def claimant_or_own_voice(claim):
    return claim.claimant.label if claim.claimant else "own voice"


def test_every_page_that_lists_claims_names_the_claimant_of_each(client, article):
    claims = list(Claim.objects.select_related("claimant"))
    pages = {
        "claims list": (reverse("claim-list"), r"<tr>(.*?)</tr>"),
        "figures": (reverse("figures"), r"<tr>(.*?)</tr>"),
        "source page": ("/sources/wikipedia-december-2022-menaka-region-clashes/", r"<tr>(.*?)</tr>"),
        "search": (reverse("search") + "?q=killed", r"<li[^>]*>(.*?)</li>"),
    }
    unattributed = []
    for name, (url, unit) in pages.items():
        content = client.get(url).content.decode()
        for part in re.findall(unit, content, re.S):
            shown = [claim for claim in claims if f'href="{claim.get_absolute_url()}"' in part]
            words = " ".join(html.unescape(re.sub(r"<[^>]*>", " ", part)).split())
            # The claimant beside the claim, not only in its statement ("JNIM claims …"): the statement is left out.
            unattributed += [
                (name, claim.slug) for claim in shown
                if claimant_or_own_voice(claim) not in words.replace(" ".join(claim.statement.split()), " ")
            ]
    for url in ("/events/idarfan-alabadje-massacres/", "/actors/jnim/", "/events/december-2022-menaka-region-clashes/"):
        content = client.get(url).content.decode()
        for card in re.findall(r'<div class="claim-card">(.*?)</dl>', content, re.S):
            words = html.unescape(re.sub(r"<[^>]*>", " ", card))
            if "Claimant" not in words or not ("own voice" in words or re.search(r"Claimant\s+\S", words)):
                unattributed.append((url, words[:80]))
    assert unattributed == []


def test_the_infobox_figures_are_in_wikipedias_own_voice(client, article):
    strength = Claim.objects.get(slug="clashes-strength-jnim")
    civilians = Claim.objects.get(slug="clashes-killed-civilians")

    assert strength.claimant is None and civilians.claimant is None
    page = text_of(client.get(strength.get_absolute_url()))
    assert "Claimant Wikipedia , in its own voice" in page
    assert "Stated by its source in its own voice." in page
    assert list(strength.citations.values_list("source__slug", flat=True)) == ["wikipedia-december-2022-menaka-region-clashes"]
    # al-Mahmoud's own words stay his, linked as the same allegation as the infobox's.
    around_70 = Claim.objects.get(slug="idarfan-alabadje-killed")
    assert (around_70.claimant.slug, around_70.restates) == ("fahad-ag-al-mahmoud", civilians)
    overview = text_of(client.get("/"))
    assert "~700 (per" not in overview and "70+ civilians killed (per" not in overview


def test_no_claim_title_states_an_allegation_as_a_fact(article):
    for claim in Claim.objects.exclude(claimant=None).select_related("claimant"):
        assert re.search(r"\b(claims|alleges|says|told)\b", claim.statement), claim.statement

