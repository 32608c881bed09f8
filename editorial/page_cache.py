"""The readers' page cache: each public page rendered once per version of the record.

The record's version is a token kept in the shared cache (``CACHES["default"]``, which
every worker sees). Any save or delete of a history-tracked model (an event, a claim, a
citation..., through the admin, loaddata, an import or a restore) makes a new one, so a
publish, a correction or a withdrawal shows on the very next request: pages are keyed by
the version and the old ones are simply never asked for again. Code that writes without
signals (``bulk_create``, ``QuerySet.update``) calls ``record_changed()`` itself.

Only anonymous readers go through the cache. A request with a session or messages
cookie or an Authorization header (staff, previews, pending changes are all signed in)
is served as if there were no cache, and nothing rendered for it is stored. Only 200
responses to GET and HEAD of a public type are stored, never one that sets a cookie or
says private/no-store (the admin does), nor anything under excluded_paths(). Whole streamed
downloads (the exports) are kept as files instead, by editorial/file_cache.py, on the same terms.

Every cacheable response carries an ETag and a Last-Modified from the version, and a
conditional request for an unchanged record is answered 304 without rendering. Public
responses say ``Cache-Control: public, max-age=0, must-revalidate``: a browser or proxy
may keep a copy but asks each time whether it is still current, which costs a 304 and
shows a correction at once (a max-age would keep serving the uncorrected page).
"""

import functools
import hashlib
import logging
import threading
import time
import uuid

from django.conf import settings
from django.core.cache import cache
from django.core.signals import request_finished, request_started
from django.db import transaction
from django.db.models.signals import m2m_changed, post_delete, post_save
from django.http import HttpResponse, HttpResponseNotModified
from django.utils.cache import get_conditional_response, patch_cache_control, patch_vary_headers
from django.utils.http import http_date, parse_etags
from django.utils.translation import get_language_from_path

from editorial import file_cache
from editorial.history import tracked_models
from menaka_site.languages import in_every_language

logger = logging.getLogger(__name__)

VERSION_KEY = "record-version"
PUBLIC_TYPES = ("text/html", "application/json", "application/geo+json", "text/csv")
# Cookies whose presence can change what a page shows (so can an Authorization header).
PERSONAL_COOKIES = (settings.SESSION_COOKIE_NAME, "messages")
# Headers a stored response may vary on: the key holds the Accept header and the language,
# and no page differs by its cookies for a reader who has none of PERSONAL_COOKIES.
HARMLESS_VARY = {"accept", "accept-language", "cookie"}
# Larger bodies are rendered for each request, but for whole streamed files (editorial/file_cache.py).
LARGEST_STORED = 4 * 1024 * 1024

_thread = threading.local()


SECONDS_A_DAY = 24 * 60 * 60


class Version:
    def __init__(self, token, changed):
        self.token = token
        self.changed = changed  # whole seconds since the epoch: Last-Modified

    @classmethod
    def current(cls):
        """The record's version, read from the shared cache once per request (the page cache and each list's
        count ask for it): a request sees one version throughout, unless it writes (new_version)."""
        known = getattr(_thread, "request_version", None)
        if known is not None:
            return known
        version = cls.read()
        if getattr(_thread, "in_request", False):
            _thread.request_version = version
        return version

    @classmethod
    def read(cls):
        stored = cache.get(VERSION_KEY)
        if stored is None:
            # A new cache, or the counter was evicted: start a version of our own. add() keeps
            # the one another worker may have started meanwhile.
            cache.add(VERSION_KEY, (uuid.uuid4().hex, int(time.time())), timeout=None)
            stored = cache.get(VERSION_KEY) or (uuid.uuid4().hex, int(time.time()))
        token, changed = stored
        # Pages say the day they were retrieved on (an entry's "Cite this page"): a page kept from
        # yesterday would say yesterday, so each day starts a version of its own.
        midnight = int(time.time()) // SECONDS_A_DAY * SECONDS_A_DAY
        return cls(f"{token}-{midnight}", max(changed, midnight))


def new_version():
    """Replace the record's version. Each gets a later Last-Modified second than the one before,
    so that If-Modified-Since tells them apart even when they come within one second."""
    _thread.read_pages = False
    _thread.request_version = None
    previous = cache.get(VERSION_KEY)
    changed = int(time.time())
    if previous is not None:
        changed = max(changed, previous[1] + 1)
    cache.set(VERSION_KEY, (uuid.uuid4().hex, changed), timeout=None)


def release_changed(**kwargs):
    """migrate, which every release runs, starts a new version: a page rendered by the code before
    (its templates, its translations) is not served after it, even with no change to the record."""
    try:
        new_version()
    except Exception as error:  # whatever the backend raises when it cannot be reached
        logger.warning("Cache unreachable, no new version after migrate: %s", error)


def once_per_version(name, compute):
    """What compute() returns, computed once per version of the record and kept in the shared cache.

    For what every reader's request would otherwise recompute over the whole record (a list's
    count). The name must say everything the value depends on besides the record. Without its
    cache, compute() is called each time.
    """
    try:
        key = f"once:{Version.current().token}:{hashlib.sha256(name.encode()).hexdigest()}"
        value = cache.get(key)
    except Exception as error:  # whatever the backend raises when it cannot be reached
        logger.warning("Cache unreachable, %s computed afresh: %s", name[:80], error)
        return compute()
    # Like a page read: a write later in this thread's transaction must make a new version at once.
    _thread.read_pages = True
    if value is None:
        value = compute()
        try:
            cache.set(key, value)
        except Exception:
            logger.warning("Could not keep %s in the cache", name[:80], exc_info=True)
    return value


def record_changed(using=None):
    """A new version once the write is committed; call it after writing without model signals."""
    connection = transaction.get_connection(using)
    if not connection.in_atomic_block:
        new_version()
        return
    if getattr(_thread, "read_pages", True):
        # This thread read pages of the current version, and only it sees its uncommitted writes
        # (a test, or code that writes then renders in one transaction): a version for it now.
        new_version()
    if not any(callback is new_version for _, callback, _ in connection.run_on_commit):
        transaction.on_commit(new_version, using=using)


def on_write(sender, using=None, **kwargs):
    record_changed(using)


def on_relation_write(sender, instance, action, using=None, **kwargs):
    if action.startswith("post_") and type(instance) in TRACKED:
        record_changed(using)


TRACKED = set()


def request_started_here(**kwargs):
    _thread.in_request, _thread.request_version = True, None


def request_finished_here(**kwargs):
    _thread.in_request, _thread.request_version = False, None


def connect_signals():
    request_started.connect(request_started_here, weak=False, dispatch_uid="page-cache-request-started")
    request_finished.connect(request_finished_here, weak=False, dispatch_uid="page-cache-request-finished")
    TRACKED.update(tracked_models())
    for model in TRACKED:
        uid = f"page-cache-{model._meta.label}"
        post_save.connect(on_write, sender=model, weak=False, dispatch_uid=uid)
        post_delete.connect(on_write, sender=model, weak=False, dispatch_uid=uid)
    m2m_changed.connect(on_relation_write, weak=False, dispatch_uid="page-cache-m2m")


class PageCacheMiddleware:
    """Goes before the session, CSRF and messages middleware, so that it sees the cookies they set."""

    def __init__(self, get_response):
        self.get_response = get_response
        self.enabled = settings.PAGE_CACHE_ENABLED

    def __call__(self, request):
        if not (self.enabled and is_anonymous_read(request)):
            return self.get_response(request)
        try:
            version = Version.current()
        except Exception as error:  # whatever the backend raises when it cannot be reached
            # Without its cache the site still answers, rendering each page afresh: never a stale
            # page, and a database that is down too is then answered 503 by menaka_site.health.
            logger.warning("Page cache unreachable, %s %s rendered uncached: %s", request.method, request.path, error)
            return self.get_response(request)
        _thread.read_pages = True
        key = page_key(request, version)
        if etag(key) in parse_etags(request.headers.get("If-None-Match", "")):
            # The client holds this very page of this version: no need to fetch it.
            return not_modified(key, version)
        stored = cache.get(key)
        if stored is not None:
            return answer(request, rebuilt(stored), version)
        kept_at = file_cache.whole_file_path(request, version, language_of(request))
        kept = file_cache.kept_file(kept_at, request.method) if kept_at else None
        if kept is not None:
            return answer(request, stamp(kept, key, version), version)
        response = self.get_response(request)
        if not is_public(request, response):
            return response
        stamp(response, key, version)
        if not response.streaming and len(response.content) <= LARGEST_STORED:
            store(key, response)
        elif kept_at and file_cache.can_keep(response):
            file_cache.keep_while_sending(response, kept_at)
        return answer(request, response, version)


@functools.cache
def excluded_paths():
    """The admin in every language (it says no-store anyway), and the suggestions the filters fetch as a reader
    types: cheap to answer, and keyed by every prefix typed."""
    return (*in_every_language("admin:index"), "/suggest/")


def is_anonymous_read(request):
    return (
        request.method in ("GET", "HEAD")
        and not request.path.startswith(excluded_paths())
        and not any(name in request.COOKIES for name in PERSONAL_COOKIES)
        and "authorization" not in request.headers
    )


def is_public(request, response):
    user = getattr(request, "user", None)
    cache_control = response.get("Cache-Control", "").lower()
    varies = {header.strip().lower() for header in response.get("Vary", "").split(",") if header.strip()}
    return (
        response.status_code == 200
        and not response.cookies
        and not (user is not None and user.is_authenticated)
        and not any(word in cache_control for word in ("private", "no-store", "no-cache"))
        and response.get("Content-Type", "").split(";")[0].strip() in PUBLIC_TYPES
        and "Content-Encoding" not in response
        and varies <= HARMLESS_VARY
    )


def page_key(request, version):
    page = "\n".join([
        request.scheme, request.get_host(), request.get_full_path(), language_of(request), request.headers.get("Accept", ""),
    ])
    return f"page:{version.token}:{hashlib.sha256(page.encode()).hexdigest()}"


def language_of(request):
    # A page's language is the one its address names (/fr/…), never the browser's Accept-Language
    # or a cookie, as LocaleMiddleware decides with prefix_default_language=False.
    return get_language_from_path(request.path_info) or settings.LANGUAGE_CODE


def etag(key):
    return f'"{hashlib.sha256(key.encode()).hexdigest()[:32]}"'


def stamp(response, key, version):
    response["ETag"] = etag(key)
    response["Last-Modified"] = http_date(version.changed)
    patch_cache_control(response, public=True, max_age=0, must_revalidate=True)
    # A shared proxy must not hand the readers' copy to a signed-in editor, who may see a preview.
    patch_vary_headers(response, ["Cookie"])
    return response


def store(key, response):
    """Keep the page if the cache can take it now; the reader gets it either way (a long import
    can hold SQLite's write lock for longer than a reader should wait)."""
    try:
        cache.set(key, frozen(response))
    except Exception:
        logger.warning("Could not store %s in the page cache", key, exc_info=True)


def not_modified(key, version):
    return stamp(HttpResponseNotModified(), key, version)


def frozen(response):
    return response.status_code, list(response.items()), response.content


def rebuilt(stored):
    status, headers, content = stored
    response = HttpResponse(content, status=status)
    for name, value in headers:
        response[name] = value
    return response


def answer(request, response, version):
    return get_conditional_response(
        request, etag=response["ETag"], last_modified=version.changed, response=response
    )
