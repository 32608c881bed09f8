"""The pages a reader sees when something is missing or broken, and the files every page asks for."""

import re

import pytest
from django.test import RequestFactory
from django.views.defaults import server_error

pytestmark = pytest.mark.django_db


def test_an_unknown_address_gets_a_clear_not_found_page_with_links_back(client):
    response = client.get("/no-such-page/")

    page = response.content.decode()
    assert response.status_code == 404
    assert "<title>Page not found — The Ménaka record</title>" in page
    assert "<h1>Page not found</h1>" in page
    assert '<a href="/">The overview of the December 2022 clashes</a>' in page
    assert '<a href="/events/">All events</a>' in page
    assert '<nav aria-label="Main">' in page


def test_an_unknown_slug_gets_the_same_not_found_page(client):
    response = client.get("/events/no-such-event/")

    assert response.status_code == 404
    assert "There is no published page at this address." in response.content.decode()


def test_the_server_error_page_stands_alone_with_a_way_back(client):
    response = server_error(RequestFactory().get("/"))

    page = response.content.decode()
    assert response.status_code == 500
    assert "<title>Server error — The Ménaka record</title>" in page
    assert '<html lang="en">' in page
    assert '<a href="/">the overview</a>' in page


def test_favicon_ico_is_served_from_the_project(client):
    response = client.get("/favicon.ico", follow=True)

    assert response.status_code == 200
    assert response.redirect_chain == [("/static/favicon.ico", 301)]
    assert b"".join(response.streaming_content)[:4] == b"\x00\x00\x01\x00"


@pytest.mark.parametrize("path", ["/static/favicon.svg", "/static/css/site.css"])
def test_the_stylesheet_and_icon_every_page_names_are_served_by_the_site_itself(client, path):
    page = client.get("/events/").content.decode()

    assert f'href="{path}"' in page
    assert client.get(path).status_code == 200


def test_pages_ask_for_nothing_from_another_host(client):
    page = client.get("/events/").content.decode()

    assert re.findall(r'(?:src|href)="([^"]*)"', page)
    # The canonical address names the site itself; nothing may point at another host.
    assert not re.search(r'(?:src|href)="(?:https?:)?//(?!testserver/)', page)
