"""Chromium reports no Content-Security-Policy violation on any public page, nor in the admin."""

import pytest

from events.models import Event
from tests.admin_helpers import admin_url
from tests.factories import make_user

from .pages import MAIN_EVENT, PAGES, expected_status, url_of

pytestmark = pytest.mark.django_db(transaction=True)

# Collects every violation the browser reports, from the first byte of each page.
LISTEN_FOR_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", event => {
  window.cspViolations.push(`${event.violatedDirective} refused ${event.blockedURI || "inline"} at ${event.sourceFile}:${event.lineNumber}`);
});
"""


@pytest.fixture
def watched_tab(tab):
    tab.add_init_script(LISTEN_FOR_VIOLATIONS)
    console_errors = []
    tab.on("console", lambda message: message.type == "error" and console_errors.append(message.text))
    tab.console_errors = console_errors
    return tab


def problems_on(tab, status=200):
    """CSP violations and console errors, but for the page's own status when it is an error on purpose (404, 410)."""
    tab.wait_for_load_state("load")
    own_status = f"responded with a status of {status} "
    return tab.evaluate("window.cspViolations") + [
        error for error in tab.console_errors if status == 200 or own_status not in error
    ]


@pytest.mark.parametrize(("page_type", "language"), PAGES)
def test_a_public_page_breaks_no_rule_of_its_policy(watched_tab, record, page_type, language):
    response = watched_tab.goto(url_of(page_type, language))

    assert response.status == expected_status(page_type)
    assert "script-src 'self'" in response.headers["content-security-policy"]
    assert problems_on(watched_tab, expected_status(page_type)) == []


def test_the_admin_breaks_no_rule_of_its_policy(watched_tab, record, live_server):
    # A superuser: the editorial groups, made by a migration, are gone after an earlier transactional test.
    make_user(username="rita", is_staff=True, is_superuser=True)
    event = Event.objects.get(slug=MAIN_EVENT)

    watched_tab.goto("/admin/login/")
    assert problems_on(watched_tab) == []
    watched_tab.fill("#id_username", "rita")
    watched_tab.fill("#id_password", "a-long-test-password")
    watched_tab.click("input[type=submit]")
    watched_tab.wait_for_url("**/admin/")

    for address in (admin_url(Event, "changelist"), admin_url(event, "change"), admin_url(Event, "add"),
                    admin_url(event, "history")):
        response = watched_tab.goto(address)
        assert response.status == 200, address
        assert problems_on(watched_tab) == [], address
