"""A reader's crawl of the shipped record: every page reachable from / answers, and none shows an internal label.

Internal labels are the names the data was kept under before it reached readers: the infobox
parameters of the Wikipedia article ("Combatant1", "Casualties1"), the fixture's name, the
"per Wikipedia" of an article that is a source, not a claimant.
"""

from html.parser import HTMLParser
from urllib.parse import urldefrag, urljoin, urlsplit

import pytest
from django.core.management import call_command
from django.urls import reverse

pytestmark = pytest.mark.django_db

INTERNAL_LABELS = ("Combatant", "Casualties1", "Casualties2", "Casualties3", "Imported from fixture", "per Wikipedia")
# Pages a reader reaches by typing rather than by a link.
TYPED = [reverse("search") + f"?q={words}" for words in ("Haroum", "Menaka", "JNIM", "civilians killed")]
# The admin is the editors' and the API's JSON is read by scripts (tests/test_api.py); files are fetched, not read.
NOT_FOLLOWED = ("/admin/", "/api/", "/static/", "/media/")
PAGE_LIMIT = 3000


class Links(HTMLParser):
    def __init__(self):
        super().__init__()
        self.hrefs = []

    def handle_starttag(self, tag, attrs):
        if tag in ("a", "link"):
            href = dict(attrs).get("href")
            if href:
                self.hrefs.append(href)


def internal_links(page_url, html):
    parser = Links()
    parser.feed(html)
    for href in parser.hrefs:
        url, _ = urldefrag(urljoin(page_url, href))
        parts = urlsplit(url)
        if parts.scheme not in ("", "http") or parts.netloc not in ("", "testserver"):
            continue
        address = parts.path + (f"?{parts.query}" if parts.query else "")
        if not address.startswith(NOT_FOLLOWED):
            yield address


@pytest.fixture
def shipped_record(db):
    call_command("loaddata", "menaka_clashes", verbosity=0)


def crawl(client):
    """{address: (status, body)} for every page reachable from / and the typed ones."""
    seen, queue = {}, ["/", *TYPED]
    while queue:
        address = queue.pop()
        if address in seen:
            continue
        assert len(seen) < PAGE_LIMIT, "the crawl found more pages than the shipped record has"
        response = client.get(address)
        body = b"".join(response.streaming_content) if response.streaming else response.content
        text = body.decode("utf-8", errors="replace")
        seen[address] = (response.status_code, text)
        if response.status_code in (301, 302):
            queue.append(response["Location"])
        elif response.status_code == 200 and response["Content-Type"].startswith("text/html"):
            queue.extend(link for link in internal_links(address, text) if link not in seen)
    return seen


def test_every_page_a_reader_can_reach_answers_and_shows_no_internal_label(client, shipped_record):
    pages = crawl(client)

    assert {reverse("claim-list"), reverse("figures"), reverse("changes"), reverse("about")} <= pages.keys()
    assert any("/history/" in address for address in pages)
    assert any(address.startswith("/events/") and address.count("/") == 3 for address in pages)
    broken = {address: status for address, (status, _) in pages.items() if status not in (200, 301, 410)}
    assert not broken
    labelled = {
        address: [label for label in INTERNAL_LABELS if label in body]
        for address, (_, body) in pages.items()
        if any(label in body for label in INTERNAL_LABELS)
    }
    assert not labelled
