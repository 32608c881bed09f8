"""/changes/ and /changes.atom: the record's published versions across every kind of entry, newest first.

Each item is one published version of a public entry, read from that entry's corrections log
(editorial.views.public_log), so it says exactly what the entry's own log says: what changed
from the version before, and the editors' reason. Pages go back in time by a cursor (the
last item's date, kind and revision), which stays right however many revisions share a moment.
"""

import dataclasses
import datetime

from django import forms
from django.contrib.syndication.views import Feed
from django.db.models import Exists, OuterRef, Q
from django.shortcuts import render
from django.urls import reverse
from django.utils.feedgenerator import Atom1Feed
from django.utils.translation import gettext_lazy as _

from editorial.curation import Status
from editorial.feeds import public_log_of, revision_address, revision_summary
from events.models import Actor, Event, Place
from sources.models import Source
from sources.public import public_claims_of_few

PER_PAGE = 25
# Newest first; at the same moment, in this order of kinds, then newest revision first.
# Each entry is checked on its own row (public_claims_of_few), as a page reads only its newest few records.
KINDS = {
    "claim": public_claims_of_few,
    "event": Event.objects.published,
    "place": Place.objects.published,
    "actor": Actor.objects.published,
    "source": Source.objects.published,
}


@dataclasses.dataclass(frozen=True)
class Cursor:
    date: datetime.datetime
    kind: str
    number: int

    def __str__(self):
        return f"{self.date.isoformat()}~{self.kind}~{self.number}"

    @classmethod
    def parse(cls, text):
        try:
            date, kind, number = text.split("~")
            cursor = cls(datetime.datetime.fromisoformat(date), kind, int(number))
        except ValueError as error:
            raise forms.ValidationError(_("This is not an address of a page of changes.")) from error
        if cursor.kind not in KINDS or cursor.date.tzinfo is None:
            raise forms.ValidationError(_("This is not an address of a page of changes."))
        return cursor


class ChangesForm(forms.Form):
    before = forms.CharField(required=False, max_length=100, label=_("Changes before"))

    def clean_before(self):
        text = self.cleaned_data["before"]
        return Cursor.parse(text) if text else None


@dataclasses.dataclass
class Change:
    entry: object
    revision: object

    @property
    def kind(self):
        return self.entry._meta.verbose_name

    @property
    def address(self):
        return revision_address(self.entry, self.revision)

    @property
    def history_address(self):
        return reverse(f"{self.entry._meta.model_name}-history", args=[self.entry.slug])


def published_records(kind, public_rows, before, limit):
    """The newest published historical records of public entries of ``kind``, older than the cursor."""
    model = public_rows().model
    # Down the history_date index, newest first, each record's entry checked as it comes, so that a page stops
    # after its few records: "the entry is among all public entries" listed and sorted the kind's whole history
    # (280 ms a page at 100,000 events on SQLite).
    records = model.history.filter(status=Status.PUBLISHED).filter(Exists(public_rows().filter(pk=OuterRef("id"))))
    if before is not None:
        order = list(KINDS)
        if order.index(kind) < order.index(before.kind):
            records = records.filter(history_date__lt=before.date)
        elif kind == before.kind:
            records = records.filter(Q(history_date__lt=before.date) | Q(history_date=before.date, history_id__lt=before.number))
        else:
            records = records.filter(history_date__lte=before.date)
    return [
        (record["history_date"], kind, record["history_id"], model, record["id"])
        for record in records.order_by("-history_date", "-history_id").values("history_date", "history_id", "id")[:limit]
    ]


def recent_changes(before=None, limit=PER_PAGE):
    """(changes, cursor of the next page or None): published versions of public entries, newest first."""
    order = list(KINDS)
    candidates = [record for kind, rows in KINDS.items() for record in published_records(kind, rows, before, limit + 1)]
    candidates.sort(key=lambda record: (record[0], -order.index(record[1]), record[2]), reverse=True)
    page, more = candidates[:limit], len(candidates) > limit
    entries = {}
    for _date, _kind, _number, model, pk in page:
        entries.setdefault((model, pk), None)
    for model in {model for model, _ in entries}:
        for entry in model._default_manager.filter(pk__in=[pk for m, pk in entries if m is model]):
            entries[(model, entry.pk)] = entry
    logs, changes = {}, []
    for _date, _kind, number, model, pk in page:
        entry = entries[(model, pk)]
        if entry not in logs:
            logs[entry] = {revision.number: revision for revision in public_log_of(entry)}
        changes.append(Change(entry, logs[entry][number]))
    last = page[-1] if page and more else None
    return changes, (Cursor(last[0], last[1], last[2]) if last else None)


def changes(request):
    form = ChangesForm(request.GET)
    items, next_page = [], None
    if form.is_valid():
        items, next_page = recent_changes(form.cleaned_data["before"])
    return render(request, "changes.html", {"form": form, "changes": items, "next_page": next_page})


class ChangesFeed(Feed):
    feed_type = Atom1Feed
    title = "Changes to the Ménaka record"
    subtitle = "Every published version of an event, actor, place, source or claim, newest first, with what changed and why."

    def link(self):
        return reverse("changes")

    def items(self):
        return recent_changes(limit=50)[0]

    def item_title(self, change):
        return f"{change.revision.kind}: {change.entry} ({change.kind})"

    def item_description(self, change):
        return revision_summary(change.entry, change.revision)

    def item_link(self, change):
        return change.address

    def item_pubdate(self, change):
        return change.revision.date

    def item_updateddate(self, change):
        return change.revision.date
