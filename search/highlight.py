"""The matched words of a result, marked in the entry's own text."""

import re

from django.utils.html import escape
from django.utils.safestring import mark_safe

from .documents import fold

TOKENS = re.compile(r"([^\W_]+)")
WORDS_AROUND = 12


def matches(word, terms):
    folded = fold(word)
    return any(folded.startswith(term) for term in terms)


def excerpt(text, terms):
    """The part of ``text`` around its first matched word, with every matched word in <mark>; None without a match."""
    pieces = TOKENS.split(text)
    words = pieces[1::2]
    hits = [index for index, word in enumerate(words) if matches(word, terms)]
    if not hits:
        return None
    first_word = max(hits[0] - WORDS_AROUND, 0)
    last_word = min(hits[0] + WORDS_AROUND * 2, len(words) - 1)
    html = []
    # pieces alternates separator, word, separator, ...: word i is pieces[2 * i + 1].
    for position in range(2 * first_word + 1, 2 * last_word + 2):
        piece = pieces[position]
        if position % 2 == 1 and matches(piece, terms):
            html.append(f"<mark>{escape(piece)}</mark>")
        else:
            html.append(escape(piece))
    before = "… " if first_word > 0 else ""
    after = " …" if last_word < len(words) - 1 else ""
    return mark_safe(before + "".join(html).strip() + after)


def best_excerpt(entry, kind, terms):
    """The first of the entry's indexed texts that has a matched word, marked."""
    for name in (*kind.title_fields, *kind.text_fields):
        text = str(getattr(entry, name) or "")
        marked = excerpt(text, terms)
        if marked is not None:
            return marked
    return None
