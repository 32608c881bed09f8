"""{% event_rows events %}: the rows of the event list's table.

Built here rather than in the template, as the claims list's rows are (sources.templatetags.claim_rows):
the template engine's look-ups for each cell of each row were most of the page's rendering. The HTML is
the same as the template's was; each value is escaped as {{ }} escapes it.
"""

from html import escape

from django import template
from django.utils.html import conditional_escape
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from editorial.entry_urls import Addresses

from .record import event_dates

register = template.Library()


@register.simple_tag
def event_rows(events):
    date_label, type_label, places_label = escape(gettext("Date")), escape(gettext("Type")), escape(gettext("Places"))
    none_recorded = f'<span class="meta">{escape(gettext("none recorded"))}</span>'
    addresses = Addresses()
    rows = []
    for event in events:
        rows.append(f"""
    <tr>
      <td data-label="{date_label}">{conditional_escape(event_dates(event))}</td>
      <th scope="row"><a href="{escape(addresses.of("event-detail", event.slug))}">{escape(event.title)}</a></th>
      <td data-label="{type_label}">{escape(event.get_event_type_display())}</td>
      <td data-label="{places_label}">{places(event.published_event_places, addresses) or none_recorded}</td>
    </tr>
    """)
    return mark_safe("".join(rows))


def places(event_places, addresses):
    return ", ".join(
        f'<a href="{escape(addresses.of("place-detail", event_place.place.slug))}">{escape(event_place.place.name)}</a>'
        for event_place in event_places
    )
