"""The first rows of a list that may be long, with how many there are: detail pages show these and link to the rest."""

from dataclasses import dataclass

from django.utils.formats import number_format


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
    """The first ``size`` rows and the count of all: two queries, however long the list."""
    return Excerpt(list(queryset[:size]), queryset.count())
