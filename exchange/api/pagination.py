"""Pages of an API list, each one picking up right after (or before) a row of the page it came from.

Keyset ("seek") pagination: a page is the rows that sort after the last row of the previous one, in
an order that is unique (it always ends with the primary key). No OFFSET, no COUNT: page 10,000 of a
million rows costs what page 1 costs, and a row added while a client pages through is neither
repeated nor skipped. DRF's CursorPagination is not used because it keys on the first ordering field
alone and cannot step over NULLs (its support for them was reverted in 3.15.1), and an event's start
date may be unknown. Unknown values sort last.

Cursors are signed: a cursor the list did not give out is refused with a 400 instead of reaching the database.
"""

import functools
import operator

from django.core import signing
from django.db.models import F, Q
from rest_framework.exceptions import ValidationError
from rest_framework.pagination import BasePagination
from rest_framework.response import Response
from rest_framework.utils.urls import replace_query_param

AFTER, BEFORE = "after", "before"


class KeysetPagination(BasePagination):
    cursor_query_param = "cursor"
    page_size_query_param = "page_size"
    page_size = 50
    max_page_size = 500

    def paginate_queryset(self, queryset, request, view=None):
        self.request = request
        self.keys = [(name, is_nullable(queryset.model, name)) for name in view.keyset]
        size = self.requested_page_size(request)
        direction, position = self.requested_cursor(request)
        ascending = [ascending_order(name, nullable) for name, nullable in self.keys]
        descending = [descending_order(name, nullable) for name, nullable in self.keys]

        if direction == BEFORE:
            rows = list(queryset.filter(sorting_before(self.keys, position)).order_by(*descending)[: size + 1])
            page = rows[:size][::-1]
            self.previous_row = page[0] if len(rows) > size else None
            self.next_row = page[-1] if page else None
        else:
            if direction == AFTER:
                queryset = queryset.filter(sorting_after(self.keys, position))
            rows = list(queryset.order_by(*ascending)[: size + 1])
            page = rows[:size]
            self.next_row = page[-1] if len(rows) > size else None
            self.previous_row = page[0] if direction == AFTER and page else None
        return page

    def get_paginated_response(self, data):
        return Response(
            {
                "next": self.link(AFTER, self.next_row),
                "previous": self.link(BEFORE, self.previous_row),
                "results": data,
            }
        )

    def requested_page_size(self, request):
        raw = request.query_params.get(self.page_size_query_param)
        if not raw:
            return self.page_size
        # The length is checked first: int() of a 5,000-digit string is refused by Python itself.
        fits = raw.isascii() and raw.isdigit() and len(raw) <= len(str(self.max_page_size))
        if not fits or not 1 <= int(raw) <= self.max_page_size:
            raise ValidationError(
                {self.page_size_query_param: [f"Enter a whole number from 1 to {self.max_page_size}."]}
            )
        return int(raw)

    def requested_cursor(self, request):
        raw = request.query_params.get(self.cursor_query_param)
        if not raw:
            return None, None
        try:
            direction, position = cursor_signer(self.request).unsign_object(raw)
            if direction not in (AFTER, BEFORE) or len(position) != len(self.keys):
                raise ValueError
            return direction, position
        except (signing.BadSignature, TypeError, ValueError):
            raise ValidationError(
                {self.cursor_query_param: ["This cursor is not one this list gave out: follow the next and previous links."]}
            )

    def link(self, direction, row):
        if row is None:
            return None
        position = [serialised(getattr(row, name)) for name, _ in self.keys]
        cursor = cursor_signer(self.request).sign_object([direction, position])
        return replace_query_param(self.request.build_absolute_uri(), self.cursor_query_param, cursor)

    def get_paginated_response_schema(self, schema):
        link = {"type": ["string", "null"], "format": "uri"}
        return {
            "type": "object",
            "required": ["next", "previous", "results"],
            "properties": {
                "next": {**link, "description": "The next page; null on the last one."},
                "previous": {**link, "description": "The page before; null on the first one."},
                "results": schema,
            },
        }

    def get_schema_operation_parameters(self, view):
        return [
            {
                "name": self.cursor_query_param,
                "in": "query",
                "required": False,
                "description": "Where the page starts: take it from the next and previous links, it cannot be made by hand.",
                "schema": {"type": "string"},
            },
            {
                "name": self.page_size_query_param,
                "in": "query",
                "required": False,
                "description": f"Rows per page, {self.page_size} unless told otherwise.",
                "schema": {"type": "integer", "minimum": 1, "maximum": self.max_page_size, "default": self.page_size},
            },
        ]


def cursor_signer(request):
    # Salted with the list's address, so a cursor only works on the list that gave it out; not
    # timestamped, so the link to a page is the same every time it is given out.
    return signing.Signer(salt=f"exchange.api.cursor:{request.path}")


def is_nullable(model, name):
    return model._meta.pk.name != name and name != "pk" and model._meta.get_field(name).null


def ascending_order(name, nullable):
    """Unknown values last, said only of a column that can hold them: SQLite stores NULLs first in an index,
    so "NULLS LAST" makes it sort every row rather than read the list's index in order (a whole scan and
    sort of 10,000 places for each page of /api/places/ at 100,000 events)."""
    return F(name).asc(nulls_last=True) if nullable else F(name).asc()


def descending_order(name, nullable):
    return F(name).desc(nulls_first=True) if nullable else F(name).desc()


def sorting_after(keys, position):
    """The rows that sort after the position, in ascending order with unknown values last: (a, b) > (x, y)
    is a > x, or a = x and b > y; where a may be unknown, "a > x" also holds for an unknown a."""
    either, same_so_far = [], Q()
    for (name, nullable), value in zip(keys, position):
        if value is None:
            # Nothing sorts after an unknown value in this column: only rows that share it go on to the next.
            same_so_far &= Q(**{f"{name}__isnull": True})
            continue
        later = Q(**{f"{name}__gt": value})
        if nullable:
            later |= Q(**{f"{name}__isnull": True})
        either.append(same_so_far & later)
        same_so_far &= Q(**{name: value})
    return functools.reduce(operator.or_, either)


def sorting_before(keys, position):
    """The rows that sort before the position, in the same order."""
    either, same_so_far = [], Q()
    for (name, nullable), value in zip(keys, position):
        if value is None:
            either.append(same_so_far & Q(**{f"{name}__isnull": False}))
            same_so_far &= Q(**{f"{name}__isnull": True})
        else:
            either.append(same_so_far & Q(**{f"{name}__lt": value}))
            same_so_far &= Q(**{name: value})
    return functools.reduce(operator.or_, either)


def serialised(value):
    return value if value is None or isinstance(value, (int, str)) else value.isoformat()
