"""{% claim_rows claims %}: the rows of the claims list's table.

Built here rather than in the template: the page has fifty rows of nine cells, and the template
engine's look-ups for them (each attribute tried as a key first) were most of its rendering. The
HTML is the same as the template's was, row for row; each value is escaped as {{ }} escapes it
(Django's escape() is the standard library's html.escape).
"""

from html import escape

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext

from editorial.entry_urls import Addresses
from sources.models import Claim

from .claims import claimant, figure

register = template.Library()


@register.simple_tag
def claim_rows(claims):
    # Each label said once a page, in the reader's language (literal, so that makemessages finds them).
    label = {
        "event": escape(gettext("Event")),
        "kind": escape(gettext("Kind")),
        "party": escape(gettext("Party")),
        "figure": escape(gettext("Figure")),
        "wording": escape(gettext("Original wording")),
        "claimant": escape(gettext("Claimant")),
        "assessment": escape(gettext("Assessment")),
        "sources": escape(gettext("Sources")),
    }
    not_a_figure, none_published = escape(gettext("not a figure")), escape(gettext("none published"))
    kinds, assessments = names_of(Claim.Kind), names_of(Claim.Assessment)
    addresses = Addresses()
    rows = []
    for claim in claims:
        rows.append(f"""
    <tr>
      <th scope="row"><a href="{escape(addresses.of("claim-detail", claim.slug))}">{escape(claim.statement)}</a></th>
      <td data-label="{label["event"]}">{linked(addresses, "event-detail", claim.event, claim.event and claim.event.label)}</td>
      <td data-label="{label["kind"]}">{kinds.get(claim.kind) or escape(claim.kind)}</td>
      <td data-label="{label["party"]}">{linked(addresses, "actor-detail", claim.party, claim.party and claim.party.label)}</td>
      <td data-label="{label["figure"]}" class="claim-figure">{escape(capfirst(figure(claim))) or not_a_figure}</td>
      <td data-label="{label["wording"]}"><q>{escape(claim.wording)}</q></td>
      <td data-label="{label["claimant"]}">{conditional_escape(claimant(claim, addresses))}</td>
      <td data-label="{label["assessment"]}">{assessment(claim, assessments)}</td>
      <td data-label="{label["sources"]}">{sources(claim.public_citations, addresses) or none_published}</td>
    </tr>
    """)
    return mark_safe("".join(rows))


def names_of(choices):
    """{value: its name in the reader's language, escaped}: what get_FOO_display() says, looked up once a page."""
    return {value: escape(str(name)) for value, name in choices.choices}


def assessment(claim, names):
    name = names.get(claim.assessment) or escape(claim.assessment)
    return f'<span class="assessment assessment-{escape(claim.assessment)}">{name}</span>'


def linked(addresses, url_name, entry, text):
    return f'<a href="{escape(addresses.of(url_name, entry.slug))}">{escape(text)}</a>' if entry else "—"


def sources(citations, addresses):
    return "; ".join(
        f'<a href="{escape(addresses.of("source-detail", citation.source.slug))}">'
        f"{escape(citation.source.publisher or citation.source.title)}</a>"
        + (f" ({escape(citation.locator)})" if citation.locator else "")
        for citation in citations
    )
