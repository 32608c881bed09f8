"""What an operator reads in the log: a visitor's mistake in one line, a database outage in one line."""

import io
import logging

import pytest
from django.db import OperationalError
from django.db.models.sql.compiler import SQLCompiler

from tests.admin_helpers import admin_url, make_editor
from tests.factories import make_event

pytestmark = pytest.mark.django_db


@pytest.fixture
def log():
    """What the site's console handler writes, as it writes it."""
    handler = next(h for h in logging.getLogger().handlers if type(h) is logging.StreamHandler)
    written = io.StringIO()
    previous = handler.setStream(written)
    yield written
    handler.setStream(previous)


def test_a_page_not_found_is_one_line(client, log):
    client.get("/events/no-such-event/")

    assert log.getvalue() == "Not Found: /events/no-such-event/\n"


def test_a_permission_denied_is_one_line(client, log):
    client.force_login(make_editor())
    event = make_event()  # published: an editor may not delete it

    response = client.get(admin_url(event, "delete"))

    assert response.status_code == 403
    assert log.getvalue() == f"Forbidden (Permission denied): {admin_url(event, 'delete')}\n"


def test_a_host_not_allowed_is_one_line(client, log):
    response = client.get("/events/", HTTP_HOST="attacker.example")

    assert response.status_code == 400
    assert log.getvalue().startswith("Invalid HTTP_HOST header: 'attacker.example'.")
    assert log.getvalue().count("\n") == 1


def test_a_database_outage_answers_503_and_logs_one_line(client, log, monkeypatch):
    def unreachable(*args, **kwargs):
        raise OperationalError('connection to server at "127.0.0.1", port 5432 failed: Connection refused\nIs the server running?')

    monkeypatch.setattr(SQLCompiler, "execute_sql", unreachable)  # every query the page makes
    monkeypatch.setattr("menaka_site.health.database_is_reachable", lambda: False)

    response = client.get("/events/")

    assert response.status_code == 503
    assert response["Retry-After"] == "30"
    assert log.getvalue() == (
        'Database unreachable, answered 503 to GET /events/: connection to server at "127.0.0.1", '
        "port 5432 failed: Connection refused\n"
    )


def test_a_database_error_while_the_database_answers_is_a_500_with_its_traceback(client, log, monkeypatch):
    def broken_query(*args, **kwargs):
        raise OperationalError("no such column: events_event.colour")

    monkeypatch.setattr(SQLCompiler, "execute_sql", broken_query)
    client.raise_request_exception = False

    response = client.get("/events/")

    assert response.status_code == 500
    assert log.getvalue().startswith("Internal Server Error: /events/\nTraceback")
