from django.urls import reverse

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
