"""Atom feeds of an entry's corrections log: every published version, newest first, with what changed and why."""

from django.contrib.syndication.views import Feed
from django.shortcuts import get_object_or_404
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed

from . import revisions
from .views import public_log, row_sets_of


def public_log_of(entry):
    """The entry's published versions, newest first."""
    model = type(entry)
    return public_log(revisions.revisions_of(entry, row_sets_of(model)), model)[::-1]


def revision_address(entry, revision):
    return reverse(f"{entry._meta.model_name}-revision", args=[entry.slug, revision.number])


def revision_summary(entry, revision):
    """What a feed reader shows of one published version: why, and what changed."""
    return render_to_string("history/_revision_summary.html", {"entry": entry, "revision": revision})


class EntryHistoryFeed(Feed):
    feed_type = Atom1Feed

    def get_object(self, request, slug, model, public_entries=None):
        entries = public_entries() if public_entries else model.objects.published()
        return get_object_or_404(entries, slug=slug)

    def title(self, entry):
        return f"Corrections log: {entry} — The Ménaka record"

    def subtitle(self, entry):
        return f"Every published version of the {entry._meta.verbose_name} “{entry}”, with what changed and why."

    def link(self, entry):
        return reverse(f"{entry._meta.model_name}-history", args=[entry.slug])

    def items(self, entry):
        return [(entry, revision) for revision in public_log_of(entry)]

    def item_title(self, item):
        entry, revision = item
        return f"{revision.kind}: {entry}"

    def item_description(self, item):
        return revision_summary(*item)

    def item_link(self, item):
        return revision_address(*item)

    def item_pubdate(self, item):
        return item[1].date

    def item_updateddate(self, item):
        return item[1].date
