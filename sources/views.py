"""Public pages: what was said about it, and the overview that rebuilds the article from the record."""

import datetime
from dataclasses import dataclass

from django.conf import settings
from django.db.models import Count, F, Value
from django.db.models.functions import Coalesce
from django.http import Http404
from django.shortcuts import get_object_or_404, render
from django.utils.functional import cached_property
from django.utils.translation import get_language_info, gettext_lazy
from django.views.generic import ListView
from django_filters.views import FilterView

from editorial.counts import CountedByAddress, counts_of, rows_between
from editorial.curation import Status
from editorial.page_cache import once_per_version
from events.excerpts import excerpt
from events.models import Actor, Event, Participation, Place
from events.views import (
    by_date,
    filtered_list,
    published_ancestors,
    published_or_staff_preview,
    published_participations,
    published_places,
)

from .filters import CLAIM_ORDERINGS, ClaimListFilter
from .listed_claims import listed_claims
from .models import Citation, Claim, Source
from .public import (
    in_reading_order,
    is_public,
    latest_first,
    public_claims_of_few,
    standing_allegations,
    with_details,
    with_revisions,
    with_same_allegations,
)

# How many events of each chronology a dossier shows, other dossiers the front page lists, and citations a source page shows.
CHRONOLOGY_SHOWN = 50
DOSSIERS_LISTED = 20
CITATIONS_SHOWN = 100

# Dossiers: an event that contains others, read as an article rebuilt from the record.
# The front page shows the event the editors feature (Event.featured), and lists the other dossiers.


@dataclass
class InfoboxRow:
    heading: str
    by_side: list
    others_heading: str
    others: list


INFOBOX_ROWS = [
    (Claim.Kind.COMMANDER, gettext_lazy("Commanders and leaders"), gettext_lazy("Other commanders")),
    (Claim.Kind.STRENGTH, gettext_lazy("Strength"), gettext_lazy("Other strength")),
    (Claim.Kind.KILLED, gettext_lazy("Casualties and losses"), gettext_lazy("Other casualties")),
]
INFOBOX_KINDS = [Claim.Kind.OUTCOME] + [kind for kind, _, _ in INFOBOX_ROWS]


def overview(request):
    published = with_dossier_details(Event.objects.published())
    featured = (
        published.filter(featured=True).first()
        or published.filter(featured=False, slug=settings.FRONT_PAGE_FALLBACK_EVENT).first()
    )
    others = dossiers().exclude(pk=featured.pk) if featured else dossiers()
    context = dossier_context(featured) if featured else {"event": None}
    return render(request, "overview.html", {**context, "other_dossiers": excerpt(by_date(others), DOSSIERS_LISTED)})


def dossier(request, slug):
    event = with_dossier_details(dossiers().filter(slug=slug)).first()
    if event is None:
        raise Http404("No published event that contains others has this slug.")
    return render(request, "overview.html", dossier_context(event))


def dossiers():
    """The published events that contain published events: each can be read as an article."""
    return Event.objects.published().containing_events()


def with_dossier_details(events):
    return events.select_related("parent__parent__parent").prefetch_related(
        published_places(ancestors=3), published_participations()
    )


def dossier_context(event):
    claims = with_details(public_claims_of_few().filter(event=event, kind__in=INFOBOX_KINDS).order_by("pk"))
    claims = one_per_allegation(list(claims))
    sides = [
        [p.actor for p in event.published_participations if p.role == role]
        for role in (Participation.Role.SIDE_A, Participation.Role.SIDE_B)
    ]
    sides = [actors for actors in sides if actors]
    return {
        "event": event,
        **dict(zip(("places", "wider_places"), places_in_reading_order(event.published_event_places))),
        "part_of": published_ancestors(event)[::-1],
        "results": [claim for claim in claims if claim.kind == Claim.Kind.OUTCOME],
        "sides": sides,
        "infobox_rows": infobox_rows(sides, claims),
        # A battle's parts are its fighting; a war's or a campaign's, the events it is made of.
        "chronology_heading": gettext_lazy("Battle") if event.event_type == Event.Type.BATTLES else gettext_lazy("Chronology"),
        "battle": excerpt(by_date(Event.objects.published().filter(parent=event)), CHRONOLOGY_SHOWN),
        "battle_url": filtered_list("event-list", part_of=event.slug),
        **prelude(event),
        "infobox_sources": list({c.source.pk: c.source for claim in claims for c in claim.public_citations}.values()),
        "entered": event.history.order_by("history_date", "history_id").values_list("history_date", flat=True).first(),
        "last_changed": record_last_changed(),
    }


def one_per_allegation(claims):
    """One entry per allegation, as it now stands: a claim that restates another one shown here is left out, and so
    is one that a claim shown here supersedes; the later claim keeps the earlier as ``shown_revises``."""
    shown = {claim.pk: claim for claim in claims}
    for claim in claims:
        claim.shown_revises = shown.get(claim.supersedes_id)
    standing = standing_allegations([(claim.pk, claim.restates_id, claim.supersedes_id) for claim in claims])
    return [claim for claim in claims if claim.pk in standing]


def infobox_rows(sides, claims):
    rows = []
    for kind, heading, others_heading in INFOBOX_ROWS:
        of_kind = [claim for claim in claims if claim.kind == kind]
        if not of_kind:
            continue
        by_side = [[claim for claim in of_kind if claim.party in actors] for actors in sides]
        placed = {claim.pk for cell in by_side for claim in cell}
        rows.append(InfoboxRow(heading, by_side, others_heading, [c for c in of_kind if c.pk not in placed]))
    return rows


def places_in_reading_order(event_places):
    """The event's places as an infobox reads them: (the places it happened at, the areas that contain them).

    The first in the order the sources list them, then the others by name: "Tadjalalt, Haroum, N'Tillit";
    the second widest last: "Gao Region, Mali". The event's places_note goes between the two.
    """
    ancestors = {ep.place: loaded_ancestors(ep.place) for ep in event_places}
    containers = {ancestor for chain in ancestors.values() for ancestor in chain}
    listed = [ep for ep in event_places if ep.place not in containers]  # published_places' order
    wider = sorted((ep.place for ep in event_places if ep.place in containers), key=lambda place: -len(ancestors[place]))
    return [ep.place for ep in listed], wider


def loaded_ancestors(place):
    """The place's published ancestors as far as they were loaded with it: no query per level."""
    parent_field = Place._meta.get_field("parent")
    ancestors = []
    while parent_field.is_cached(place) and place.parent is not None and place.parent.is_published:
        place = place.parent
        ancestors.append(place)
    return ancestors


def prelude(event):
    """What led up to the event: the published events of the conflict it is part of, before it began."""
    if event.parent is None or not event.parent.is_published or event.start_date is None:
        return {"prelude": None}
    # "Began before" through an expression no index holds (the same rows: a null start is never earlier), so
    # that SQLite finds them by the parent's index, not by walking the timeline's index of every start before.
    began = Coalesce("start_date", Value(datetime.date.max))
    earlier = Event.objects.published().filter(parent=event.parent).alias(began=began).filter(began__lt=event.start_date)
    return {
        "prelude": excerpt(by_date(earlier), CHRONOLOGY_SHOWN),
        "prelude_url": filtered_list(
            "event-list", part_of=event.parent.slug, end=(event.start_date - datetime.timedelta(days=1)).isoformat()
        ),
    }


def record_last_changed():
    """When the public record last changed: the latest revision that published, corrected or withdrew an entry.

    Each history table is read backwards along its date index until such a revision, which stays
    cheap however large the record is (asking which entries are public now took most of the
    overview's time at 100,000 events).
    """
    latest = [
        model.history.filter(status__in=(Status.PUBLISHED, Status.WITHDRAWN))
        .order_by("-history_date")
        .values_list("history_date", flat=True)
        .first()
        for model in (Event, Actor, Place, Source, Claim)
    ]
    return max((date for date in latest if date is not None), default=None)


# Sources


class SourceListView(CountedByAddress, ListView):
    paginate_by = 50
    template_name = "sources/source_list.html"

    def get_queryset(self):
        return Source.objects.published().order_by("title", "pk")

    def paginate_queryset(self, queryset, page_size):
        # The claims of the page's sources only, in one query, once per version of the record: annotated
        # on the queryset, every source's claims were counted before the sort and the slice (40 ms at
        # 1,000 sources), and even the page's alone grow with the record.
        paginator, page, sources, is_paginated = super().paginate_queryset(queryset, page_size)
        sources = list(sources)
        ids = [source.pk for source in sources]
        counts = once_per_version(f"claims of the sources {ids}", lambda: public_claims_cited_by(ids))
        for source in sources:
            source.claim_count = counts.get(source.pk, 0)
        page.object_list = sources
        return paginator, page, sources, is_paginated


def public_claims_cited_by(source_ids):
    """{source id: how many public claims it carries}, for the sources that carry any."""
    return dict(
        Citation.objects.filter(is_public("claim__"), source__in=source_ids)
        .order_by()
        .values("source")
        .annotate(claims=Count("claim", distinct=True))
        .values_list("source", "claims")
    )


def source_detail(request, slug):
    source = published_or_staff_preview(request, Source.objects.all(), slug)
    citations = (
        Citation.objects.filter(is_public("claim__"), source=source)
        .select_related("claim__event", "claim__party", "claim__claimant")
        .order_by(
            F("claim__event__start_date").asc(nulls_last=True), "claim__event__title", "claim__kind", "claim__slug"
        )
    )
    return render(
        request,
        "sources/source_detail.html",
        {
            "source": source,
            "language": language_name(source.language),
            "citations": excerpt(citations, CITATIONS_SHOWN),
            "claims_url": filtered_list("claim-list", source=source.slug),
        },
    )


def language_name(code):
    """ "English (en)" for a known tag, in the reader's language ("anglais (en)"); the tag itself otherwise."""
    try:
        info = get_language_info(code.lower()) if code else None
    except KeyError:
        info = None
    return f"{info['name_translated']} ({code})" if info else code


# Claims


class ClaimListView(CountedByAddress, FilterView):
    filterset_class = ClaimListFilter
    paginate_by = 50
    template_name = "sources/claim_list.html"
    # Built once; each request reads a copy (ListView calls .all()), as building it again cost more than the copy.
    queryset = in_reading_order(public_claims_of_few())

    def chosen_order(self):
        """The column the reader sorted by ("-" first when reversed), or "" for the reading order."""
        order = getattr(self.filterset.form, "cleaned_data", {}).get("order") or []
        return next(filter(None, order), "")

    def get_context_data(self, **kwargs):
        return {**super().get_context_data(**kwargs), "sort": sort_headings(self.chosen_order())}

    def paginate_queryset(self, queryset, page_size):
        # A page's keys first, then one query for its rows' details (listed_claims).
        ids = read_in_parts(queryset.values_list("pk", flat=True), self.chosen_order(), self.count_name())
        paginator, page, ids, is_paginated = super().paginate_queryset(ids, page_size)
        page.object_list = listed_claims(ids)
        return paginator, page, page.object_list, is_paginated


def read_in_parts(claims, order, count_name):
    """The claims in ``order`` ("" for the reading order, else a name of CLAIM_ORDERINGS, "-" first for the
    reverse) as ChainedLists of parts, each read in an order an index gives, so that a page reads only its rows
    instead of every matching claim sorted (85 to 95 ms at 100,000 events on SQLite); for an order read as one
    sorted query, the claims as they are.

    The reading order: the claims about an event in the order of the events' index (counted as the claims about
    an event, read through the published events' index), then the others. Sorted by event: the claims about
    dated events from the published events' index by start, then those about undated events, then those about
    none, as ClaimOrdering sorts them. An index on the claims' own kind or assessment would do the same for
    those orders, but SQLite, with no statistics, then reads the list filtered by kind from it and sorts every
    claim of that kind.
    """
    if not order:
        about_events = (claims.filter(event__isnull=False), claims.filter(event__status=Status.PUBLISHED))
        about_no_event = (claims.filter(event__isnull=True),) * 2
        return ChainedLists(about_events, about_no_event, count_name=count_name)
    if order.lstrip("-") != "event":
        return claims
    start, title = F("event__start_date"), F("event__title")
    start, title = (start.desc(), title.desc()) if order.startswith("-") else (start.asc(), title.asc())
    about = claims.filter(event__status=Status.PUBLISHED)
    parts = [
        about.filter(event__start_date__isnull=False).order_by(start, title, "slug"),
        about.filter(event__start_date__isnull=True).order_by(title, "slug"),
        claims.filter(event__isnull=True).order_by("slug"),
    ]
    return ChainedLists(*((part, part) for part in parts), count_name=count_name)


@dataclass
class SortHeading:
    next_order: str  # what the column heading's link sorts by: this column, or it reversed when it is the order now
    aria_sort: str


def sort_headings(order):
    """Each sortable column of the claims list, by its name in CLAIM_ORDERINGS."""
    headings = {}
    for name in CLAIM_ORDERINGS:
        if order == name:
            headings[name] = SortHeading(f"-{name}", "ascending")
        elif order == f"-{name}":
            headings[name] = SortHeading(name, "descending")
        else:
            headings[name] = SortHeading(name, "")
    return headings


class ChainedLists:
    """Querysets read one after the other as one list, with what a paginator asks of it: a count and slices.

    Each part is a pair of querysets of the same rows: one to count them, one to read them in order. The
    counts are kept under count_name (see editorial.counts.counts_of). A slice past the middle of a part is
    read from that part's end (editorial.counts.rows_between), as a RecordPaginator reads a queryset.
    """

    ordered = True

    def __init__(self, *parts, count_name):
        self.querysets = [rows for _, rows in parts]
        self.to_count = [counted for counted, _ in parts]
        self.count_name = count_name

    @cached_property
    def counts(self):
        return counts_of(self.to_count, self.count_name)

    def count(self):
        return sum(self.counts)

    def __len__(self):
        return self.count()

    def __getitem__(self, index):
        start, stop = index.start or 0, index.stop
        rows = []
        for queryset, count in zip(self.querysets, self.counts):
            if start < count and stop > 0:
                rows.extend(rows_between(queryset, count, max(start, 0), min(stop, count)))
            start, stop = start - count, stop - count
        return rows


def claim_detail(request, slug):
    claims = Claim.objects.all() if request.user.is_staff else public_claims_of_few()
    claim = get_object_or_404(with_revisions(with_same_allegations(with_details(claims))), slug=slug)
    others = same_quantity(claim)
    return render(
        request,
        "sources/claim_detail.html",
        {
            "claim": claim,
            "same_allegation": ([claim.public_restates] if claim.public_restates else []) + claim.public_restatements,
            "same_quantity": others,
            "compared": latest_first([claim, *others]) if others else [],
        },
    )


def same_quantity(claim):
    """The other public claims about the same quantity: the same event, kind and party."""
    if claim.event_id is None:
        return []
    others = public_claims_of_few().filter(event=claim.event_id, kind=claim.kind, party=claim.party_id).exclude(pk=claim.pk)
    return list(with_revisions(with_details(others.order_by("claimant__name", "slug"))))
