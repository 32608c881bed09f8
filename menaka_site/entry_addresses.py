"""Entry addresses that outlive a rename or a withdrawal.

An address that names an entry by a slug it had while published answers 301 to the entry's
address now (its page, its history, whatever the address was for); an entry that has been
withdrawn after being published answers 410 Gone, saying when and why, with its corrections log. Everything else
that is not found stays a 404. It works on the 404s of the entry views themselves, so the
views keep one job: showing what is public.
"""

from django.http import Http404, HttpResponsePermanentRedirect
from django.shortcuts import render
from django.urls import reverse

from editorial.curation import Status
from editorial.revisions import revisions_of
from editorial.views import public_log, row_sets_of
from events.models import Actor, Event, Place
from sources.models import Claim, Source
from sources.public import public_claims

PUBLIC_ROWS = {
    Event: Event.objects.published,
    Actor: Actor.objects.published,
    Place: Place.objects.published,
    Source: Source.objects.published,
    Claim: public_claims,
}
# The views that show one entry by its slug, and the kind of entry each shows.
ENTRY_ROUTES = {
    f"{model._meta.model_name}-{view}": model for model in PUBLIC_ROWS for view in ("detail", "history", "revision", "history-feed")
} | {"event-dossier": Event}


class EntryAddressMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_exception(self, request, exception):
        match = request.resolver_match
        if not isinstance(exception, Http404) or match is None or match.url_name not in ENTRY_ROUTES:
            return None
        model = ENTRY_ROUTES[match.url_name]
        fate, entry = what_became_of(PUBLIC_ROWS[model](), match.captured_kwargs.get("slug"))
        if fate == RENAMED:
            return redirect_keeping_query(request, match.view_name, {**match.captured_kwargs, "slug": entry.slug})
        if fate == WITHDRAWN:
            return withdrawn(request, entry)
        return None


RENAMED, WITHDRAWN = "renamed", "withdrawn"


def what_became_of(public_rows, slug):
    """(RENAMED, the entry) when the public entry once published as ``slug`` has another slug now, (WITHDRAWN,
    the entry) when the entry called so was published and has been withdrawn, else (None, None): for an address
    that found nothing public under ``slug``. Only published names are followed, and only to public entries."""
    entry = entry_named(public_rows.model, slug)
    if entry is None:
        return None, None
    if public_rows.filter(pk=entry.pk).exists():
        return (RENAMED, entry) if entry.slug != slug else (None, None)
    if entry.status == Status.WITHDRAWN and entry.history.filter(status=Status.PUBLISHED).exists():
        return WITHDRAWN, entry
    return None, None


def redirect_keeping_query(request, view_name, kwargs):
    query = f"?{request.GET.urlencode()}" if request.GET else ""
    return HttpResponsePermanentRedirect(reverse(view_name, kwargs=kwargs) + query)


def entry_named(model, slug):
    """The entry called ``slug`` now or, failing that, the one that had it while published."""
    return model._default_manager.filter(slug=slug).first() or entry_once_called(model, slug)


def entry_once_called(model, slug):
    """The entry that had ``slug`` while it was published, if any: an unpublished name is never followed."""
    record = model.history.filter(slug=slug, status=Status.PUBLISHED).order_by("-history_date").first()
    return model._default_manager.filter(pk=record.id).first() if record is not None else None


def withdrawal_of(entry_revisions):
    """The history record of the entry's latest withdrawal, should it have been withdrawn more than once."""
    withdrawal = None
    records = [revision.record for revision in entry_revisions]
    for previous, record in zip([None, *records], records):
        if record.status == Status.WITHDRAWN and (previous is None or previous.status != Status.WITHDRAWN):
            withdrawal = record
    return withdrawal


def withdrawn(request, entry):
    model = type(entry)
    entry_revisions = revisions_of(entry, row_sets_of(model))
    return render(
        request,
        "history/withdrawn.html",
        {
            "entry": entry,
            "kind": model._meta.verbose_name,
            "withdrawal": withdrawal_of(entry_revisions),
            "revisions": public_log(entry_revisions, model)[::-1],
        },
        status=410,
    )
