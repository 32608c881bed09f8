"""``import_records --format claims``: the record's own claims CSV, read back into the record."""

import pytest
from django.core.management import call_command
from django.urls import reverse

from editorial.curation import Status
from sources.models import Citation, Claim
from tests.factories import make_actor, make_claim, make_event, make_place, make_source
from tests.import_helpers import alice, counts, csv_text, refused_import, run_import, write  # noqa: F401
from tests.test_public_exports import CLAIM_COLUMNS, content_of

pytestmark = pytest.mark.django_db

CLAIM_FIELDS = (
    "slug", "statement", "event_id", "kind", "party_id", "actor_id", "place_id", "qualifier", "value_low",
    "value_high", "unit", "wording", "claimant_id", "assessment", "assessment_reason", "restates_id",
)


def fields_of(claim):
    return {name: getattr(claim, name) for name in CLAIM_FIELDS} | {
        "sources": sorted(claim.citations.values_list("source__slug", flat=True))
    }


def claims_file(client):
    return content_of(client.get(reverse("claim-export")))


def claim_row(**cells):
    row = dict.fromkeys(CLAIM_COLUMNS, "")
    row.update(cells)
    return [row[column] for column in CLAIM_COLUMNS]


@pytest.fixture
def record():
    """A small record to import claims into: an event, the actors, a place and a source they name."""
    return {
        "event": make_event(slug="battle-of-haroum"),
        "isgs": make_actor(slug="isgs", name="Islamic State in the Greater Sahara", short_name="ISGS"),
        "jnim": make_actor(slug="jnim", name="Jama'at Nasr al-Islam wal Muslimin", short_name="JNIM"),
        "haroum": make_place(slug="haroum", name="Haroum"),
        "source": make_source(slug="wikipedia", title="December 2022 Ménaka region clashes"),
    }


def good_rows():
    return [
        claim_row(
            claim="isgs-killed-100", statement="ISGS killed 100 JNIM fighters", event="battle-of-haroum", kind="killed",
            party="JNIM", qualifier="exact", value_low="100", value_high="100", unit="fighters",
            original_wording="100 (per ISGS)", claimant="ISGS", assessment="contested",
            sources="December 2022 Ménaka region clashes",
        ),
        claim_row(
            claim="jnim-killed-73", statement="JNIM killed at least 73 ISGS fighters in Haroum", event="battle-of-haroum",
            kind="killed", party="ISGS", place="Haroum", qualifier="at_least", value_low="73", unit="fighters",
            original_wording="73+ (per JNIM)", claimant="JNIM", assessment="contested",
            sources="December 2022 Ménaka region clashes",
        ),
        claim_row(
            claim="jnim-killed-about-73", statement="JNIM says it killed about 73", event="battle-of-haroum", kind="killed",
            party="isgs", qualifier="about", value_low="73", value_high="73", unit="fighters",
            original_wording="-73, roughly", claimant="jnim", same_allegation_as="jnim-killed-73",
        ),
    ]


def test_a_good_file_creates_its_claims_in_review_with_their_citations(tmp_path, alice, record):
    path = write(tmp_path, "claims.csv", csv_text(CLAIM_COLUMNS, good_rows()))

    output = run_import(path, "claims", alice)

    assert "Imported claims.csv: 3 created, 0 changed, 0 left alone." in output
    contested = Claim.objects.get(slug="isgs-killed-100")
    assert (contested.party, contested.claimant, contested.value_low, contested.value_high) == (
        record["jnim"], record["isgs"], 100, 100
    )
    assert contested.status == Status.REVIEW
    assert [c.source for c in contested.citations.all()] == [record["source"]]
    at_least = Claim.objects.get(slug="jnim-killed-73")
    assert (at_least.place, at_least.qualifier, at_least.value_low, at_least.value_high) == (record["haroum"], "at_least", 73, None)
    restating = Claim.objects.get(slug="jnim-killed-about-73")
    # The row restates a claim further up the file; labels are found by slug too; the export's formula guard is undone.
    assert restating.restates == at_least
    assert restating.wording == "-73, roughly"
    assert restating.assessment == Claim.Assessment.REPORTED


def test_a_claim_may_supersede_a_claim_further_down_the_file(tmp_path, alice, record):
    first, second, _ = good_rows()
    revision = claim_row(
        claim="isgs-killed-120", statement="ISGS revises its toll to 120", event="battle-of-haroum", kind="killed",
        party="JNIM", qualifier="exact", value_low="120", value_high="120", unit="fighters",
        original_wording="120 (per ISGS)", claimant="ISGS", supersedes="isgs-killed-100",
    )
    path = write(tmp_path, "claims.csv", csv_text(CLAIM_COLUMNS, [revision, first, second]))

    run_import(path, "claims", alice)

    assert Claim.objects.get(slug="isgs-killed-120").supersedes == Claim.objects.get(slug="isgs-killed-100")


def test_a_claim_superseding_a_bad_row_of_the_file_is_refused_naming_that_line(tmp_path, alice, record):
    make_claim(slug="isgs-killed-100", event=record["event"])  # in the record already: the file's row is what counts
    bad_first = claim_row(
        claim="isgs-killed-100", statement="x", event="no-such-event", kind="killed", qualifier="", original_wording="x",
    )
    revision = claim_row(
        claim="isgs-killed-120", statement="ISGS revises its toll to 120", event="battle-of-haroum", kind="killed",
        qualifier="", original_wording="120", supersedes="isgs-killed-100",
    )
    path = write(tmp_path, "claims.csv", csv_text(CLAIM_COLUMNS, [bad_first, revision]))

    _, printed = refused_import(path, "claims", alice)

    assert printed.splitlines() == [
        "claims.csv: line 2, column event: no event has the slug “no-such-event”",
        "claims.csv: line 3, column supersedes: the claim “isgs-killed-100” it supersedes (line 2) cannot be imported: "
        "see that line",
    ]


def test_a_file_with_bad_rows_in_the_middle_loads_nothing_and_names_every_bad_row(tmp_path, alice, record):
    first, second, third = good_rows()
    bad_rows = [
        claim_row(claim="unknown-party", statement="x", event="battle-of-haroum", kind="killed", party="Wagner",
                  qualifier="", original_wording="x", assessment="reported"),
        claim_row(claim="bounds-reversed", statement="x", event="battle-of-haroum", kind="killed", qualifier="between",
                  value_low="50", value_high="20", unit="people", original_wording="20 to 50", assessment="reported"),
        claim_row(claim="not-a-number", statement="x", event="no-such-event", kind="killed", qualifier="exact",
                  value_low="many", value_high="many", original_wording="many", assessment="reported",
                  sources="A book nobody has"),
        claim_row(claim="qualifier-without-figure", statement="x", event="battle-of-haroum", kind="killed",
                  qualifier="at_least", original_wording="some", assessment="reported"),
    ]
    path = write(tmp_path, "claims.csv", csv_text(CLAIM_COLUMNS, [first, *bad_rows, second, third]))
    before = counts()

    error, printed = refused_import(path, "claims", alice)

    assert error == "Nothing was imported: claims.csv has 4 bad rows."
    assert printed.splitlines() == [
        "claims.csv: line 3, column party: no actor is called “Wagner”",
        "claims.csv: line 4, column value_high: The upper bound cannot be below the lower bound.",
        "claims.csv: line 5, column event: no event has the slug “no-such-event”",
        "claims.csv: line 5, column value_low: “many” is not a whole number",
        "claims.csv: line 5, column value_high: “many” is not a whole number",
        "claims.csv: line 5, column sources: no source is called “A book nobody has”",
        "claims.csv: line 6, column qualifier: “At least” takes a lower bound only.",
    ]
    assert counts() == before


def test_a_missing_column_is_named_and_nothing_is_read(tmp_path, alice, record):
    header = [column for column in CLAIM_COLUMNS if column != "claimant"]
    path = write(tmp_path, "claims.csv", csv_text(header, [row[:17] + row[18:] for row in good_rows()]))

    error, printed = refused_import(path, "claims", alice)

    assert printed == "claims.csv: line 1, column claimant: the header has no such column\n"
    assert not Claim.objects.exists()


def test_a_row_repeating_a_slug_is_a_bad_row(tmp_path, alice, record):
    first = good_rows()[0]
    path = write(tmp_path, "claims.csv", csv_text(CLAIM_COLUMNS, [first, first]))

    error, printed = refused_import(path, "claims", alice)

    assert printed == "claims.csv: line 3, column claim: the claim “isgs-killed-100” is already on line 2\n"


def test_importing_the_same_file_twice_changes_nothing_the_second_time(tmp_path, alice, record):
    path = write(tmp_path, "claims.csv", csv_text(CLAIM_COLUMNS, good_rows()))
    run_import(path, "claims", alice)
    after_first = counts()

    output = run_import(path, "claims", alice)

    assert counts() == after_first
    assert "claims.csv: the record already holds all of it; nothing was changed." in output
    assert output.count("leave alone claim") == 3


def test_every_imported_row_has_one_revision_naming_the_file_the_user_and_the_reason(tmp_path, alice, record):
    path = write(tmp_path, "claims.csv", csv_text(CLAIM_COLUMNS, good_rows()))

    run_import(path, "claims", alice, "--reason", "Batch from the desk")

    reason = "Imported from claims.csv by alice: Batch from the desk"
    for model in (Claim, Citation):
        records = list(model.history.all())
        assert records and len(records) == model.objects.count()
        assert {(r.history_user, r.history_change_reason, r.history_type) for r in records} == {(alice, reason, "+")}


def test_a_dry_run_says_what_it_would_do_and_writes_nothing(tmp_path, alice, record):
    changed = make_claim(
        slug="isgs-killed-100",
        event=record["event"],
        statement="An older statement",
        value_low=100,
        unit="fighters",
        wording="100",
        status=Status.DRAFT,
    )
    path = write(tmp_path, "claims.csv", csv_text(CLAIM_COLUMNS, good_rows()))
    before = counts()

    output = run_import(path, "claims", alice, "--dry-run")

    assert counts() == before
    changed.refresh_from_db()
    assert changed.statement == "An older statement"
    assert "create claim “jnim-killed-73”" in output
    assert "change claim “isgs-killed-100”: statement; party; original wording; claimant; assessment; status; citation of “December 2022 Ménaka region clashes” added" in output
    assert output.endswith("claims.csv: 2 to create, 1 to change, 0 to leave alone. Dry run: nothing was written.\n")


def test_an_import_never_changes_a_published_claim_and_says_so(tmp_path, alice, record):
    published = make_claim(slug="isgs-killed-100", event=record["event"], wording="100")
    revisions = published.history.count()
    path = write(tmp_path, "claims.csv", csv_text(CLAIM_COLUMNS, good_rows()[:1]))

    error, bad_rows = refused_import(path, "claims", alice)

    assert error == "Nothing was imported: claims.csv has 1 bad row."
    assert "claim “isgs-killed-100” is published, and an import does not change published entries" in bad_rows
    assert "change it in the admin" in bad_rows
    published.refresh_from_db()
    assert (published.status, published.wording) == (Status.PUBLISHED, "100")
    assert published.history.count() == revisions


def test_an_editor_or_an_unknown_account_may_not_import(tmp_path, record):
    from tests.admin_helpers import make_editor

    editor = make_editor(username="bob")
    path = write(tmp_path, "claims.csv", csv_text(CLAIM_COLUMNS, good_rows()))

    error, _ = refused_import(path, "claims", editor)
    assert error == "“bob” may not import: only reviewers (and superusers) import records."
    with pytest.raises(Exception, match="There is no account “carol”"):
        call_command("import_records", str(path), "--format", "claims", "--user", "carol")
    assert not Claim.objects.exists()


class TestRoundTrip:
    """What /claims.csv writes imports back: the claims come back with the fields the file carries."""

    @pytest.fixture
    def article(self):
        call_command("loaddata", "menaka_clashes", verbosity=0)

    def test_claims_removed_or_altered_come_back_in_review_with_the_same_fields(self, client, tmp_path, alice, article):
        exported = claims_file(client)
        removed = list(Claim.objects.filter(restates__isnull=True, restatements__isnull=True).order_by("slug")[:3])
        altered = Claim.objects.exclude(pk__in=[claim.pk for claim in removed]).filter(qualifier="exact").order_by("slug").first()
        expected = {claim.slug: fields_of(claim) for claim in [*removed, altered]}
        untouched = Claim.objects.exclude(pk__in=[claim.pk for claim in [*removed, altered]])
        untouched_before = {claim.slug: (fields_of(claim), claim.status, claim.history.count()) for claim in untouched}
        for claim in removed:
            claim.delete()
        altered.wording, altered.value_low, altered.value_high = "a different wording", 1, 1
        altered.assessment = Claim.Assessment.DISCOUNTED
        altered.status = Status.DRAFT  # an import changes no published entry
        altered.save()
        path = write(tmp_path, "claims.csv", exported)

        output = run_import(path, "claims", alice)

        assert f"Imported claims.csv: 3 created, 1 changed, {len(untouched_before)} left alone." in output
        for slug, fields in expected.items():
            claim = Claim.objects.get(slug=slug)
            assert fields_of(claim) == fields
            assert claim.status == Status.REVIEW
        assert {
            claim.slug: (fields_of(claim), claim.status, claim.history.count()) for claim in untouched
        } == untouched_before

    def test_importing_the_export_into_the_same_database_changes_nothing(self, client, tmp_path, alice, article):
        path = write(tmp_path, "claims.csv", claims_file(client))
        before = counts()

        output = run_import(path, "claims", alice)

        assert counts() == before
        assert f"leave alone claim" in output
        assert "nothing was changed" in output

    def test_columns_added_at_the_end_of_the_export_are_ignored(self, client, tmp_path, alice, article):
        lines = claims_file(client).splitlines()
        extended = "\r\n".join([lines[0] + ",record_version", *(line + ",2026-12-01" for line in lines[1:])])
        path = write(tmp_path, "claims.csv", extended)
        before = counts()

        run_import(path, "claims", alice)

        assert counts() == before


def test_nothing_imported_is_public(client, tmp_path, alice, record):
    path = write(tmp_path, "claims.csv", csv_text(CLAIM_COLUMNS, good_rows()))
    run_import(path, "claims", alice)

    assert "isgs-killed-100" not in claims_file(client)
    assert "ISGS killed 100 JNIM fighters" not in client.get(reverse("claim-list")).content.decode()
    assert "ISGS killed 100 JNIM fighters" not in client.get(record["event"].get_absolute_url()).content.decode()
    assert client.get(reverse("claim-detail", args=["isgs-killed-100"])).status_code == 404
