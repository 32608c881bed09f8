"""The readers' page cache: pages served from it until the record changes, and never a draft."""

import io

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.cache import cache
from django.core.management import call_command
from django.db import connection
from django.http import HttpResponse
from django.test import Client, override_settings
from django.test.utils import CaptureQueriesContext
from django.urls import path
from django.utils.http import parse_http_date

from events.models import Event, Status
from menaka_site import settings as settings_module
from menaka_site.urls import urlpatterns as site_urlpatterns
from tests.admin_helpers import admin_url, form_data, make_editor, make_reviewer
from tests.factories import make_event

pytestmark = pytest.mark.django_db

EVENTS = "/events/"
renders = []


def sets_a_cookie(request):
    renders.append(request.path)
    response = HttpResponse("<p>Hello</p>")
    response.set_cookie("seen", "1")
    return response


urlpatterns = [path("cookie/", sets_a_cookie), *site_urlpatterns]


def anonymous_get(url, **headers):
    """An anonymous request, and how many database queries it made (none: from the cache)."""
    with CaptureQueriesContext(connection) as queries:
        response = Client().get(url, headers=headers)
    return response, len(queries)


def text(response):
    return response.content.decode()


def signed_in(user):
    client = Client()
    client.force_login(user)
    return client


def change_in_admin(client, entry, **changes):
    form = client.get(admin_url(entry, "change"))
    response = client.post(admin_url(entry, "change"), {**form_data(form), **changes})
    assert response.status_code == 302, response.content.decode()[:2000]


def run_action(client, model, action, *entries):
    data = {"action": action, "_selected_action": [str(entry.pk) for entry in entries], "index": "0"}
    if action == "withdraw":
        data["withdraw_reason"] = "Not in any source"  # the admin asks why before it withdraws
    assert client.post(admin_url(model, "changelist"), data).status_code == 302


def test_a_page_comes_from_the_cache_until_a_reviewer_publishes_in_the_change_form():
    make_event(title="Clash at Anderamboukane")
    draft = make_event(title="Attack at Inekar", status=Status.DRAFT)
    first, _ = anonymous_get(EVENTS)
    again, queries = anonymous_get(EVENTS)
    assert queries == 0
    assert "Clash at Anderamboukane" in text(again) and "Attack at Inekar" not in text(again)

    change_in_admin(signed_in(make_reviewer()), draft, status=Status.PUBLISHED, reason="Checked")

    after, queries = anonymous_get(EVENTS)
    assert queries > 0
    assert "Attack at Inekar" in text(after)


def test_a_publish_a_correction_and_a_withdrawal_by_admin_action_show_on_the_next_request():
    reviewer = signed_in(make_reviewer())
    draft = make_event(title="Attack at Inekar", status=Status.DRAFT)
    published = make_event(title="Clash at Tamalat")
    anonymous_get(EVENTS)

    run_action(reviewer, Event, "publish", draft)
    assert "Attack at Inekar" in text(anonymous_get(EVENTS)[0])

    change_in_admin(reviewer, published, title="Clash near Tamalat", reason="Place corrected")
    page = text(anonymous_get(EVENTS)[0])
    assert "Clash near Tamalat" in page and "Clash at Tamalat" not in page

    run_action(reviewer, Event, "withdraw", published)
    assert "Clash near Tamalat" not in text(anonymous_get(EVENTS)[0])
    assert anonymous_get(published.get_absolute_url())[0].status_code == 410  # Gone: withdrawn, with why


@pytest.mark.parametrize("warm", [False, True], ids=["cold cache", "warm cache"])
def test_a_staff_preview_of_a_draft_never_reaches_an_anonymous_reader(warm):
    make_event(title="Clash at Tamalat")
    draft = make_event(title="Attack at Inekar draft", status=Status.DRAFT)
    if warm:
        anonymous_get(EVENTS)
        anonymous_get(draft.get_absolute_url())
    staff = signed_in(make_editor())

    preview = staff.get(draft.get_absolute_url())
    listed = staff.get(EVENTS)

    assert "Preview: not published" in text(preview)
    assert listed.status_code == 200 and "ETag" not in preview and "ETag" not in listed
    assert anonymous_get(draft.get_absolute_url())[0].status_code == 404
    page = text(anonymous_get(EVENTS)[0])
    assert "Clash at Tamalat" in page and "Attack at Inekar" not in page


@pytest.mark.parametrize("warm", [False, True], ids=["cold cache", "warm cache"])
def test_a_pending_change_never_reaches_an_anonymous_reader(warm):
    draft = make_event(title="Attack at Inekar", status=Status.DRAFT)
    if warm:
        anonymous_get(EVENTS)
    editor = signed_in(make_editor())

    change_in_admin(editor, draft, title="Attack at Inekar, revised draft", reason="Revised")
    run_action(editor, Event, "submit_for_review", draft)
    editor.get(draft.get_absolute_url())

    assert Event.objects.get(pk=draft.pk).status == Status.REVIEW
    assert "Attack at Inekar" not in text(anonymous_get(EVENTS)[0])
    assert anonymous_get(draft.get_absolute_url())[0].status_code == 404


def test_an_unchanged_record_answers_304_to_its_etag_and_200_after_a_change():
    event = make_event(title="Clash at Tamalat")
    first, _ = anonymous_get(EVENTS)
    assert first["Cache-Control"] == "public, max-age=0, must-revalidate"
    assert "Cookie" in [header.strip() for header in first["Vary"].split(",")]

    unchanged, queries = anonymous_get(EVENTS, if_none_match=first["ETag"])
    assert (unchanged.status_code, unchanged.content, queries) == (304, b"", 0)
    assert unchanged["ETag"] == first["ETag"]

    event.title = "Clash near Tamalat"
    event.save()
    changed, _ = anonymous_get(EVENTS, if_none_match=first["ETag"])
    assert changed.status_code == 200 and "Clash near Tamalat" in text(changed)
    assert changed["ETag"] != first["ETag"]


def test_a_release_serves_no_page_rendered_by_the_code_before_it():
    make_event(title="Clash at Tamalat")
    before, _ = anonymous_get(EVENTS)
    assert anonymous_get(EVENTS, if_none_match=before["ETag"])[0].status_code == 304

    # Every release runs migrate (README): new templates or translations, the same record.
    call_command("migrate", verbosity=0)

    after, queries = anonymous_get(EVENTS, if_none_match=before["ETag"])
    assert after.status_code == 200 and "Clash at Tamalat" in text(after)
    assert after["ETag"] != before["ETag"] and queries > 0


def test_an_unchanged_record_answers_304_to_if_modified_since_and_200_after_a_change():
    event = make_event(title="Clash at Tamalat")
    first, _ = anonymous_get(EVENTS)

    unchanged, _ = anonymous_get(EVENTS, if_modified_since=first["Last-Modified"])
    assert unchanged.status_code == 304

    event.title = "Clash near Tamalat"
    event.save()
    changed, _ = anonymous_get(EVENTS, if_modified_since=first["Last-Modified"])
    assert changed.status_code == 200 and "Clash near Tamalat" in text(changed)
    assert parse_http_date(changed["Last-Modified"]) > parse_http_date(first["Last-Modified"])


def test_every_kind_of_public_page_gets_a_validator_and_a_missing_page_is_not_cached():
    event = make_event(title="Clash at Tamalat")

    for url in ("/", EVENTS, event.get_absolute_url(), "/claims/", "/events.csv"):
        response = Client().get(url)
        assert response.status_code == 200 and response["ETag"] and response["Last-Modified"], url
    missing, _ = anonymous_get("/events/no-such-event/")
    assert missing.status_code == 404 and "ETag" not in missing
    assert anonymous_get("/events/no-such-event/")[1] > 0


def test_a_synthetic_record_written_in_bulk_shows_on_the_next_request():
    make_event(title="Clash at Tamalat")
    anonymous_get(EVENTS)

    call_command("synthesize", events=10, seed=4, stdout=io.StringIO())

    assert "Synthetic" in text(anonymous_get(EVENTS)[0])


@pytest.mark.urls("tests.test_page_cache")
def test_a_response_that_sets_a_cookie_is_never_stored():
    renders.clear()

    first, second = Client().get("/cookie/"), Client().get("/cookie/")

    assert renders == ["/cookie/", "/cookie/"]
    assert second.cookies["seen"].value == "1"
    assert "ETag" not in first and "ETag" not in second


def test_the_admin_is_never_cached():
    login = Client().get("/admin/login/")
    assert login.status_code == 200 and "ETag" not in login
    staff = signed_in(make_reviewer())
    event = make_event(title="Clash at Tamalat")

    staff.get(admin_url(Event, "changelist"))
    Event.objects.filter(pk=event.pk).update(title="Clash near Tamalat")  # no signal, no new version
    changelist = staff.get(admin_url(Event, "changelist"))

    assert "Clash near Tamalat" in text(changelist) and "ETag" not in changelist


def test_a_french_page_is_never_served_for_english_nor_the_other_way():
    make_event(title="Clash at Tamalat")
    french, _ = anonymous_get("/fr" + EVENTS)
    english, _ = anonymous_get(EVENTS, **{"accept-language": "fr"})

    french_again, french_queries = anonymous_get("/fr" + EVENTS)
    english_again, english_queries = anonymous_get(EVENTS)

    assert '<html lang="fr">' in text(french) and '<html lang="fr">' in text(french_again)
    assert '<html lang="en">' in text(english) and '<html lang="en">' in text(english_again)
    assert french["ETag"] != english["ETag"]
    # The address alone says the language: a French browser's English page is everyone's English page.
    assert (french_queries, english_queries) == (0, 0)


def test_the_french_admin_is_never_cached():
    login = Client().get("/fr/admin/login/")
    assert login.status_code == 200 and "ETag" not in login and '<html lang="fr"' in text(login)


def test_a_session_cookie_bypasses_the_cache_both_ways():
    make_event(title="Clash at Tamalat")
    anonymous_get(EVENTS)

    with CaptureQueriesContext(connection) as queries:
        response = Client(headers={"cookie": "sessionid=unknown"}).get(EVENTS)

    assert response.status_code == 200 and "ETag" not in response and len(queries) > 0


def test_the_database_cache_shared_by_workers_behaves_the_same():
    database_cache = {"BACKEND": "django.core.cache.backends.db.DatabaseCache", "LOCATION": "page_cache"}
    with override_settings(CACHES={"default": database_cache}):
        call_command("createcachetable", verbosity=0)
        draft = make_event(title="Attack at Inekar", status=Status.DRAFT)
        first = Client().get(EVENTS)
        assert Client().get(EVENTS, headers={"if-none-match": first["ETag"]}).status_code == 304

        run_action(signed_in(make_reviewer()), Event, "publish", draft)

        assert "Attack at Inekar" in text(Client().get(EVENTS))
        cache.clear()


@pytest.mark.parametrize("url, backend, location", [
    ("", "django.core.cache.backends.db.DatabaseCache", "page_cache"),
    ("redis://cache.internal:6379/1", "django.core.cache.backends.redis.RedisCache", "redis://cache.internal:6379/1"),
    ("memcached://a:11211,b:11211", "django.core.cache.backends.memcached.PyMemcacheCache", ["a:11211", "b:11211"]),
    ("file:///var/cache/menaka", "django.core.cache.backends.filebased.FileBasedCache", "/var/cache/menaka"),
])
def test_cache_url_names_the_shared_cache(url, backend, location):
    configured = settings_module.cache_from_url(url)

    assert (configured["BACKEND"], configured["LOCATION"]) == (backend, location)


@pytest.mark.parametrize("url", ["redis", "memcache://a:11211", "file://relative/folder", "memcached:///path"])
def test_a_cache_url_not_understood_stops_the_start_up(url):
    with pytest.raises(ImproperlyConfigured, match="CACHE_URL="):
        settings_module.cache_from_url(url)


def test_a_new_day_starts_a_new_version_so_a_page_never_says_it_was_retrieved_yesterday(monkeypatch):
    import time as real_time

    from editorial import page_cache

    event = make_event(title="Battle of Haroum")
    first, _ = anonymous_get(event.get_absolute_url())
    again, queries = anonymous_get(event.get_absolute_url())
    assert queries == 0 and again["ETag"] == first["ETag"]

    tomorrow = real_time.time() + page_cache.SECONDS_A_DAY
    monkeypatch.setattr(page_cache.time, "time", lambda: tomorrow)
    next_day, queries = anonymous_get(event.get_absolute_url(), **{"If-None-Match": first["ETag"]})

    assert next_day.status_code == 200 and queries > 0
    assert next_day["ETag"] != first["ETag"]
    assert parse_http_date(next_day["Last-Modified"]) > parse_http_date(first["Last-Modified"])
