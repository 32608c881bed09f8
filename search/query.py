"""Full-text queries against the index, in each database's own dialect.

Every term is matched as a word prefix ("battle" finds "battles"), all terms must match,
and titles rank above the rest. Reader input never reaches the database as query syntax:
it is folded into bare words first, so quotes, operators and stars are just text.
"""

from django.db import connection
from django.db.models.expressions import RawSQL

from editorial.page_cache import once_per_version

from .documents import fold

MAX_TERMS = 8
MAX_TERM_LENGTH = 40


def terms_of(text):
    return [term[:MAX_TERM_LENGTH] for term in fold(text).split()][:MAX_TERMS]


def is_public_sql(kind):
    """SQL true when the index row ``entry`` is of a public entry: the pages' own queryset, correlated.

    A correlated EXISTS checks only the rows the words matched; an IN over every public row
    of the kind cost seconds at 100,000 events, however rare the word.
    """
    public = kind.public_rows().filter(pk=RawSQL("entry.entry_id", [])).order_by().values("pk")
    sql, params = public.query.sql_with_params()
    return f"EXISTS ({sql})", list(params)


def matching(kind, terms, limit, offset):
    """The ids of the public entries of ``kind`` matching every term, best first, and how many there are.

    Kept once per version of the record for each query, like the lists' counts: a common word
    ("clash" in 55,000 titles at 100,000 events) is ranked over all its matches, 40 to 150 ms a
    kind on SQLite, however few results a page shows, and the answer changes only with the record.
    The entries themselves are read afresh by the page, through the public querysets.
    """
    dialect = postgres if connection.vendor == "postgresql" else sqlite
    source, match, match_params, rank, rank_params = dialect(terms)
    public_sql, public_params = is_public_sql(kind)
    where = f"{match} AND entry.kind = %s AND {public_sql}"
    params = [*match_params, kind.name, *public_params]
    name = f"search\n{connection.vendor}\n{source}\n{where}\n{params!r}\n{rank}\n{rank_params!r}\n{limit} {offset}"
    return once_per_version(name, lambda: ranked(source, where, params, rank, rank_params, limit, offset))


def ranked(source, where, params, rank, rank_params, limit, offset):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COUNT(*) FROM {source} WHERE {where}", params)
        (count,) = cursor.fetchone()
        if not count or offset >= count:
            return [], count
        cursor.execute(
            f"SELECT entry.entry_id FROM {source} WHERE {where} ORDER BY {rank}, entry.entry_id LIMIT %s OFFSET %s",
            [*params, *rank_params, limit, offset],
        )
        return [row[0] for row in cursor.fetchall()], count


def sqlite(terms):
    query = " ".join(f'"{term}"*' for term in terms)
    return (
        # CROSS JOIN: SQLite then starts from the words matched, not from every index row of the kind.
        "search_searchentry_fts CROSS JOIN search_searchentry AS entry ON entry.id = search_searchentry_fts.rowid",
        "search_searchentry_fts MATCH %s",
        [query],
        # bm25 is lower for better matches; a hit in the title weighs ten times a hit elsewhere.
        "bm25(search_searchentry_fts, 10.0, 1.0)",
        [],
    )


def postgres(terms):
    query = " & ".join(f"{term}:*" for term in terms)
    return (
        "search_searchentry AS entry",
        "entry.document @@ to_tsquery('simple', %s)",
        [query],
        "ts_rank(entry.document, to_tsquery('simple', %s)) DESC",
        [query],
    )
