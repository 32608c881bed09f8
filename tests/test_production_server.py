"""The site as production runs it: gunicorn with deploy/gunicorn.conf.py, collected static
files, behind a TLS proxy (X-Forwarded-Proto), on a PostgreSQL server of its own that
the tests stop and start again.
"""

import gzip
import http.client
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from .throwaway_postgres import ThrowawayPostgres, free_port

PROJECT = Path(__file__).resolve().parent.parent
THROUGH_THE_PROXY = {"X-Forwarded-Proto": "https", "X-Forwarded-For": "203.0.113.7"}


class Site:
    def __init__(self, port, database):
        self.port, self.database = port, database

    def get(self, path, **headers):
        connection = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        try:
            connection.request("GET", path, headers=headers)
            response = connection.getresponse()
            return response, response.read()
        finally:
            connection.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    database = ThrowawayPostgres()
    server = None
    try:
        database.start()
        database.create_database("menaka")
        env = {
            "PATH": os.environ["PATH"],
            "DJANGO_DEBUG": "false",
            "DJANGO_SECRET_KEY": "production-server-test-" + os.urandom(16).hex(),
            "DJANGO_ALLOWED_HOSTS": "127.0.0.1",
            "DJANGO_BEHIND_TLS_PROXY": "true",
            "DATABASE_URL": database.url("menaka"),
            "DJANGO_STATIC_ROOT": str(tmp_path_factory.mktemp("static")),
            "DJANGO_FILE_CACHE_DIR": str(tmp_path_factory.mktemp("file-cache")),
        }
        for command in (["migrate", "--noinput", "-v0"], ["collectstatic", "--noinput", "-v0"]):
            subprocess.run([sys.executable, "manage.py", *command], cwd=PROJECT, env=env, check=True)
        port = free_port(15700, 15799)
        log = tmp_path_factory.mktemp("gunicorn") / "log"
        server = subprocess.Popen(
            [str(Path(sys.executable).parent / "gunicorn"), "-c", "deploy/gunicorn.conf.py",
             "--bind", f"127.0.0.1:{port}", "--workers", "1"],
            cwd=PROJECT, env=env, stdout=subprocess.DEVNULL, stderr=log.open("w"),
        )
        site = Site(port, database)
        wait_until_alive(site, server, log)
        yield site
    finally:
        if server is not None:
            server.send_signal(signal.SIGTERM)
            server.wait(timeout=30)
        database.remove()


def wait_until_alive(site, server, log):
    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        assert server.poll() is None, f"gunicorn stopped: {log.read_text()}"
        try:
            site.get("/healthz")
            return
        except OSError:
            time.sleep(0.2)
    raise AssertionError("gunicorn did not answer within 30 s")


def test_pages_link_to_hashed_static_files_served_compressed_and_cached_for_ten_years(site):
    _, page = site.get("/events/", **THROUGH_THE_PROXY)
    stylesheet = re.search(r'href="(/static/css/site\.[0-9a-f]{12}\.css)"', page.decode()).group(1)

    plain, css = site.get(stylesheet, **THROUGH_THE_PROXY)
    brotli, _ = site.get(stylesheet, **THROUGH_THE_PROXY, **{"Accept-Encoding": "br"})
    gzipped, compressed = site.get(stylesheet, **THROUGH_THE_PROXY, **{"Accept-Encoding": "gzip"})

    assert plain.status == 200 and b".site-header" in css
    assert plain.getheader("Cache-Control") == "max-age=315360000, public, immutable"
    assert brotli.getheader("Content-Encoding") == "br"
    assert gzipped.getheader("Content-Encoding") == "gzip"
    assert gzip.decompress(compressed) == css


def test_public_html_is_compressed_when_the_browser_accepts_it(site):
    response, body = site.get("/events/", **{**THROUGH_THE_PROXY, "Accept-Encoding": "gzip"})

    assert response.status == 200
    assert response.getheader("Content-Encoding") == "gzip"
    assert b"<h1>" in gzip.decompress(body)


def test_the_sign_in_page_which_holds_a_csrf_token_is_never_compressed(site):
    response, body = site.get("/admin/login/", **{**THROUGH_THE_PROXY, "Accept-Encoding": "gzip"})

    assert response.status == 200
    assert response.getheader("Content-Encoding") is None
    assert b'name="csrfmiddlewaretoken"' in body


def test_plain_http_is_redirected_to_https_but_the_health_checks_are_not(site):
    redirected, _ = site.get("/events/")

    assert redirected.status == 301
    assert redirected.getheader("Location") == f"https://127.0.0.1:{site.port}/events/"
    assert site.get("/healthz")[0].status == 200
    assert site.get("/readyz")[0].status == 200


def test_while_the_database_is_stopped_pages_answer_503_and_recover_when_it_returns(site):
    assert site.get("/events/", **THROUGH_THE_PROXY)[0].status == 200

    site.database.stop()
    try:
        page, body = site.get("/events/", **THROUGH_THE_PROXY)
        ready, _ = site.get("/readyz")
        alive, _ = site.get("/healthz")
    finally:
        site.database.start()

    assert page.status == 503
    assert page.getheader("Retry-After") == "30"
    assert "The record is unavailable for a moment" in body.decode()
    assert (ready.status, ready.getheader("Retry-After")) == (503, "30")
    assert alive.status == 200
    assert site.get("/events/", **THROUGH_THE_PROXY)[0].status == 200
    assert site.get("/readyz")[0].status == 200
