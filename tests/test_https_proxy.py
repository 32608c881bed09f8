"""Behind a TLS-terminating proxy: the admin sign-in works and the site's own addresses say https."""

import csv
import io

import pytest
from django.test import Client

from tests.admin_helpers import make_reviewer
from tests.factories import make_claim, make_event

pytestmark = pytest.mark.django_db

SITE = "record.example.org"
PROXIED = {"HTTP_X_FORWARDED_PROTO": "https", "HTTP_HOST": SITE, "HTTP_X_FORWARDED_FOR": "203.0.113.7"}


@pytest.fixture
def behind_the_proxy(settings):
    """What DJANGO_BEHIND_TLS_PROXY=true and DJANGO_CSRF_TRUSTED_ORIGINS set (tests/test_settings.py)."""
    settings.ALLOWED_HOSTS = [SITE]
    settings.BEHIND_TLS_PROXY = True
    settings.SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    settings.CSRF_TRUSTED_ORIGINS = [f"https://{SITE}"]
    settings.SECURE_SSL_REDIRECT = True


def sign_in_through_the_proxy(client, origin=f"https://{SITE}", **headers):
    form = client.get("/admin/login/", **PROXIED, **headers)
    assert form.status_code == 200
    return client.post(
        "/admin/login/",
        {"username": "rita", "password": "a-long-test-password", "next": "/admin/",
         "csrfmiddlewaretoken": form.context["csrf_token"]},
        HTTP_ORIGIN=origin, HTTP_REFERER=f"https://{SITE}/admin/login/", **PROXIED, **headers,
    )


def test_a_sign_in_through_the_proxy_with_an_https_origin_succeeds(behind_the_proxy):
    make_reviewer(username="rita")
    client = Client(enforce_csrf_checks=True)

    response = sign_in_through_the_proxy(client)

    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/", **PROXIED).status_code == 200


def test_a_sign_in_from_an_origin_not_trusted_is_refused(behind_the_proxy):
    make_reviewer(username="rita")

    response = sign_in_through_the_proxy(Client(enforce_csrf_checks=True), origin="https://elsewhere.example")

    assert response.status_code == 403


def test_without_trusting_the_proxy_the_same_sign_in_fails_as_it_did(behind_the_proxy, settings):
    settings.SECURE_PROXY_SSL_HEADER = None
    settings.CSRF_TRUSTED_ORIGINS = []
    settings.SECURE_SSL_REDIRECT = False
    make_reviewer(username="rita")

    response = sign_in_through_the_proxy(Client(enforce_csrf_checks=True))

    assert response.status_code == 403


def test_a_plain_http_request_is_sent_to_https(behind_the_proxy, client):
    response = client.get("/events/", HTTP_HOST=SITE, HTTP_X_FORWARDED_PROTO="http")

    assert response.status_code == 301
    assert response["Location"] == f"https://{SITE}/events/"


def csv_urls(response):
    return [row["url"] for row in csv.DictReader(io.StringIO(b"".join(response.streaming_content).decode("utf-8-sig")))]


def test_the_csv_exports_give_https_addresses_through_the_proxy(behind_the_proxy, client):
    claim = make_claim(event=make_event())

    assert csv_urls(client.get("/events.csv", **PROXIED)) == [f"https://{SITE}{claim.event.get_absolute_url()}"]
    assert csv_urls(client.get("/claims.csv", **PROXIED)) == [f"https://{SITE}{claim.get_absolute_url()}"]
