"""/search/: one query across events, actors, places, sources and claims, grouped by kind and ranked."""

import dataclasses
import math

from django.shortcuts import render

from sources.public import with_details

from .documents import KIND_BY_NAME, KINDS
from .forms import SearchForm
from .highlight import best_excerpt
from .query import matching, terms_of

PER_KIND_ON_EVERYTHING = 5
PER_PAGE = 20


@dataclasses.dataclass
class Hit:
    entry: object
    excerpt: str


@dataclasses.dataclass
class ResultGroup:
    kind: object
    count: int
    hits: list
    page: int = 1
    pages: int = 1


def search(request):
    form = SearchForm(request.GET)
    groups, terms = [], []
    if form.is_valid():
        terms = terms_of(form.cleaned_data["q"])
    if terms:
        chosen = form.cleaned_data["type"]
        if chosen:
            page = form.cleaned_data["page"] or 1
            groups = [result_group(KIND_BY_NAME[chosen], terms, PER_PAGE, page)]
        else:
            groups = [result_group(kind, terms, PER_KIND_ON_EVERYTHING, 1) for kind in KINDS]
    return render(
        request,
        "search/results.html",
        {
            "form": form,
            "searched": bool(terms),
            "groups": [group for group in groups if group.count],
            "total": sum(group.count for group in groups),
            "one_kind": bool(form.is_valid() and form.cleaned_data["type"]),
        },
    )


def result_group(kind, terms, per_page, page):
    ids, count = matching(kind, terms, per_page, (page - 1) * per_page)
    rows = kind.results(ids)
    rows = with_details(rows) if kind.name == "claims" else rows.select_related(*kind.related)
    by_id = {entry.pk: entry for entry in rows}
    hits = [Hit(by_id[pk], best_excerpt(by_id[pk], kind, terms)) for pk in ids if pk in by_id]
    return ResultGroup(kind, count, hits, page, max(math.ceil(count / per_page), 1))
