"""The rules that turn an event's claims of deaths into the single numbers ACLED and UCDP GED want.

A claim is *partisan* when its claimant is a party to the fighting in that event: an actor on
side A, side B or the perpetrator's side, or an actor tied to one of them (commands, is part
of, is affiliated or allied with). A claim is *independent* otherwise, including a claim a
source makes in its own voice. Discounted claims fill no number. A figure's lowest value is
its lower bound ("at least 73" is 73; "more than 73" is 73 too, the nearest whole bound the record
holds; "at most 50" has none), its highest its upper bound or, without one, its lower bound. A magnitude
in words ("dozens") counts by the bounds the editors read in it.

- ACLED ``fatalities`` and UCDP ``low`` and ``best``: the lowest value among the independent
  claims; empty when only partisan claims (or none) give a figure.
- UCDP ``high``: the highest value among the independent claims.
- UCDP ``deaths_a``, ``deaths_b``, ``deaths_civilians``: the same lowest value, among the
  independent claims about a side A actor, a side B actor, or civilians.

Partisan figures are never added up nor used: every figure, partisan or not, is written out
with its claimant in ACLED's ``notes`` and UCDP's ``source_original``. A claim that restates
another claim about the same event is the same allegation and is counted once; a claim that a later
public claim supersedes (the claimant's revised toll) is not counted (``standing_allegations``).
"""

from events.models import Actor, Participation
from sources.models import Claim
from sources.public import standing_allegations

PARTY_ROLES = {Participation.Role.SIDE_A, Participation.Role.SIDE_B, Participation.Role.PERPETRATOR}

def parties_to_the_fighting(participants, ties):
    """Ids of the actors fighting in an event (side A, side B, perpetrator) and of those tied to them."""
    direct = {actor for role, actor, _, _ in participants if role in PARTY_ROLES}
    return direct.union(*(ties.get(actor, ()) for actor in direct))


def distinct_allegations(claims):
    """The claims that stand as allegations of their own: less restatements and superseded claims."""
    standing = standing_allegations([(claim.pk, claim.restates_id, claim.supersedes_id) for claim in claims])
    return [claim for claim in claims if claim.pk in standing]


def independent(claims, partisans):
    return [
        claim
        for claim in claims
        if claim.claimant_id not in partisans and claim.assessment != Claim.Assessment.DISCOUNTED
    ]


def lowest(claims):
    return min((claim.value_low for claim in claims if claim.value_low is not None), default=None)


def highest(claims):
    values = (claim.value_high if claim.value_high is not None else claim.value_low for claim in claims)
    return max((value for value in values if value is not None), default=None)


class EventDeaths:
    """An event's claims of deaths, read by the rules above."""

    def __init__(self, claims, participants, ties):
        self.claims = distinct_allegations(claims) if claims else []
        self.partisans = parties_to_the_fighting(participants, ties) if claims else set()
        self.independent = independent(self.claims, self.partisans)
        self.side = {}
        if claims:
            for role, actor, _, _ in participants:
                self.side.setdefault(role, set()).add(actor)

    @property
    def lowest(self):
        return lowest(self.independent)

    @property
    def highest(self):
        return highest(self.independent)

    def lowest_about(self, role):
        side = self.side.get(role, ())
        return lowest([claim for claim in self.independent if claim.party_id in side])

    @property
    def lowest_about_civilians(self):
        return lowest(
            [
                claim
                for claim in self.independent
                if claim.party__kind == Actor.Kind.CIVILIANS or claim.unit == Claim.Unit.CIVILIANS
            ]
        )

    def described(self):
        """Every claimed figure with its claimant: 'ISGS (a party to the fighting): 100 fighters of JNIM, "100", contested'."""
        return [self.describe(claim) for claim in self.claims if claim.qualifier != Claim.Qualifier.NOT_A_FIGURE]

    def describe(self, claim):
        claimant = claimant_label(claim)
        if claim.claimant_id in self.partisans:
            claimant += " (a party to the fighting)"
        party = claim.party__short_name or claim.party__name
        what = f"{figure(claim)} {claim.unit or 'people'}"
        if party:
            what += f" of {party}"
        return f"{claimant}: {what}, “{claim.wording}”, {claim.assessment}"

    def claimants(self):
        return [
            f"{claimant_label(claim)}: {figure(claim)} {claim.unit or 'people'}"
            for claim in self.claims
            if claim.qualifier
        ]


NO_DEATHS = EventDeaths((), (), {})  # what an event without claims of deaths reads as


def claimant_label(claim):
    return claim.claimant__short_name or claim.claimant__name or "in the source's own voice"


def figure(claim):
    low, high, qualifier = claim.value_low, claim.value_high, claim.qualifier
    if qualifier == Claim.Qualifier.EXACT:
        return f"{low}"
    if qualifier == Claim.Qualifier.BETWEEN:
        return f"{low}–{high}"
    if qualifier in (Claim.Qualifier.AT_MOST, Claim.Qualifier.FEWER_THAN):
        return f"{Claim.Qualifier(qualifier).label} {high}"
    if qualifier in (Claim.Qualifier.ABOUT, Claim.Qualifier.AT_LEAST, Claim.Qualifier.MORE_THAN):
        return f"{Claim.Qualifier(qualifier).label} {low}"
    if qualifier == Claim.Qualifier.VAGUE:
        read = f"{low}–{high}" if low is not None and high is not None else (f"{low}+" if low is not None else f"≤{high}")
        return f"{claim.magnitude} (read as {read})"
    return "an unknown number of"
