"""What each kind of entry puts in the search index, and which of its rows the public may find."""

import dataclasses
import re

from django.db.models import Exists, OuterRef
from django.utils.translation import gettext_lazy as _

from events.models import Actor, Event, Place
from events.names import without_accents
from sources.models import Claim, Source
from sources.public import public_claims, public_claims_of_few

WORD = re.compile(r"[^\W_]+")


def fold(text):
    """Lower-case words without accents: "Ménaka, N'Tillit" → "menaka n tillit"."""
    return " ".join(WORD.findall(without_accents(text)))


@dataclasses.dataclass(frozen=True)
class Kind:
    name: str  # as in ?type=
    label: str  # plural, for headings
    model: type
    title_fields: tuple
    text_fields: tuple
    public_rows: object  # () -> the queryset of rows the public may see
    related: tuple = ()  # select_related for showing results
    # The same rows, for the query that reads a page's few results by id (sources.public.public_claims_of_few).
    public_rows_of_few: object = None

    def results(self, ids):
        """The public entries with these ids (the caller has their ranking).

        Read by their ids, each checked by the public queryset on its own row: SQLite, which keeps
        no statistics, takes "status = published" beside a list of ids for the selective term and
        walks every published event's index entry to find them (35 to 80 ms at 100,000 events).
        """
        public = (self.public_rows_of_few or self.public_rows)().filter(pk=OuterRef("pk"))
        return self.model._default_manager.filter(pk__in=ids).filter(Exists(public))

    def title_of(self, entry):
        return getattr(entry, self.title_fields[0])

    def words_of(self, entry):
        title = " ".join(str(getattr(entry, name) or "") for name in self.title_fields)
        text = " ".join(str(getattr(entry, name) or "") for name in self.text_fields)
        return fold(title), fold(text)


KINDS = [
    Kind("events", _("Events"), Event, ("title",), ("summary", "outcome"), Event.objects.published),
    Kind("actors", _("Actors"), Actor, ("name", "short_name", "aliases"), ("description",), Actor.objects.published),
    Kind("places", _("Places"), Place, ("name", "alternate_names"), ("description",), Place.objects.published, ("parent",)),
    Kind(
        "sources", _("Sources"), Source, ("title",), ("publisher", "author", "notes"), Source.objects.published
    ),
    Kind(
        "claims",
        _("Claims"),
        Claim,
        ("statement",),
        ("wording", "assessment_reason"),
        public_claims,
        ("event", "claimant"),
        public_claims_of_few,
    ),
]
KIND_BY_NAME = {kind.name: kind for kind in KINDS}
KIND_BY_MODEL = {kind.model: kind for kind in KINDS}
