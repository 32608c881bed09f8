"""Settings for the whole suite that differ from production on purpose."""

import pytest
from django.conf import settings
from django.core.cache import cache


def pytest_configure():
    # Production links to the hashed names collectstatic writes (tests/test_static_files.py
    # runs it); the suite serves the plain files from the app and project folders instead,
    # so that it needs no collectstatic step and the live server's static handler finds them.
    settings.STORAGES = {
        **settings.STORAGES,
        "staticfiles": {"BACKEND": "whitenoise.storage.CompressedStaticFilesStorage"},
    }
    settings.WHITENOISE_USE_FINDERS = True


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Each test starts with no pages cached (the suite's cache is in memory: no database needed)."""
    cache.clear()
    yield
    cache.clear()
