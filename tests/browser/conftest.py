"""One headless Chromium for the whole session, pages served by pytest-django's live server.

The browser is Debian's /usr/bin/chromium (scripts/install-test-tools installs it): test
tools may not download browsers. Every page runs offline: a request to any host other
than the live server fails the test.

The fixtures are named `chromium` and `tab`, not `browser` and `page`, so that they
never mix with pytest-playwright's where that plugin happens to be installed.
"""

import threading
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from django.core.management import call_command
from django.core.servers.basehttp import ThreadedWSGIServer
from django.test.testcases import LiveServerThread
from playwright.sync_api import sync_playwright

from events.models import Event

from .pages import MAIN_EVENT

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--no-first-run",
    "--disable-sync",
]
PROJECT = Path(__file__).resolve().parents[2]
AXE = PROJECT / "node_modules" / "axe-core" / "axe.min.js"
VNU = PROJECT / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"


class OneRequestAtATime(ThreadedWSGIServer):
    """The live server, answering one request at a time when its threads share the test's in-memory SQLite
    connection (``connections_override``).

    Two requests at once on that one connection can deadlock: a query that calls one of Django's Python
    functions (an admin list's date hierarchy) holds the connection's mutex and waits for the GIL, while
    another thread holds the GIL and waits for the mutex (seen once: the editorial desk hung CI for ten
    minutes, the browser waiting on an autocomplete). Each connection still has its thread, so the browser's
    idle keep-alive connections block nothing; a response is read whole under the lock, as a streamed one
    reads the database while it is sent. PostgreSQL gives each thread its own connection: nothing to share.
    """

    one_at_a_time = threading.Lock()

    def get_app(self):
        app = super().get_app()
        if not self.connections_override:
            return app

        def answer(environ, start_response):
            with self.one_at_a_time:
                response = app(environ, start_response)
                try:
                    return [b"".join(response)]
                finally:
                    if hasattr(response, "close"):
                        response.close()

        return answer


@pytest.fixture(scope="session", autouse=True)
def live_server_one_request_at_a_time():
    before, LiveServerThread.server_class = LiveServerThread.server_class, OneRequestAtATime
    yield
    LiveServerThread.server_class = before


@pytest.fixture(scope="session")
def chromium():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def tab(chromium, live_server):
    """A fresh browser tab whose relative addresses go to the live server."""
    context = chromium.new_context(base_url=live_server.url, viewport={"width": 1280, "height": 900})
    foreign = []
    own_origin = urlsplit(live_server.url)[:2]

    def keep_it_local(route):
        if urlsplit(route.request.url)[:2] == own_origin:
            route.continue_()
        else:
            foreign.append(route.request.url)
            route.abort()

    context.route("**/*", keep_it_local)
    yield context.new_page()
    context.close()
    assert not foreign, f"The site asked hosts other than itself: {foreign}"


@pytest.fixture
def record(transactional_db):
    """The shipped article, loaded as a fresh install loads it."""
    call_command("loaddata", "menaka_clashes", verbosity=0)
    assert Event.objects.published().filter(slug=MAIN_EVENT).exists(), "the shipped fixture lacks the main event"
