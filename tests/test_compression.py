"""Public pages are gzipped for a browser that accepts it; nothing that may hold a secret is (BREACH)."""

import gzip

import pytest

from tests.admin_helpers import make_reviewer
from tests.factories import make_event

pytestmark = pytest.mark.django_db

GZIP = {"HTTP_ACCEPT_ENCODING": "gzip, deflate, br"}


def test_a_public_page_is_gzipped_for_a_reader_whose_browser_accepts_it(client):
    make_event(title="Attack on Tamalat")

    response = client.get("/events/", **GZIP)

    assert response["Content-Encoding"] == "gzip"
    assert "Accept-Encoding" in response["Vary"]
    assert "Attack on Tamalat" in gzip.decompress(response.content).decode()


def test_a_public_page_is_sent_plain_to_a_browser_that_does_not_ask(client):
    response = client.get("/events/")

    assert not response.has_header("Content-Encoding")


def test_the_csv_exports_are_gzipped_too(client):
    make_event(title="Attack on Tamalat")

    response = client.get("/events.csv", **GZIP)

    assert response["Content-Encoding"] == "gzip"
    assert "Attack on Tamalat" in gzip.decompress(b"".join(response.streaming_content)).decode("utf-8-sig")


def test_the_sign_in_page_with_its_csrf_token_is_not_compressed(client):
    response = client.get("/admin/login/", **GZIP)

    assert not response.has_header("Content-Encoding")
    assert b'name="csrfmiddlewaretoken"' in response.content


def test_nothing_is_compressed_for_a_signed_in_editor(client):
    client.force_login(make_reviewer())

    assert not client.get("/events/", **GZIP).has_header("Content-Encoding")
    assert not client.get("/admin/", **GZIP).has_header("Content-Encoding")
