"""Which revision a public page shows, its permanent address, and how to cite it."""

from django import template
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from ..curation import Status
from ..dates import day_month_year
from ..history import is_fixture_load

register = template.Library()

SITE_NAME = gettext_lazy("The Ménaka record")
BIBTEX_ESCAPES = {
    "\\": r"\textbackslash{}", "{": r"\{", "}": r"\}", "%": r"\%", "$": r"\$",
    "&": r"\&", "#": r"\#", "_": r"\_", "^": r"\^{}", "~": r"\~{}",
}


def bibtex_text(text):
    return "".join(BIBTEX_ESCAPES.get(char, char) for char in text)


@register.simple_tag(takes_context=True)
def shown_revision(context, entry):
    """What the public page of ``entry`` shows: its latest revision, its permanent address and citations of it.

    None for an entry that is not published (a staff preview of a draft has nothing to cite).
    """
    if entry.status != Status.PUBLISHED:
        return None
    record = entry.history.order_by("-history_date", "-history_id").only("history_id", "history_date", "history_change_reason").first()
    if record is None:
        return None
    permalink = context["request"].build_absolute_uri(
        reverse(f"{entry._meta.model_name}-revision", args=[entry.slug, record.history_id])
    )
    since, today = day_month_year(record.history_date), timezone.now()
    note = _("Revision %(number)s of %(date)s") % {"number": record.history_id, "date": since}
    bibtex = "\n".join(
        [
            f"@misc{{menaka-{entry._meta.model_name}-{entry.slug}-{record.history_id},",
            f"  title = {{{bibtex_text(str(entry))}}},",
            f"  howpublished = {{\\url{{{permalink}}}}},",
            f"  organization = {{{bibtex_text(str(SITE_NAME))}}},",
            f"  year = {{{record.history_date.year}}},",
            f"  note = {{{bibtex_text(note)}}},",
            f"  urldate = {{{today.date().isoformat()}}}",
            "}",
        ]
    )
    return {
        "number": record.history_id,
        "since": record.history_date,
        "entered": is_fixture_load(record.history_change_reason or ""),
        "permalink": permalink,
        "text": _("“%(entry)s”, revision %(number)s (%(date)s), in %(site)s. %(address)s. Retrieved %(today)s.")
        % {
            "entry": entry,
            "number": record.history_id,
            "date": since,
            "site": SITE_NAME,
            "address": permalink,
            "today": day_month_year(today),
        },
        "bibtex": bibtex,
    }
