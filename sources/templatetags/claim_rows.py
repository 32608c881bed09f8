"""{% claim_rows claims %}: the rows of the claims list's table.

Built here rather than in the template: the page has fifty rows of nine cells, and the template
engine's look-ups for them (each attribute tried as a key first) were most of its rendering. The
HTML is the same as the template's was, row for row.
"""

from django import template
from django.utils.html import format_html, format_html_join
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.translation import gettext

from .claims import claimant, figure

register = template.Library()

ROW = """
    <tr>
      <th scope="row"><a href="{url}">{statement}</a></th>
      <td data-label="{event_label}">{event}</td>
      <td data-label="{kind_label}">{kind}</td>
      <td data-label="{party_label}">{party}</td>
      <td data-label="{figure_label}" class="claim-figure">{figure}</td>
      <td data-label="{wording_label}"><q>{wording}</q></td>
      <td data-label="{claimant_label}">{claimant}</td>
      <td data-label="{assessment_label}"><span class="assessment assessment-{assessment}">{assessment_label_of_claim}</span></td>
      <td data-label="{sources_label}">{sources}</td>
    </tr>
    """


@register.simple_tag
def claim_rows(claims):
    labels = {
        "event_label": gettext("Event"),
        "kind_label": gettext("Kind"),
        "party_label": gettext("Party"),
        "figure_label": gettext("Figure"),
        "wording_label": gettext("Original wording"),
        "claimant_label": gettext("Claimant"),
        "assessment_label": gettext("Assessment"),
        "sources_label": gettext("Sources"),
    }
    not_a_figure, none_published = gettext("not a figure"), gettext("none published")
    return mark_safe("".join(
        format_html(
            ROW,
            **labels,
            url=claim.get_absolute_url(),
            statement=claim.statement,
            event=linked(claim.event, claim.event and claim.event.title),
            kind=claim.get_kind_display(),
            party=linked(claim.party, claim.party and claim.party.label),
            figure=capfirst(figure(claim)) or not_a_figure,
            wording=claim.wording,
            claimant=claimant(claim),
            assessment=claim.assessment,
            assessment_label_of_claim=claim.get_assessment_display(),
            sources=sources(claim.public_citations) or none_published,
        )
        for claim in claims
    ))


def linked(entry, text):
    return format_html('<a href="{}">{}</a>', entry.get_absolute_url(), text) if entry else "—"


def sources(citations):
    return format_html_join(
        "; ",
        '<a href="{}">{}</a>{}',
        (
            (
                citation.source.get_absolute_url(),
                citation.source.publisher or citation.source.title,
                format_html(" ({})", citation.locator) if citation.locator else "",
            )
            for citation in citations
        ),
    )
