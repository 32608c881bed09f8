from django.conf import settings
from django.urls import Resolver404, get_resolver, get_urlconf, resolve, reverse
from django.utils import translation

ENTRY_PAGES = {f"{kind}-{view}": kind for kind in ("event", "actor", "place", "source", "claim") for view in ("detail", "history")}


def feeds(request):
    """The Atom feeds a page names in its head: the record's changes, and on an entry's pages its corrections log."""
    match = request.resolver_match
    # The public sees an entry's pages only while it is published, and so has its feed; staff may be
    # previewing a draft, which has none.
    if match is None or request.user.is_staff:
        return {}
    kind = ENTRY_PAGES.get(match.url_name)
    if kind is None or "slug" not in match.captured_kwargs:
        return {}
    return {"entry_feed_url": reverse(f"{kind}-history-feed", args=[match.captured_kwargs["slug"]])}


def languages(request):
    """This page in every language of the site, for the language switch and the hreflang links.

    The addresses differ only by the /fr/ prefix (prefix_default_language=False), and the query string
    stays, so a reader who switches stays on the same list with the same filters. A page that exists
    in one language only (the API reference) has no other version.
    """
    current = translation.get_language()
    bare = request.path_info
    prefix = f"/{current}/"
    if current != settings.LANGUAGE_CODE and bare.startswith(prefix):
        bare = bare[len(prefix) - 1:]
    query = request.META.get("QUERY_STRING", "")
    here_exists = request.resolver_match is not None
    versions = []
    for code, name in settings.LANGUAGES:
        path = bare if code == settings.LANGUAGE_CODE else f"/{code}{bare}"
        if here_exists and code != current and not _exists_in(code, path, request.resolver_match, current):
            continue
        versions.append({
            "code": code,
            "name": name,
            "url": f"{path}?{query}" if query else path,
            "absolute_url": request.build_absolute_uri(path),
            "is_current": code == current,
        })
    return {"language_versions": versions if len(versions) > 1 else []}


# Whether the pages of one URL pattern exist in another language: the same for every address the pattern
# matches (a slug changes nothing), so each is resolved once per process, not once per page.
_EXISTS = {}


def _exists_in(language, path, match, current):
    key = (match.route, match.url_name, current, language, get_resolver(get_urlconf()))
    if key not in _EXISTS:
        if len(_EXISTS) >= 1000:
            _EXISTS.clear()
        _EXISTS[key] = _resolves(path, language)
    return _EXISTS[key]


def _resolves(path, language):
    with translation.override(language):
        try:
            resolve(path)
        except Resolver404:
            return False
    return True
