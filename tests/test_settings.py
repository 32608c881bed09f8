"""Settings fail loudly rather than start insecurely, and honour the environment."""

import os
import secrets
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


def production_settings_from_the_readme():
    """The block of NAME=value lines under "The production settings" in the README, with a real secret key."""
    readme = (PROJECT / "README.md").read_text(encoding="utf-8")
    block = readme.split("### The production settings", 1)[1].split("```sh\n", 1)[1].split("```", 1)[0]
    settings = dict(line.split("=", 1) for line in block.splitlines())
    settings["DJANGO_SECRET_KEY"] = secrets.token_urlsafe(50)
    return settings


def test_check_deploy_finds_nothing_with_the_readmes_production_settings():
    result = subprocess.run(
        [sys.executable, "manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        cwd=PROJECT, env={**BASE_ENV, **production_settings_from_the_readme()}, capture_output=True, text=True,
    )

    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "System check identified no issues (0 silenced)."


def test_the_readmes_production_settings_trust_the_proxy_and_insist_on_https():
    _, output, _ = read_setting(
        "settings.SECURE_PROXY_SSL_HEADER, settings.CSRF_TRUSTED_ORIGINS, settings.SECURE_SSL_REDIRECT, "
        "settings.SECURE_HSTS_SECONDS, settings.SESSION_COOKIE_SECURE",
        **production_settings_from_the_readme(),
    )

    assert output == "('HTTP_X_FORWARDED_PROTO', 'https') ['https://record.example.org'] True 31536000 True"


def test_without_a_proxy_django_trusts_no_forwarded_header_and_hsts_lasts_an_hour():
    _, output, _ = read_setting(
        "settings.SECURE_PROXY_SSL_HEADER, settings.SECURE_SSL_REDIRECT, settings.SECURE_HSTS_SECONDS, "
        "settings.SECURE_HSTS_PRELOAD",
        DJANGO_SECRET_KEY="s", DJANGO_ALLOWED_HOSTS="a.org",
    )

    assert output == "None True 3600 False"


def test_debug_neither_redirects_nor_sends_hsts():
    _, output, _ = read_setting("settings.SECURE_SSL_REDIRECT, settings.SECURE_HSTS_SECONDS", DJANGO_DEBUG="true")

    assert output == "False 0"


def test_a_hsts_duration_that_is_not_a_number_is_an_error():
    code, _, error = read_setting("settings.DEBUG", DJANGO_SECRET_KEY="s", DJANGO_ALLOWED_HOSTS="a.org",
                                  DJANGO_HSTS_SECONDS="a year")

    assert code != 0
    assert "DJANGO_HSTS_SECONDS='a year' is not a whole number" in error
