"""Full-text queries against the index, in each database's own dialect.

Every term is matched as a word prefix ("battle" finds "battles"), all terms must match,
and titles rank above the rest. Reader input never reaches the database as query syntax:
it is folded into bare words first, so quotes, operators and stars are just text.
"""

from django.db import connection

from .documents import fold

MAX_TERMS = 8
MAX_TERM_LENGTH = 40


def terms_of(text):
    return [term[:MAX_TERM_LENGTH] for term in fold(text).split()][:MAX_TERMS]


def public_ids_sql(kind):
    sql, params = kind.public_rows().order_by().values("pk").query.sql_with_params()
    return sql, list(params)


def matching(kind, terms, limit, offset):
    """The ids of the public entries of ``kind`` matching every term, best first, and how many there are."""
    dialect = postgres if connection.vendor == "postgresql" else sqlite
    source, match, match_params, rank, rank_params = dialect(terms)
    public_sql, public_params = public_ids_sql(kind)
    where = f"{match} AND entry.kind = %s AND entry.entry_id IN ({public_sql})"
    params = [*match_params, kind.name, *public_params]
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
        "search_searchentry_fts JOIN search_searchentry AS entry ON entry.id = search_searchentry_fts.rowid",
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
