"""Settings fail loudly rather than start insecurely, and honour the environment."""

import os
import subprocess
import sys
from pathlib import Path

PROJECT = Path(__file__).resolve().parent.parent
BASE_ENV = {"PATH": os.environ["PATH"], "DJANGO_SETTINGS_MODULE": "menaka_site.settings"}


def read_setting(expression, **env):
    result = subprocess.run(
        [sys.executable, "-c", f"from django.conf import settings; print({expression})"],
        cwd=PROJECT, env={**BASE_ENV, **env}, capture_output=True, text=True,
    )
    return result.returncode, result.stdout.strip(), result.stderr


def test_production_mode_without_a_secret_key_refuses_to_start():
    code, _, error = read_setting("settings.DEBUG", DJANGO_ALLOWED_HOSTS="example.org")

    assert code != 0
    assert "DJANGO_SECRET_KEY must be set when DJANGO_DEBUG is off" in error


def test_production_mode_without_allowed_hosts_refuses_to_start():
    code, _, error = read_setting("settings.DEBUG", DJANGO_SECRET_KEY="s3cret")

    assert code != 0
    assert "DJANGO_ALLOWED_HOSTS must list the site's host names" in error


def test_debug_is_off_unless_asked_for():
    code, output, _ = read_setting("settings.DEBUG", DJANGO_SECRET_KEY="s3cret", DJANGO_ALLOWED_HOSTS="a.org,b.org")

    assert (code, output) == (0, "False")


def test_allowed_hosts_are_comma_separated():
    _, output, _ = read_setting("settings.ALLOWED_HOSTS", DJANGO_SECRET_KEY="s", DJANGO_ALLOWED_HOSTS=" a.org, b.org ")

    assert output == "['a.org', 'b.org']"


def test_an_unknown_boolean_spelling_is_an_error_not_false():
    code, _, error = read_setting("settings.DEBUG", DJANGO_DEBUG="maybe")

    assert code != 0
    assert "DJANGO_DEBUG='maybe' is not a boolean" in error


def test_database_url_selects_postgresql_with_persistent_connections():
    _, output, _ = read_setting(
        "settings.DATABASES['default']['ENGINE'], settings.DATABASES['default']['NAME'], "
        "settings.DATABASES['default']['CONN_MAX_AGE']",
        DJANGO_DEBUG="true", DATABASE_URL="postgres://editor:pw@db.internal:5433/menaka",
    )

    assert output == "django.db.backends.postgresql menaka 600"


def test_sqlite_in_the_project_folder_is_the_default():
    _, output, _ = read_setting("settings.DATABASES['default']['ENGINE'], settings.DATABASES['default']['NAME']",
                                DJANGO_DEBUG="true")

    assert output == f"django.db.backends.sqlite3 {PROJECT / 'db.sqlite3'}"


def test_time_zones_are_on_and_utc():
    _, output, _ = read_setting("settings.USE_TZ, settings.TIME_ZONE", DJANGO_DEBUG="true")

    assert output == "True UTC"
