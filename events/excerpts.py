"""The first rows of a list that may be long, with how many there are: detail pages show these and link to the rest."""

from dataclasses import dataclass


@dataclass
class Excerpt:
    items: list
    total: int

    @property
    def is_partial(self):
        return self.total > len(self.items)

    @property
    def shown(self):
        return f"{len(self.items):,}"

    @property
    def counted(self):
        return f"{self.total:,}"


def excerpt(queryset, size):
    """The first ``size`` rows and the count of all: two queries, however long the list."""
    return Excerpt(list(queryset[:size]), queryset.count())
