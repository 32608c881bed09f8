"""The interface in French under /fr/: every public page type, its language, its switch back, its dates and numbers."""

import datetime
import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from django.conf import settings
from django.core.management import call_command
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from events.models import Status
from tests.browser.pages import ENGLISH_ONLY, PAGE_TYPES, expected_status, url_of
from tests.factories import make_claim, make_event
from tests.interface_text import english_left, interface_text, record_texts, translated_entries

FRENCH_PAGE_TYPES = [page_type for page_type in PAGE_TYPES if page_type not in ENGLISH_ONLY]
SWITCH = re.compile(r'<nav class="language-switch"[^>]*>(.*?)</nav>', re.S)


@pytest.fixture
def record(db):
    call_command("loaddata", "menaka_clashes", verbosity=0)


@pytest.fixture(scope="module")
def catalogue():
    return translated_entries()


def html_lang(content):
    return re.search(r"<html lang=\"([^\"]+)\"", content).group(1)


def switch_links(content):
    """The language switch's links: {language: address}."""
    return dict(
        (language, address.replace("&amp;", "&"))
        for address, language in re.findall(r'<a href="([^"]*)" hreflang="([a-z]+)"', SWITCH.search(content).group(1))
    )


@pytest.mark.parametrize("page_type", FRENCH_PAGE_TYPES)
def test_every_public_page_type_speaks_french_under_fr(client, record, catalogue, page_type):
    url = url_of(page_type, "fr")

    response = client.get(url)
    content = response.content.decode()

    assert url.startswith("/fr/")
    assert response.status_code == expected_status(page_type)
    assert html_lang(content) == "fr"
    assert response["Content-Language"] == "fr"
    text = interface_text(content, record_texts())
    for typed in [value for values in parse_qs(urlsplit(url).query).values() for value in values]:
        text = text.replace(typed, "\x00")  # what the reader typed, echoed in an error, is theirs
    left = english_left(text, catalogue)
    assert not left, f"{url} still says in English: " + "; ".join(f"{fragment!r} (from {english!r})" for english, fragment in left)


@pytest.mark.parametrize("page_type", FRENCH_PAGE_TYPES)
def test_every_french_page_switches_back_to_the_same_english_page(client, record, page_type):
    english, french = url_of(page_type, "en"), url_of(page_type, "fr")

    french_page = client.get(french).content.decode()
    english_page = client.get(english).content.decode()

    assert switch_links(french_page) == {"en": english}
    assert switch_links(english_page) == {"fr": french}
    assert html_lang(english_page) == "en"


def test_the_english_pages_stay_where_they_were_whatever_the_browser_asks(client, record):
    response = client.get("/events/", headers={"accept-language": "fr-FR,fr;q=0.9"})

    assert response.status_code == 200
    assert html_lang(response.content.decode()) == "en"


def test_each_page_names_its_versions_in_both_languages(client, record):
    content = client.get("/fr/claims/?kind=killed").content.decode()

    assert '<link rel="alternate" hreflang="en" href="http://testserver/claims/">' in content
    assert '<link rel="alternate" hreflang="fr" href="http://testserver/fr/claims/">' in content
    assert '<link rel="alternate" hreflang="x-default" href="http://testserver/claims/">' in content
    assert '<link rel="canonical" href="http://testserver/fr/claims/">' in content


def test_the_api_reference_is_english_only_and_offers_no_french_version(client, record):
    content = client.get(reverse("api:docs")).content.decode()

    assert html_lang(content) == "en"
    assert 'class="language-switch"' not in content
    assert client.get("/fr/api/docs/").status_code == 404


@pytest.mark.parametrize("address", ["/api/events/", "/data/acled.csv", "/events.csv", "/changes.atom", "/sitemap.xml", "/robots.txt", "/healthz"])
def test_files_feeds_and_the_api_have_one_address_whatever_the_language(client, record, address):
    assert client.get(address).status_code == 200
    assert client.get("/fr" + address).status_code == 404


def test_dates_and_figures_read_in_french(client, record):
    content = client.get("/fr/").content.decode()

    assert "3–10 décembre 2022" in content
    assert "<html lang=\"fr\">" in content
    assert "(selon ISGS)" in content


def test_the_first_of_a_month_is_written_as_an_ordinal_in_french(client, db):
    make_event(slug="raid", title="Raid", start_date=datetime.date(2022, 12, 1), end_date=datetime.date(2022, 12, 1))

    assert "1er décembre 2022" in client.get("/fr/events/raid/").content.decode()
    assert "1 December 2022" in client.get("/events/raid/").content.decode()


def test_large_figures_are_grouped_the_french_way(client, db):
    claim = make_claim(slug="displaced", statement="Thousands fled", qualifier="about", value_low=12000, value_high=12000, unit="people")

    french = client.get(f"/fr/claims/{claim.slug}/").content.decode()
    english = client.get(f"/claims/{claim.slug}/").content.decode()

    assert "nviron 12\u00a0000 personnes" in french
    assert "bout 12,000 people" in english


@pytest.mark.parametrize("page_type", ["timeline", "map", "event detail"])
def test_the_charts_numbers_keep_a_decimal_point_in_french(client, record, page_type):
    content = client.get(url_of(page_type, "fr")).content.decode()
    drawing = "".join(re.findall(r"<svg.*?</svg>", content, re.S))

    numbers = re.findall(r'\s(?:x|y|x1|x2|y1|y2|cx|cy|r|width|height|viewBox|transform|dy)="([^"]*)"', drawing)
    points = re.findall(r'\spoints="([^"]*)"', drawing)

    assert numbers
    assert not [value for value in numbers if "," in value]
    # Points are x,y pairs: a comma inside a number would make three parts.
    assert not [value for value in points if not all(re.fullmatch(r"-?[\d.]+,-?[\d.]+", pair) for pair in value.split())]


def test_a_renamed_entry_redirects_to_its_french_address(client, db):
    event = make_event(slug="old-name")
    event.slug = "new-name"
    event.save()

    for view in ("detail", "history"):
        with translation.override("fr"):
            old, new = reverse(f"event-{view}", args=["old-name"]), reverse(f"event-{view}", args=["new-name"])
        response = client.get(old + "?ref=feed")
        assert old.startswith("/fr/")
        assert response.status_code == 301
        assert response["Location"] == new + "?ref=feed"


def test_a_withdrawn_entry_is_gone_in_french_too(client, db):
    event = make_event(slug="withdrawn-raid", title="Raid on Tessit")
    event.status = Status.WITHDRAWN
    event._change_reason = "A duplicate of another entry"
    event.save()

    response = client.get("/fr/events/withdrawn-raid/")
    content = response.content.decode()

    assert response.status_code == 410
    assert html_lang(content) == "fr"
    assert "Retiré\u00a0: Raid on Tessit" in content
    assert "Pourquoi\u00a0: A duplicate of another entry" in content
    assert "Première publication" in content
    assert switch_links(content) == {"en": "/events/withdrawn-raid/"}


def test_the_server_error_and_unavailable_pages_speak_the_address_language(db):
    with translation.override("fr"):
        error, unavailable = render_to_string("500.html"), render_to_string("503.html")

    assert html_lang(error) == "fr" and "Quelque chose s’est mal passé" in error and 'href="/fr/"' in error
    assert html_lang(unavailable) == "fr" and "Le dossier est indisponible pour un instant" in unavailable


def test_the_admin_speaks_french_under_fr_admin(admin_client):
    content = admin_client.get("/fr/admin/").content.decode()

    assert html_lang(content) == "fr"
    assert "Le dossier par statut" in content  # ours
    assert "Déconnexion" in content  # Django's own
    assert 'href="/admin/" hreflang="en"' in content


def test_the_check_finds_a_string_left_in_english(client, record, catalogue):
    """The French pages pass only because they are translated: the same check on the English page finds English."""
    content = client.get(url_of("overview", "en")).content.decode()

    left = {english for english, _ in english_left(interface_text(content, record_texts()), catalogue)}

    assert {"Overview", "Skip to main content", "At a glance"} <= left


# A template's text left outside {% translate %} is in no catalogue, so the page check above cannot see it.
TRANSLATED = re.compile(
    r"{%\s*blocktranslate\b.*?{%\s*endblocktranslate\s*%}|{%\s*translate\s.*?%}|{%\s*comment\s*%}.*?{%\s*endcomment\s*%}"
    r"|{#.*?#}|{%\s*block og_type\s*%}\w*{%\s*endblock\s*%}",
    re.S,
)
TEMPLATE_CODE = re.compile(r"{%.*?%}|{{.*?}}|<(script|style)\b.*?</\1>|&\w+;", re.S)
READ_ATTRIBUTE = re.compile(r'\b(?:title|aria-label|placeholder|alt|data-label|content)="([^"]*)"|<input type="submit"[^>]*value="([^"]*)"')
# Machine words in attributes (the viewport, Open Graph's locale) and example names from the record.
NOT_INTERFACE = {"width=device-width, initial-scale=1", "fr_FR en_GB", "Ménaka, JNIM, Haroum…"}


def untranslated_text(template):
    source = TEMPLATE_CODE.sub(" ", TRANSLATED.sub(" ", template.read_text()))
    attributes = [value for pair in READ_ATTRIBUTE.findall(source) for value in pair if value]
    text = re.findall(r"[^<>]+", re.sub(r"<[^>]*>", "\n", source))
    return [
        " ".join(piece.split())
        for piece in attributes + text
        if re.search(r"[A-Za-z]{2,}", piece) and " ".join(piece.split()) not in NOT_INTERFACE
    ]


@pytest.mark.parametrize(
    "template",
    [path for path in Path(settings.BASE_DIR, "templates").rglob("*.html") if path.name != "api_docs.html"],
    ids=lambda path: str(path.relative_to(Path(settings.BASE_DIR, "templates"))),
)
def test_no_template_says_anything_outside_the_catalogue(template):
    assert untranslated_text(template) == []
