"""Settings for the whole suite that differ from production on purpose."""

from pathlib import Path

import pytest
from django.conf import settings
from django.core.cache import cache
from django.core.management import call_command
from django.utils import translation


def pytest_configure():
    # Production links to the hashed names collectstatic writes (tests/test_static_files.py
    # runs it); the suite serves the plain files from the app and project folders instead,
    # so that it needs no collectstatic step and the live server's static handler finds them.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = True
    compile_catalogues()


def compile_catalogues():
    """What `make test` does first, so that running pytest directly also serves French (the .mo is not committed)."""
    for catalogue in Path(settings.BASE_DIR, "locale").glob("*/LC_MESSAGES/django.po"):
        compiled = catalogue.with_suffix(".mo")
        if not compiled.exists() or compiled.stat().st_mtime < catalogue.stat().st_mtime:
            call_command("compilemessages", locale=[catalogue.parent.parent.name], ignore_patterns=[".venv", "node_modules"], verbosity=0)


@pytest.fixture(autouse=True)
def english_to_begin_with():
    """Each test starts in English, whatever the requests of the test before it left active: a French
    page's request leaves French active in the thread, and reverse() in a test would then give /fr/ addresses."""
    translation.activate(settings.LANGUAGE_CODE)
    yield
    translation.deactivate()


@pytest.fixture(autouse=True)
def empty_page_cache(settings, tmp_path):
    """Each test starts with no pages cached (the suite's cache is in memory: no database needed), and
    no file kept, in a folder of its own."""
    settings.FILE_CACHE_DIR = tmp_path / "file-cache"
    cache.clear()
    yield
    cache.clear()
