"""Claims as readers see them: figures in words, and the claims sections of event and actor pages.

Event and actor pages show claims only through these tags, so that the events app never imports sources.
Each tag makes a fixed number of queries, however many claims and citations there are.
"""

from dataclasses import dataclass

from django import template
from django.db.models import Case, F, IntegerField, Q, Value, When
from django.urls import reverse
from django.utils.dateformat import format as format_date
from django.utils.formats import number_format
from django.utils.html import format_html, format_html_join
from django.utils.http import urlencode
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, ngettext

from editorial.dates import day_month_year
from editorial.entry_urls import Addresses
from events.excerpts import excerpt
from sources import grades
from sources.models import Claim
from sources.public import (
    claims_previewed_with,
    in_reading_order,
    public_claims_of_few,
    with_details,
    with_revisions,
    with_same_allegations,
)

register = template.Library()

Qualifier = Claim.Qualifier

# A figure and its unit, agreeing in number: "1 fighter", "73 fighters".
UNIT_WORDS = {
    Claim.Unit.PEOPLE: lambda n: ngettext("%(number)s person", "%(number)s people", n),
    Claim.Unit.FIGHTERS: lambda n: ngettext("%(number)s fighter", "%(number)s fighters", n),
    Claim.Unit.CIVILIANS: lambda n: ngettext("%(number)s civilian", "%(number)s civilians", n),
    Claim.Unit.HOUSEHOLDS: lambda n: ngettext("%(number)s household", "%(number)s households", n),
    Claim.Unit.KILOMETRES: lambda n: ngettext("%(number)s kilometre", "%(number)s kilometres", n),
}

KIND_ORDER = {kind: position for position, kind in enumerate(Claim.Kind.values)}

# How many claims an event or actor page shows in each section; a link leads to the claims list for the rest.
CLAIMS_SHOWN = 30

KIND_HEADINGS = {
    Claim.Kind.KILLED: gettext_lazy("People killed"),
    Claim.Kind.WOUNDED: gettext_lazy("People wounded"),
    Claim.Kind.DISPLACED: gettext_lazy("People displaced"),
    Claim.Kind.STRENGTH: gettext_lazy("Strength"),
    Claim.Kind.DISTANCE: gettext_lazy("Distances"),
    Claim.Kind.OUTCOME: gettext_lazy("Outcome"),
    Claim.Kind.OCCURRED: gettext_lazy("Whether it happened"),
    Claim.Kind.PERPETRATOR: gettext_lazy("Who did it"),
    Claim.Kind.COMMANDER: gettext_lazy("Commanders"),
    Claim.Kind.OTHER: gettext_lazy("Other claims"),
}


# A magnitude in words with its unit: French says "plusieurs combattants" but "des dizaines de combattants".
MAGNITUDE_WORDS = {
    Claim.Magnitude.SEVERAL: gettext_lazy("several %(unit)s"),
    Claim.Magnitude.DOZENS: gettext_lazy("dozens of %(unit)s"),
    Claim.Magnitude.SCORES: gettext_lazy("scores of %(unit)s"),
    Claim.Magnitude.HUNDREDS: gettext_lazy("hundreds of %(unit)s"),
    Claim.Magnitude.THOUSANDS: gettext_lazy("thousands of %(unit)s"),
}


def describe_figure(qualifier, low, high, unit, magnitude=""):
    """A figure in words from its parts, in the reader's language: "more than 73 fighters", "about 1,000 fighters",
    "dozens of fighters (read as at least 24)", "unknown"; "" if not a figure."""
    if qualifier == Qualifier.UNKNOWN:
        return _("unknown")
    if qualifier == Qualifier.NOT_A_FIGURE:
        return ""
    if qualifier == Qualifier.VAGUE:
        words, bounds = magnitude_in_words(magnitude, unit), bounds_in_words(low, high)
        return _("%(words)s (read as %(bounds)s)") % {"words": words, "bounds": bounds}
    if qualifier == Qualifier.BETWEEN:
        text, last = _("between %(low)s and %(high)s"), high
    elif qualifier == Qualifier.AT_MOST:
        text, last = _("at most %(high)s"), high
    elif qualifier == Qualifier.FEWER_THAN:
        text, last = _("fewer than %(high)s"), high
    elif qualifier == Qualifier.AT_LEAST:
        text, last = _("at least %(low)s"), low
    elif qualifier == Qualifier.MORE_THAN:
        text, last = _("more than %(low)s"), low
    elif qualifier == Qualifier.ABOUT:
        text, last = _("about %(low)s"), low
    else:
        text, last = "%(low)s", low
    number = text % {"low": _grouped(low), "high": _grouped(high)}
    if not unit:
        return number
    in_words = UNIT_WORDS.get(unit)
    return in_words(last) % {"number": number} if in_words else f"{number} {unit}"


def magnitude_in_words(magnitude, unit):
    if magnitude not in MAGNITUDE_WORDS:
        return magnitude
    if not unit:
        return str(Claim.Magnitude(magnitude).label)
    unit_label = Claim.Unit(unit).label if unit in Claim.Unit.values else unit
    return MAGNITUDE_WORDS[magnitude] % {"unit": unit_label}


def _grouped(number):
    return number_format(number, force_grouping=True) if number is not None else ""


def bounds_in_words(low, high):
    if low is not None and high is not None:
        return _("between %(low)s and %(high)s") % {"low": _grouped(low), "high": _grouped(high)}
    if low is not None:
        return _("at least %(low)s") % {"low": _grouped(low)}
    return _("at most %(high)s") % {"high": _grouped(high)}


@register.filter
def figure(claim):
    return describe_figure(claim.qualifier, claim.value_low, claim.value_high, claim.unit, claim.magnitude)


def describe_date(day, precision):
    """ "5 December 2022", "December 2022", "2022" as precise as known, in the reader's language; "" when unknown."""
    if day is None:
        return ""
    if precision == Claim.DatePrecision.YEAR:
        return f"{day.year}"
    if precision == Claim.DatePrecision.MONTH:
        return format_date(day, "F Y")
    return day_month_year(day)


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
    if person is None:
        return _("stated by its source in its own voice")
    return _("per %(claimant)s") % {"claimant": person.label}


@register.filter
def public(entry):
    """The entry if the public may see it, else None: a staff preview of a draft never shows other drafts."""
    return entry if entry is not None and entry.is_published else None


@register.filter
def claimant(claim, addresses=None):
    """Who makes the claim, as a link; with none named, the sources that state it in their own voice, or "unattributed".

    A filter rather than an included template: it is on every row of the claims list, which passes the
    Addresses of its response.
    """
    addresses = addresses or Addresses()
    person = public(claim.claimant)
    if person is not None:
        return format_html('<a href="{}">{}</a>', addresses.of("actor-detail", person.slug), person.label)
    if claim.public_citations:
        sources = format_html_join(
            ", ",
            '<a href="{}">{}</a>',
            (
                (addresses.of("source-detail", c.source.slug), c.source.publisher or c.source.title)
                for c in claim.public_citations
            ),
        )
        own_voice = ngettext("%(sources)s, in its own voice", "%(sources)s, in their own voice", len(claim.public_citations))
        return format_html(own_voice.replace("%(sources)s", "{}"), sources)
    return _("unattributed")


@register.filter
def infobox_text(claim):
    """The claim's published wording followed by its claimant, as an infobox gives it: "100 (per ISGS)"."""
    claimant = public(claim.claimant)
    if claimant is None:
        return claim.wording
    attribution = _("(per %(claimant)s)") % {"claimant": claimant.label}
    # The wording is the record's, in English: it may name its claimant already, in English.
    if attribution in claim.wording or f"(per {claimant.label})" in claim.wording:
        return claim.wording
    return f"{claim.wording} {attribution}"


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
    about = public_claims_of_few().filter(event=event) if event.is_published else claims_previewed_with(event)
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

    made = shown(public_claims_of_few().filter(claimant=actor))
    about = shown(public_claims_of_few().filter(Q(actor=actor) | Q(party=actor)))
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
