"""The first rows of a list that may be long, with how many there are: detail pages show these and link to the rest."""

from dataclasses import dataclass

from django.utils.formats import number_format

from editorial.counts import count_of


@dataclass
class Excerpt:
    items: list
    total: int

    @property
    def is_partial(self):
        return self.total > len(self.items)

    @property
    def shown(self):
        return number_format(len(self.items), force_grouping=True)

    @property
    def counted(self):
        return number_format(self.total, force_grouping=True)


def excerpt(queryset, size):
    """The first ``size`` rows and the count of all, however long the list.

    The count is kept once per version of the record (count_of): counting the front page's
    dossiers reads every published event (40 ms at 100,000 events on SQLite).
    """
    return Excerpt(list(queryset[:size]), count_of(queryset))
