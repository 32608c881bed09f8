"""A brute-force run against the admin's sign-in: ten failures lock the account, or the
address, for fifteen minutes (README, "Production"); `axes_reset_username` lifts the lock."""

import datetime
import logging

import pytest
from axes.models import AccessAttempt
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

from tests.admin_helpers import make_reviewer

pytestmark = pytest.mark.django_db

PASSWORD = "a-long-test-password"
COOL_OFF = datetime.timedelta(minutes=15)


@pytest.fixture(autouse=True)
def quick_password_checks(settings):
    """Every wrong guess costs a full password hash; a quick hasher keeps a brute-force run short."""
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def sign_in(username, password, address="198.51.100.4"):
    return Client(REMOTE_ADDR=address).post(
        "/admin/login/", {"username": username, "password": password, "next": "/admin/"}
    )


def brute_force(username, attempts=10, address="198.51.100.4"):
    for attempt in range(attempts):
        sign_in(username, f"guess-{attempt}", address)


def lock_started(ago):
    AccessAttempt.objects.update(attempt_time=timezone.now() - ago)


def test_twenty_wrong_passwords_lock_the_account_and_the_right_one_is_then_refused_with_when_to_try_again():
    make_reviewer(username="rita")

    brute_force("rita", attempts=20)
    before = timezone.now()
    refused = sign_in("rita", PASSWORD)

    page = refused.content.decode()
    assert refused.status_code == 429
    assert refused["Retry-After"] == "900"
    assert "Too many failed sign-ins for this account or from this address." in page
    possible_ends = {(before + COOL_OFF + datetime.timedelta(seconds=s)).strftime("%H:%M") for s in (0, 60)}
    assert any(f"Sign-ins are refused until {end} UTC (15 minutes from now)" in page for end in possible_ends)


def test_the_lock_ends_after_fifteen_minutes():
    make_reviewer(username="rita")
    brute_force("rita")

    lock_started(ago=COOL_OFF - datetime.timedelta(minutes=1))
    assert sign_in("rita", PASSWORD).status_code == 429
    lock_started(ago=COOL_OFF + datetime.timedelta(seconds=1))
    assert sign_in("rita", PASSWORD).status_code == 302


def test_the_account_is_locked_from_every_address():
    make_reviewer(username="rita")
    brute_force("rita", address="198.51.100.4")

    assert sign_in("rita", PASSWORD, address="192.0.2.80").status_code == 429


def test_an_address_trying_many_accounts_is_locked_for_all_of_them():
    make_reviewer(username="rita")
    for number in range(10):
        sign_in(f"someone-{number}", "guess", address="198.51.100.4")

    assert sign_in("rita", PASSWORD, address="198.51.100.4").status_code == 429
    assert sign_in("rita", PASSWORD, address="192.0.2.80").status_code == 302


def test_nine_failures_lock_nothing_and_a_success_forgets_them():
    make_reviewer(username="rita")

    brute_force("rita", attempts=9)

    assert sign_in("rita", PASSWORD).status_code == 302
    brute_force("rita", attempts=9)
    assert sign_in("rita", PASSWORD).status_code == 302


def test_the_unlock_command_lets_the_account_sign_in_again():
    make_reviewer(username="rita")
    brute_force("rita")

    call_command("axes_reset_username", "rita", verbosity=0)

    assert sign_in("rita", PASSWORD).status_code == 302


def test_every_failure_is_logged_with_the_account_and_the_address(caplog):
    make_reviewer(username="rita")

    with caplog.at_level(logging.WARNING, logger="axes"):
        brute_force("rita", attempts=10)

    failures = [record.getMessage() for record in caplog.records if "login failure by" in record.getMessage()]
    assert len(failures) == 10
    assert all('username: "rita"' in failure and 'ip_address: "198.51.100.4"' in failure for failure in failures)
    assert any("Locking out" in record.getMessage() for record in caplog.records)
