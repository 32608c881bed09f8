"""Every public page type and the admin carry the Content-Security-Policy and the other security headers."""

import pytest
from django.core.management import call_command

from events.models import Event
from tests.admin_helpers import admin_url, make_reviewer
from tests.browser.pages import MAIN_EVENT, PAGE_TYPES, expected_status, url_of

pytestmark = pytest.mark.django_db

POLICY = (
    "default-src 'none'", "script-src 'self'", "style-src 'self'", "img-src 'self'", "font-src 'self'",
    "connect-src 'self'", "form-action 'self'", "base-uri 'none'", "frame-ancestors 'none'",
)
HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "accelerometer=(), camera=(), geolocation=(), gyroscope=(), magnetometer=(), "
                          "microphone=(), payment=(), usb=(), browsing-topics=()",
    "Strict-Transport-Security": "max-age=3600",
}


@pytest.fixture
def record():
    call_command("loaddata", "menaka_clashes", verbosity=0)


def assert_secured(response, where=""):
    directives = {directive.strip() for directive in response["Content-Security-Policy"].split(";")}
    assert set(POLICY) <= directives, where
    assert not any("unsafe" in directive for directive in directives), where
    for header, value in HEADERS.items():
        assert response[header] == value, f"{header} on {where}"


def test_every_public_page_type_carries_the_policy_and_the_security_headers(client, record):
    for page_type in PAGE_TYPES:
        response = client.get(url_of(page_type), secure=True)

        assert response.status_code == expected_status(page_type), page_type
        assert_secured(response, page_type)


def test_the_csv_exports_carry_them_too(client, record):
    for address in ("/events.csv", "/claims.csv"):
        assert_secured(client.get(address, secure=True))


def test_the_admin_carries_them_signed_out_and_signed_in(client, record):
    assert_secured(client.get("/admin/login/", secure=True))
    client.force_login(make_reviewer())
    event = Event.objects.get(slug=MAIN_EVENT)
    for address in (admin_url(Event, "changelist"), admin_url(event, "change"), admin_url(event, "history")):
        response = client.get(address, secure=True)
        assert response.status_code == 200, address
        assert_secured(response)


def test_the_health_checks_carry_them(client):
    assert_secured(client.get("/healthz", secure=True))
    assert_secured(client.get("/readyz", secure=True))
