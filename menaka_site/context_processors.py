from django.urls import reverse

ENTRY_PAGES = {f"{kind}-{view}": kind for kind in ("event", "actor", "place", "source", "claim") for view in ("detail", "history")}


def feeds(request):
    """The Atom feeds a page names in its head: the record's changes, and on an entry's pages its corrections log."""
    match = request.resolver_match
    kind = ENTRY_PAGES.get(match.url_name) if match else None
    if kind is None or "slug" not in match.captured_kwargs:
        return {}
    return {"entry_feed_url": reverse(f"{kind}-history-feed", args=[match.captured_kwargs["slug"]])}
