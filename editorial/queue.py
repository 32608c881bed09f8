"""The admin's home page: what waits for a reviewer across every kind of entry, and what changed lately."""

import dataclasses
import datetime
import heapq

from django.db.models import Count
from django.urls import reverse
from django.utils.translation import gettext as _

from . import roles
from .curation import CuratedModel, Status
from .models import PendingChange

RECENT_CHANGES = 15


@dataclasses.dataclass
class QueueItem:
    entry: CuratedModel
    kind: str  # the entry type, as editors say it
    waiting: str  # "In review" or "Pending change"
    submitted_by: object
    submitted_at: datetime.datetime
    reason: str
    diff_url: str
    change_url: str
    publish_url: str = ""  # for entries in review: the reviewer publishes from the queue
    related: list = dataclasses.field(default_factory=list)  # entries in review that go with it


@dataclasses.dataclass
class RecentChange:
    record: object
    kind: str
    history_url: str

    @property
    def entry(self):
        return self.record.instance


def curated_admins(site):
    """(model, model admin) for every curated kind of entry, in the order the admin lists them."""
    admins = [(model, model_admin) for model, model_admin in site._registry.items() if issubclass(model, CuratedModel)]
    return sorted(admins, key=lambda pair: (pair[0]._meta.app_label, pair[0]._meta.verbose_name_plural))


def url_of(entry, view):
    opts = entry._meta
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=[entry.pk])


def submissions(model, entries):
    """For each entry now in review, the historical record that put it there."""
    submitted = {}
    records = model.history.filter(id__in=[entry.pk for entry in entries]).select_related("history_user")
    for record in records.order_by("id", "history_date", "history_id"):
        if record.status != Status.REVIEW:
            submitted.pop(record.id, None)
        else:
            submitted.setdefault(record.id, record)
    return submitted


def in_review(model, model_admin, user):
    entries = list(model._default_manager.filter(status=Status.REVIEW).order_by("pk"))
    submitted = submissions(model, entries)
    items = []
    for entry in entries:
        record = submitted.get(entry.pk)
        related = [other for other in model_admin.related_entries(entry) if other.status == Status.REVIEW]
        items.append(
            QueueItem(
                entry=entry,
                kind=model._meta.verbose_name,
                waiting=_("In review"),
                submitted_by=record.history_user if record else None,
                submitted_at=record.history_date if record else None,
                reason=record.history_change_reason if record else "",
                diff_url=url_of(entry, "history"),
                change_url=url_of(entry, "change"),
                publish_url=url_of(entry, "publish") if roles.can_publish(user, model) else "",
                related=[(other, url_of(other, "change")) for other in related],
            )
        )
    return items


def pending_changes(site):
    items = []
    proposals = PendingChange.objects.pending().select_related("author", "content_type").prefetch_related("entry")
    for proposal in proposals:
        entry = proposal.entry
        if entry is None or type(entry) not in site._registry:
            continue
        items.append(
            QueueItem(
                entry=entry,
                kind=entry._meta.verbose_name,
                waiting=_("Pending change") if proposal.kind == PendingChange.Kind.EDIT else _("Pending restore"),
                submitted_by=proposal.author,
                submitted_at=proposal.created,
                reason=proposal.reason,
                diff_url=site._registry[type(entry)].proposal_url(proposal),
                change_url=url_of(entry, "change"),
            )
        )
    return items


def review_queue(site, user):
    """Everything waiting for a reviewer, oldest first."""
    items = [item for model, model_admin in curated_admins(site) for item in in_review(model, model_admin, user)]
    items += pending_changes(site)
    oldest = datetime.datetime.min.replace(tzinfo=datetime.timezone.utc)
    return sorted(items, key=lambda item: item.submitted_at or oldest)


def status_counts(site):
    """One row per kind of entry: how many in each status, and how many pending changes."""
    pending = dict(
        PendingChange.objects.pending().values_list("content_type__model").annotate(n=Count("pk")).values_list(
            "content_type__model", "n"
        )
    )
    rows = []
    for model, _model_admin in curated_admins(site):
        counts = dict(model._default_manager.order_by().values_list("status").annotate(n=Count("pk")))
        rows.append(
            {
                "kind": model._meta.verbose_name_plural,
                "changelist_url": reverse(f"admin:{model._meta.app_label}_{model._meta.model_name}_changelist"),
                "counts": [(status, counts.get(status.value, 0)) for status in Status],
                "pending": pending.get(model._meta.model_name, 0),
            }
        )
    return rows


def own_drafts(site, user):
    """The drafts this user has worked on, and their changes still waiting or lately rejected."""
    drafts = []
    for model, _model_admin in curated_admins(site):
        worked_on = model.history.filter(history_user=user).values("id")
        for entry in model._default_manager.filter(status=Status.DRAFT, pk__in=worked_on).order_by("pk"):
            drafts.append((entry, model._meta.verbose_name, url_of(entry, "change")))
    return drafts


def own_proposals(site, user):
    proposals = (
        PendingChange.objects.filter(author=user)
        .exclude(state=PendingChange.State.APPROVED)
        .select_related("content_type")
        .prefetch_related("entry")
        .order_by("-created")[:RECENT_CHANGES]
    )
    return [
        (proposal, site._registry[type(proposal.entry)].proposal_url(proposal))
        for proposal in proposals
        if proposal.entry is not None and type(proposal.entry) in site._registry
    ]


def recent_changes(site):
    """The latest revisions of any entry, newest first, with who and why."""
    latest = []
    for model, _model_admin in curated_admins(site):
        for record in model.history.select_related("history_user").order_by("-history_date", "-history_id")[:RECENT_CHANGES]:
            opts = model._meta
            history_url = reverse(f"admin:{opts.app_label}_{opts.model_name}_history", args=[record.id])
            latest.append(RecentChange(record, opts.verbose_name, history_url))
    return heapq.nlargest(RECENT_CHANGES, latest, key=lambda change: change.record.history_date)
