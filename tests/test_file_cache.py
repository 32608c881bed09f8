"""Whole exports kept as files once per version of the record: the same bytes, served without rebuilding, never a draft."""

import pytest
from django.conf import settings
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext

from events.models import Status
from tests.admin_helpers import make_editor, make_reviewer
from tests.factories import make_claim, make_event, make_place
from tests.test_page_cache import change_in_admin, signed_in

pytestmark = pytest.mark.django_db

ACLED = "/data/acled.csv"
WHOLE_FILES = ("/data/acled.csv", "/data/ucdp-ged.csv", "/data/events.geojson", "/events.csv", "/claims.csv")


def download(url, client=None, **headers):
    """The whole body, and how many database queries answering it made."""
    with CaptureQueriesContext(connection) as queries:
        response = (client or Client()).get(url, headers=headers)
        body = b"".join(response.streaming_content) if response.streaming else response.content
    return response, body, len(queries)


def make_reported_event(words, **fields):
    """A published event that every whole file shows: its words are its title, its summary and a claim's statement."""
    place = make_place(latitude=15.9, longitude=2.4, coordinate_confidence="low")
    event = make_event(title=words, summary=words, places=[place], **fields)
    make_claim(event=event, statement=f"{words}: 10 killed", status=fields.get("status", Status.PUBLISHED))
    return event


def kept_files():
    """The finished files in the cache's folder, and any part-written one left behind."""
    folder = settings.FILE_CACHE_DIR
    return sorted(path.relative_to(folder) for path in folder.glob("*/*")) if folder.exists() else []


@pytest.mark.parametrize("url", WHOLE_FILES)
def test_the_second_download_of_a_whole_file_is_the_same_bytes_without_a_query(url):
    event = make_reported_event("Clash at Tamalat")

    first, built, built_queries = download(url)
    second, kept, kept_queries = download(url)

    assert first.status_code == second.status_code == 200
    assert kept == built and event.slug in kept.decode()
    assert built_queries > 0 and kept_queries == 0
    assert int(second["Content-Length"]) == len(kept)
    for header in ("Content-Type", "Content-Disposition", "ETag", "Last-Modified"):
        assert second[header] == first[header], header
    assert len(kept_files()) == 1


def test_a_publish_after_a_file_was_kept_is_in_the_next_download_and_the_old_file_goes():
    make_reported_event("Clash at Tamalat")
    draft = make_reported_event("Attack at Inekar", status=Status.DRAFT)
    download(ACLED)
    old_files = kept_files()

    change_in_admin(signed_in(make_reviewer()), draft, status=Status.PUBLISHED, reason="Checked")
    _, body, queries = download(ACLED)

    assert queries > 0 and "Attack at Inekar" in body.decode()
    assert len(kept_files()) == 1 and kept_files() != old_files


@pytest.mark.parametrize("warm", [False, True], ids=["no file yet", "file kept"])
def test_a_draft_and_a_pending_change_never_reach_a_kept_file(warm):
    published = make_reported_event("Clash at Tamalat")
    make_reported_event("Attack at Inekar", status=Status.DRAFT)
    if warm:
        download(ACLED)
    editor = signed_in(make_editor())
    change_in_admin(editor, published, summary="Clash at Tamalat, pending wording", reason="Reworded")

    download(ACLED, client=editor)  # the editor's own download is neither kept nor served a kept file
    for _ in range(2):  # the one that keeps the file, and the one served from it
        _, body, _ = download(ACLED)
        text = body.decode()
        assert "Clash at Tamalat" in text and "pending wording" not in text and "Attack at Inekar" not in text


def test_a_signed_in_download_keeps_nothing():
    make_reported_event("Clash at Tamalat")

    _, body, _ = download(ACLED, client=signed_in(make_editor()))

    assert "Clash at Tamalat" in body.decode() and kept_files() == []


@pytest.mark.django_db(transaction=True)  # the request's end closes the database connection, as on a server
def test_a_download_broken_off_leaves_nothing_and_the_next_one_is_whole():
    events = [make_reported_event(f"Clash number {number}") for number in range(3)]

    broken = Client().get(ACLED)
    next(iter(broken.streaming_content))
    broken.close()  # what the server does when the reader goes away
    assert kept_files() == []

    _, body, _ = download(ACLED)
    _, again, queries = download(ACLED)
    assert all(event.slug in body.decode() for event in events)
    assert again == body and queries == 0 and len(kept_files()) == 1


def test_a_filtered_download_is_built_each_time_and_never_kept():
    make_reported_event("Clash at Tamalat")

    _, first, _ = download(ACLED + "?q=Tamalat")
    _, second, queries = download(ACLED + "?q=Tamalat")

    assert first == second and "Clash at Tamalat" in second.decode()
    assert queries > 0 and kept_files() == []


def test_a_kept_file_answers_a_conditional_request_with_304_and_a_head_with_its_length():
    make_reported_event("Clash at Tamalat")
    first, body, _ = download(ACLED)
    download(ACLED)

    unchanged = Client().get(ACLED, headers={"If-None-Match": first["ETag"]})
    head = Client().head(ACLED)

    assert unchanged.status_code == 304
    assert head.status_code == 200 and head.content == b"" and int(head["Content-Length"]) == len(body)


def test_a_folder_that_cannot_be_written_keeps_nothing_and_the_reader_still_gets_the_whole_file(settings, tmp_path):
    make_reported_event("Clash at Tamalat")
    not_a_folder = tmp_path / "a-file"
    not_a_folder.write_text("")
    settings.FILE_CACHE_DIR = not_a_folder / "file-cache"

    _, first, _ = download(ACLED)
    _, second, queries = download(ACLED)

    assert first == second and "Clash at Tamalat" in second.decode() and queries > 0
