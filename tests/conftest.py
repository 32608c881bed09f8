import pytest
from django.core.cache import cache


@pytest.fixture(autouse=True)
def empty_page_cache():
    """Each test starts with no pages cached (the suite's cache is in memory: no database needed)."""
    cache.clear()
    yield
    cache.clear()
