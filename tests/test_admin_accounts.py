"""The editorial roles and the command that creates their accounts on a fresh install."""

import io

import pytest
from django.contrib.auth import get_user_model
from django.core.management import CommandError, call_command

from events.models import Event, Status
from tests.admin_helpers import admin_url, sign_in
from tests.factories import make_event, make_user

pytestmark = pytest.mark.django_db

PASSWORD = "dunes-of-menaka-2022"


def create_account(username, role, monkeypatch, password=PASSWORD, **options):
    monkeypatch.setenv("NEW_ACCOUNT_PASSWORD", password)
    call_command("create_account", username, role=role, password_from_env="NEW_ACCOUNT_PASSWORD", stdout=io.StringIO(), **options)
    return get_user_model().objects.get(username=username)


def test_an_editor_account_signs_in_and_curates(client, monkeypatch):
    create_account("alice", "editor", monkeypatch, email="alice@example.org")

    assert sign_in(client, "alice", PASSWORD)
    assert client.get(admin_url(Event, "changelist")).status_code == 200
    assert client.get(admin_url(Event, "add")).status_code == 200


def test_an_editor_account_may_not_publish(client, monkeypatch):
    create_account("alice", "editor", monkeypatch)
    assert sign_in(client, "alice", PASSWORD)

    response = client.get(admin_url(Event, "changelist"))

    assert "publish" not in dict(response.context["action_form"].fields["action"].choices)


def test_a_reviewer_account_may_publish(client, monkeypatch):
    create_account("rita", "reviewer", monkeypatch)
    assert sign_in(client, "rita", PASSWORD)
    event = make_event(status=Status.REVIEW)

    data = {"action": "publish", "_selected_action": [str(event.pk)], "index": "0"}
    client.post(admin_url(Event, "changelist"), data)

    event.refresh_from_db()
    assert event.status == Status.PUBLISHED


def test_the_command_says_what_it_created(monkeypatch, capsys):
    monkeypatch.setenv("NEW_ACCOUNT_PASSWORD", PASSWORD)

    call_command("create_account", "alice", "--role", "editor", "--password-from-env", "NEW_ACCOUNT_PASSWORD")

    assert "Created the editor account “alice” (group Editors)." in capsys.readouterr().out


def test_the_command_refuses_an_unset_password_variable(monkeypatch):
    monkeypatch.delenv("NOT_SET_ANYWHERE", raising=False)

    with pytest.raises(CommandError, match="NOT_SET_ANYWHERE is empty or not set"):
        call_command("create_account", "alice", role="editor", password_from_env="NOT_SET_ANYWHERE")
    assert not get_user_model().objects.filter(username="alice").exists()


def test_the_command_refuses_a_weak_password(monkeypatch):
    with pytest.raises(CommandError, match="The password is refused"):
        create_account("alice", "editor", monkeypatch, password="password")
    assert not get_user_model().objects.filter(username="alice").exists()


def test_the_command_refuses_to_prompt_without_a_terminal():
    with pytest.raises(CommandError, match="--password-from-env"):
        call_command("create_account", "alice", role="editor", interactive=False)


def test_the_command_refuses_an_existing_username(monkeypatch):
    make_user(username="alice")

    with pytest.raises(CommandError, match="already exists"):
        create_account("alice", "reviewer", monkeypatch)


def test_the_command_prompts_for_the_password_on_a_terminal(monkeypatch):
    answers = iter([PASSWORD, "a-mistyped-password", PASSWORD, PASSWORD])
    monkeypatch.setattr("getpass.getpass", lambda prompt: next(answers))
    monkeypatch.setattr("sys.stdin.isatty", lambda: True)
    errors = io.StringIO()

    call_command("create_account", "alice", role="reviewer", stdout=io.StringIO(), stderr=errors)

    assert "The two passwords differ. Try again." in errors.getvalue()
    assert get_user_model().objects.get(username="alice").check_password(PASSWORD)
