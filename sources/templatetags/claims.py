"""Claims as readers see them: figures in words, and the claims sections of event and actor pages.

Event and actor pages show claims only through these tags, so that the events app never imports sources.
Each tag makes a fixed number of queries, however many claims and citations there are.
"""

from dataclasses import dataclass

from django import template
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.urls import reverse
from django.utils.dateformat import format as format_date
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode

from events.excerpts import excerpt
from sources import grades
from sources.models import Claim
from sources.public import (
    claims_previewed_with,
    in_reading_order,
    public_claims,
    with_details,
    with_revisions,
    with_same_allegations,
)

register = template.Library()

Qualifier = Claim.Qualifier

SINGULAR_UNITS = {
    Claim.Unit.PEOPLE: "person",
    Claim.Unit.FIGHTERS: "fighter",
    Claim.Unit.CIVILIANS: "civilian",
    Claim.Unit.HOUSEHOLDS: "household",
    Claim.Unit.KILOMETRES: "kilometre",
}

KIND_ORDER = {kind: position for position, kind in enumerate(Claim.Kind.values)}

# How many claims an event or actor page shows in each section; a link leads to the claims list for the rest.
CLAIMS_SHOWN = 30

KIND_HEADINGS = {
    Claim.Kind.KILLED: "People killed",
    Claim.Kind.WOUNDED: "People wounded",
    Claim.Kind.DISPLACED: "People displaced",
    Claim.Kind.STRENGTH: "Strength",
    Claim.Kind.DISTANCE: "Distances",
    Claim.Kind.OUTCOME: "Outcome",
    Claim.Kind.OCCURRED: "Whether it happened",
    Claim.Kind.PERPETRATOR: "Who did it",
    Claim.Kind.COMMANDER: "Commanders",
    Claim.Kind.OTHER: "Other claims",
}


def describe_figure(qualifier, low, high, unit, magnitude=""):
    """A figure in words from its parts: "more than 73 fighters", "about 700 fighters", "dozens of fighters (read as
    at least 24)", "unknown"; "" if not a figure."""
    if qualifier == Qualifier.UNKNOWN:
        return "unknown"
    if qualifier == Qualifier.NOT_A_FIGURE:
        return ""
    if qualifier == Qualifier.VAGUE:
        words = f"{magnitude} of {unit}" if unit else magnitude
        return f"{words} (read as {bounds_in_words(low, high)})"
    if qualifier == Qualifier.BETWEEN:
        number, last = f"between {low:,} and {high:,}", high
    elif qualifier == Qualifier.AT_MOST:
        number, last = f"at most {high:,}", high
    elif qualifier == Qualifier.FEWER_THAN:
        number, last = f"fewer than {high:,}", high
    elif qualifier == Qualifier.AT_LEAST:
        number, last = f"at least {low:,}", low
    elif qualifier == Qualifier.MORE_THAN:
        number, last = f"more than {low:,}", low
    elif qualifier == Qualifier.ABOUT:
        number, last = f"about {low:,}", low
    else:
        number, last = f"{low:,}", low
    if not unit:
        return number
    return f"{number} {SINGULAR_UNITS.get(unit, unit) if last == 1 else unit}"


def bounds_in_words(low, high):
    if low is not None and high is not None:
        return f"between {low:,} and {high:,}"
    return f"at least {low:,}" if low is not None else f"at most {high:,}"


@register.filter
def figure(claim):
    return describe_figure(claim.qualifier, claim.value_low, claim.value_high, claim.unit, claim.magnitude)


def describe_date(day, precision):
    """ "5 December 2022", "December 2022", "2022" as precise as known; "" when unknown."""
    if day is None:
        return ""
    if precision == Claim.DatePrecision.YEAR:
        return f"{day.year}"
    if precision == Claim.DatePrecision.MONTH:
        return format_date(day, "F Y")
    return format_date(day, "j F Y")


@register.filter
def stated_on(claim):
    return describe_date(claim.stated_on, claim.stated_on_precision)


@register.filter
def as_of(claim):
    return describe_date(claim.as_of, claim.as_of_precision)


@register.filter
def attribution(claim):
    """Who says it, in plain words beside a statement shown without its card: "per JNIM", or that the source
    states it in its own voice. Names only a published claimant."""
    person = public(claim.claimant)
    return f"per {person.label}" if person is not None else "stated by its source in its own voice"


@register.filter
def public(entry):
    """The entry if the public may see it, else None: a staff preview of a draft never shows other drafts."""
    return entry if entry is not None and entry.is_published else None


@register.filter
def claimant(claim):
    """Who makes the claim, as a link; with none named, the sources that state it in their own voice, or "unattributed".

    A filter rather than an included template: it is on every row of the claims list.
    """
    person = public(claim.claimant)
    if person is not None:
        return format_html('<a href="{}">{}</a>', person.get_absolute_url(), person.label)
    if claim.public_citations:
        sources = format_html_join(
            ", ",
            '<a href="{}">{}</a>',
            ((c.source.get_absolute_url(), c.source.publisher or c.source.title) for c in claim.public_citations),
        )
        own = "its" if len(claim.public_citations) == 1 else "their"
        return format_html("{}, in {} own voice", sources, own)
    return "unattributed"


@register.filter
def infobox_text(claim):
    """The claim's published wording followed by its claimant, as an infobox gives it: "100 (per ISGS)"."""
    claimant = public(claim.claimant)
    if claimant is None:
        return claim.wording
    attribution = f"(per {claimant.label})"
    return claim.wording if attribution in claim.wording else f"{claim.wording} {attribution}"


@dataclass
class Note:
    number: int
    citation: object


class Notes:
    """Footnote numbers for citations, in the order they are first shown."""

    def __init__(self):
        self._by_citation = {}

    def numbered(self, citations):
        for citation in citations:
            if citation.pk not in self._by_citation:
                self._by_citation[citation.pk] = Note(len(self._by_citation) + 1, citation)
        return [self._by_citation[citation.pk] for citation in citations]

    @property
    def all(self):
        return list(self._by_citation.values())


@dataclass
class ShownClaim:
    claim: Claim
    notes: list
    same_allegation: list


@dataclass
class PartyGroup:
    party: object
    claims: list

    @property
    def compared(self):
        return len(self.claims) > 1


@dataclass
class KindGroup:
    kind: str
    heading: str
    parties: list


def shown_with_notes(claims, notes):
    """Each claim with its footnote numbers, and with the claims that make the same allegation in other words."""
    return [
        ShownClaim(
            claim,
            notes.numbered(claim.public_citations),
            ([claim.public_restates] if claim.public_restates else []) + claim.public_restatements,
        )
        for claim in claims
    ]


def by_subject(claims):
    """Kind in the order of Claim.Kind, then party (none last), then claimant: claims about one quantity together."""
    kind_order = Case(
        *(When(kind=kind, then=Value(position)) for kind, position in KIND_ORDER.items()),
        default=Value(len(KIND_ORDER)),
        output_field=IntegerField(),
    )
    return claims.order_by(
        kind_order,
        F("party__name").asc(nulls_last=True),
        F("claimant__name").asc(nulls_first=True),
        "slug",
    )


def claims_list(**filters):
    return f"{reverse('claim-list')}?{urlencode(filters)}"


def grouped_by_subject(shown_claims):
    """Kind, then party: every claim about one quantity lands in one group, side by side, never added up; in each,
    the claims that stand first and the superseded ones after them."""
    kinds = {}
    for item in sorted(shown_claims, key=lambda item: bool(item.claim.public_superseded_by)):
        parties = kinds.setdefault(item.claim.kind, {})
        parties.setdefault(item.claim.party_id, PartyGroup(item.claim.party, [])).claims.append(item)
    return [KindGroup(kind, KIND_HEADINGS.get(kind, kind), list(parties.values())) for kind, parties in kinds.items()]


@register.inclusion_tag("sources/_claim_groups.html")
def claims_about_event(event):
    about = public_claims().filter(event=event) if event.is_published else claims_previewed_with(event)
    claims = excerpt(by_subject(with_revisions(with_same_allegations(with_details(about)))), CLAIMS_SHOWN)
    notes = Notes()
    shown = shown_with_notes(claims.items, notes)
    return {
        "kinds": grouped_by_subject(shown),
        "notes": notes.all,
        "prefix": f"claims-{event.slug}",
        "claims": claims,
        "claims_url": claims_list(event=event.slug),
    }


@register.inclusion_tag("sources/_actor_claims.html")
def claims_about_actor(actor):
    def shown(claims):
        return excerpt(with_revisions(with_same_allegations(with_details(in_reading_order(claims)))), CLAIMS_SHOWN)

    made = shown(public_claims().filter(claimant=actor))
    about = shown(public_claims().filter(Q(actor=actor) | Q(party=actor)))
    notes = Notes()
    return {
        "actor": actor,
        "made": made,
        "made_shown": shown_with_notes(made.items, notes),
        "made_url": claims_list(claimant=actor.slug),
        "about": about,
        "about_shown": shown_with_notes(about.items, notes),
        "about_url": claims_list(about=actor.slug),
        "notes": notes.all,
        "prefix": f"claims-{actor.slug}",
    }


@register.simple_tag
def event_grades(event):
    """The event's two grades, "it happened" and "who did it" (see sources/grades.py)."""
    return grades.event_grades(event)
