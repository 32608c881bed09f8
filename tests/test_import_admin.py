"""The admin's import screens: a reviewer uploads, previews and confirms; whoever may not import is refused."""

import re

import pytest
from django.core import signing
from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse

from editorial.curation import Status
from exchange.models import ImportBatch
from sources.models import Claim
from tests.admin_helpers import make_editor, make_reviewer, page_messages
from tests.factories import make_claim
from tests.import_helpers import counts, csv_text
from tests.test_import_claims import CLAIM_COLUMNS, good_rows, record  # noqa: F401

pytestmark = pytest.mark.django_db

IMPORT_URL = reverse("admin:exchange_importbatch_add")
LOG_URL = reverse("admin:exchange_importbatch_changelist")


def upload(client, text, name="claims.csv", file_format="claims", reason="From the desk"):
    file = SimpleUploadedFile(name, text.encode("utf-8"), content_type="text/csv")
    return client.post(IMPORT_URL, {"file": file, "file_format": file_format, "reason": reason})


def signed_preview(response):
    return re.search(r'name="preview" value="([^"]+)"', response.content.decode()).group(1)


@pytest.fixture
def reviewer(client):
    user = make_reviewer(username="alice")
    client.force_login(user)
    return user


def test_a_reviewer_uploads_sees_the_preview_and_confirms(client, reviewer, record):
    page = client.get(LOG_URL)
    assert "Import a file" in page.content.decode()

    preview = upload(client, csv_text(CLAIM_COLUMNS, good_rows()))

    assert preview.status_code == 200
    text = preview.content.decode()
    assert "3 to create, 0 to change, 0 to leave alone" in text
    assert "claim “isgs-killed-100”" in text
    assert "Yes, import claims.csv" in text
    assert not Claim.objects.exists()

    done = client.post(IMPORT_URL, {"preview": signed_preview(preview)}, follow=True)

    assert done.redirect_chain == [(LOG_URL, 302)]
    assert page_messages(done) == [
        "Imported claims.csv: 3 created, 0 changed, 0 left alone. What was created or changed is in review: publish it from each list."
    ]
    assert set(Claim.objects.values_list("slug", "status")) == {
        ("isgs-killed-100", Status.REVIEW), ("jnim-killed-73", Status.REVIEW), ("jnim-killed-about-73", Status.REVIEW)
    }
    revision = Claim.objects.get(slug="isgs-killed-100").history.get()
    assert (revision.history_user, revision.history_change_reason) == (reviewer, "Imported from claims.csv by alice: From the desk")
    batch = ImportBatch.objects.get()
    assert (batch.file_name, batch.user, batch.created, batch.reason) == ("claims.csv", reviewer, 3, "From the desk")
    assert "claims.csv" in done.content.decode()


def test_the_preview_names_every_bad_row_and_offers_no_confirmation(client, reviewer, record):
    rows = good_rows()
    rows[1][CLAIM_COLUMNS.index("party")] = "Wagner"
    rows[2][CLAIM_COLUMNS.index("value_low")] = "many"

    preview = upload(client, csv_text(CLAIM_COLUMNS, rows))

    text = preview.content.decode()
    assert "Bad rows: nothing will be imported" in text
    assert "<tr><td>3</td><td>party</td><td>no actor is called “Wagner”</td></tr>" in text
    assert "<tr><td>4</td><td>value_low</td><td>“many” is not a whole number</td></tr>" in text
    assert 'name="preview"' not in text
    assert not Claim.objects.exists()


def test_a_confirmation_whose_file_changed_is_refused(client, reviewer, record):
    preview = upload(client, csv_text(CLAIM_COLUMNS, good_rows()))
    payload = signing.loads(signed_preview(preview), salt="exchange.import-preview")
    payload["text"] = csv_text(CLAIM_COLUMNS, good_rows()[:1])
    forged = signing.dumps(payload, salt="another-salt", compress=True)
    before = counts()

    for tampered in (signed_preview(preview)[:-3] + "abc", forged):
        response = client.post(IMPORT_URL, {"preview": tampered}, follow=True)
        assert page_messages(response) == [
            "Nothing was imported: the file on the confirmation page is not the one previewed, or the preview is more "
            "than an hour old. Upload the file again."
        ]
    assert counts() == before


def test_a_confirmation_after_the_record_changed_imports_nothing_and_shows_the_new_preview(client, reviewer, record):
    preview = upload(client, csv_text(CLAIM_COLUMNS, good_rows()))
    make_claim(slug="isgs-killed-100", event=record["event"], status=Status.DRAFT)
    before = counts()

    response = client.post(IMPORT_URL, {"preview": signed_preview(preview)})

    assert counts() == before
    assert "Nothing was imported: the record changed since the preview." in page_messages(response)[0]
    assert "2 to create, 1 to change, 0 to leave alone" in response.content.decode()


def test_a_preview_cannot_be_confirmed_by_someone_else(client, reviewer, record):
    preview = upload(client, csv_text(CLAIM_COLUMNS, good_rows()))
    client.force_login(make_reviewer(username="carol"))

    response = client.post(IMPORT_URL, {"preview": signed_preview(preview)}, follow=True)

    assert "Nothing was imported" in page_messages(response)[0]
    assert not Claim.objects.exists()


def test_a_file_that_is_not_utf8_is_refused_on_the_form(client, reviewer, record):
    file = SimpleUploadedFile("claims.csv", "claim,statement\né,x\n".encode("latin-1"))

    response = client.post(IMPORT_URL, {"file": file, "file_format": "claims"})

    assert response.context["form"].errors["file"] == ["This file is not UTF-8 text (byte 16): save it as UTF-8 CSV."]


def test_an_editor_may_not_import_nor_see_the_imports(client, record):
    client.force_login(make_editor(username="bob"))

    assert client.get(IMPORT_URL).status_code == 403
    assert upload(client, csv_text(CLAIM_COLUMNS, good_rows())).status_code == 403
    assert client.get(LOG_URL).status_code == 403
    assert "Imports" not in client.get(reverse("admin:index")).content.decode()
    assert not Claim.objects.exists()


def test_an_editor_cannot_confirm_a_reviewers_preview(client, reviewer, record):
    preview = upload(client, csv_text(CLAIM_COLUMNS, good_rows()))
    client.force_login(make_editor(username="bob"))

    assert client.post(IMPORT_URL, {"preview": signed_preview(preview)}).status_code == 403
    assert not Claim.objects.exists()


def test_the_log_shows_what_an_import_did_and_cannot_be_edited(client, reviewer, record):
    preview = upload(client, csv_text(CLAIM_COLUMNS, good_rows()))
    client.post(IMPORT_URL, {"preview": signed_preview(preview)})
    batch = ImportBatch.objects.get()

    page = client.get(reverse("admin:exchange_importbatch_change", args=[batch.pk]))

    assert page.status_code == 200
    text = page.content.decode()
    assert "create claim “isgs-killed-100”" in text
    assert 'name="_save"' not in text
    assert client.post(reverse("admin:exchange_importbatch_delete", args=[batch.pk])).status_code == 403
