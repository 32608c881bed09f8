"""The lengths of public lists, counted once per version of the record.

Counting every published claim or event on each request is a scan that grows with the record
(50 ms for the claims at 100,000 events on SQLite, more on PostgreSQL at a million rows); the
number only changes when the record does, so each distinct list is counted once per version
(editorial.page_cache) and read back from the shared cache after that. The page cache itself may
be off: this is a count, not a page, and it holds nothing a reader could not see.

A list page's count is kept under its view and query string (CountedByAddress), which is all its
query depends on besides the record; any other queryset under its compiled SQL, which costs a few
milliseconds to make.
"""

from django.core.exceptions import EmptyResultSet, FieldDoesNotExist
from django.core.paginator import Paginator
from django.db import connections
from django.db.models import QuerySet
from django.utils.functional import cached_property
from django.utils.http import urlencode

from .page_cache import once_per_version


def count_of(queryset, name=None):
    """queryset.count(), once per version of the record: under ``name`` when given (it must say everything
    the query depends on besides the record), else under the query's SQL."""
    if name is not None:
        return once_per_version(f"count\\n{connections[queryset.db].vendor}\\n{name}", queryset.count)
    try:
        return once_per_version(f"count\\n{query_key(as_counted(queryset))}", queryset.count)
    except EmptyResultSet:  # a filter that matches nothing, such as an empty __in
        return 0


def as_counted(queryset):
    """The query without what cannot change its count, for a cheaper key: the order and the rows joined only to
    be shown (select_related follows foreign keys, one row each). Compiling those for every count cost an
    actor's page a fifth of its time."""
    query = queryset.query
    if query.is_sliced or query.combinator:
        return queryset
    queryset = queryset.order_by()
    return queryset.select_related(None) if query.select_related else queryset


def kept_per_version(name, queryset, compute):
    """compute() (a value worked out from ``queryset``: counts by period, by grid square...), once per version
    of the record for that exact query; ``name`` says what else the value depends on."""
    try:
        key = query_key(queryset)
    except EmptyResultSet:
        return compute()
    return once_per_version(f"{name}\\n{key}", compute)


def query_key(queryset):
    """The database, SQL and parameters of a queryset: what a value computed from it depends on besides the record."""
    sql, params = queryset.query.get_compiler(queryset.db).as_sql()
    return f"{connections[queryset.db].vendor}\\n{sql}\\n{params!r}"


def counts_of(querysets, name):
    """[queryset.count() for each], once per version of the record, all under ``name`` (as for count_of)."""
    vendor = connections[querysets[0].db].vendor
    return once_per_version(f"counts\\n{vendor}\\n{name}", lambda: [queryset.count() for queryset in querysets])


class RecordPaginator(Paginator):
    """A paginator whose count is count_of() when it pages a queryset (any other sequence counts itself), and
    which reads a page past the middle of the list from its end (rows_between).

    A page is read with OFFSET: the database steps over every row before it. The last pages of a million
    events would step over nearly all of them; read in the reverse order, a page steps over the rows after
    it instead, so that no page steps over more than half the list, and the last is as quick as the first.
    Only for an order that ends with a unique column: in any other, rows that tie could change places.
    """

    def __init__(self, *args, count_name=None, **kwargs):
        super().__init__(*args, **kwargs)
        self.count_name = count_name

    @cached_property
    def count(self):
        if isinstance(self.object_list, QuerySet):
            return count_of(self.object_list, self.count_name)
        return super().count

    def page(self, number):
        number = self.validate_number(number)
        bottom = (number - 1) * self.per_page
        top = bottom + self.per_page
        if top + self.orphans >= self.count:
            top = self.count
        return self._get_page(rows_between(self.object_list, self.count, bottom, top), number, self)


def rows_between(rows, count, start, stop):
    """rows[start:stop] of a list of ``count`` rows, read from its end when the slice lies past the middle and the
    rows are a queryset in a unique order (so that reversed, each row keeps its place)."""
    if count - stop < start and in_a_unique_order(rows):
        return list(rows.reverse()[count - stop : count - start])[::-1]
    return rows[start:stop]


def in_a_unique_order(rows):
    """Whether rows is a queryset, one that can be read in reverse, whose order ends with a unique column (its
    primary key, or a slug that no two rows share): rows that tie on every other key are told apart by it."""
    if not isinstance(rows, QuerySet) or not rows.query.order_by or rows.query.is_sliced or rows.query.combinator:
        return False
    last = rows.query.order_by[-1]
    return isinstance(last, str) and is_unique(rows.model, last.lstrip("-"))


def is_unique(model, name):
    """Whether the model's own column ``name`` ("pk" for its primary key) holds no value twice."""
    if name == "pk":
        return True
    try:
        field = model._meta.get_field(name)
    except FieldDoesNotExist:
        return False  # a related model's column ("event__id") or an annotation: not worth the proof
    return field.unique or any(constraint.fields == (name,) for constraint in model._meta.total_unique_constraints)


def rows_by_key(queryset, keys):
    """The rows of queryset with these primary keys, in the keys' order: a page's rows, once a cheaper query has
    chosen and ordered its keys."""
    keys = list(keys)
    rows = queryset.in_bulk(keys)
    return [rows[key] for key in keys]


class CountedByAddress:
    """For a list view whose rows depend only on its query string: its count kept under the view and that query
    string without the page number, with no SQL to compile to know it."""

    paginator_class = RecordPaginator

    def get_paginator(self, queryset, per_page, **kwargs):
        return super().get_paginator(queryset, per_page, count_name=self.count_name(), **kwargs)

    def count_name(self):
        query = [
            (name, value)
            for name, values in sorted(self.request.GET.lists())
            if name != self.page_kwarg
            for value in values
        ]
        return f"{type(self).__module__}.{type(self).__qualname__}?{urlencode(query)}"
