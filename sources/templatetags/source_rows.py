"""{% source_rows sources %}: the rows of the source list's table.

Built here rather than in the template, as the claims list's rows are (claim_rows): the template
engine's look-ups for the six cells of each of fifty rows were most of the page's rendering. The HTML
is the same as the template's was; each value is escaped as {{ }} escapes it.
"""

from html import escape

from django import template
from django.utils.safestring import mark_safe
from django.utils.translation import gettext

from editorial.dates import day_month_year
from editorial.entry_urls import Addresses

register = template.Library()


@register.simple_tag
def source_rows(sources):
    not_known = escape(gettext("not known"))
    addresses = Addresses()
    return mark_safe("".join(f"""
    <tr>
      <th scope="row"><a href="{escape(addresses.of("source-detail", source.slug))}">{escape(source.title)}</a></th>
      <td>{escape(source.publisher) or not_known}</td>
      <td>{escape(source.author) or not_known}</td>
      <td>{publication_date(source.publication_date) or not_known}</td>
      <td>{escape(source.get_kind_display())}</td>
      <td class="number">{source.claim_count}</td>
    </tr>
    """ for source in sources))


def publication_date(day):
    return f'<time datetime="{day.isoformat()}">{escape(day_month_year(day))}</time>' if day else ""
