"""Names as readers type them: matching that ignores case, accents and punctuation.

Each actor, place and event keeps its names (name, short name, aliases, slug) in one
normalised column, ``search_text``, written on every save, on raw saves by loaddata and
by ``bulk_create``: "| jamaat nasr al islam wal muslimin | jnim |". A reader's text,
normalised the same way, matches a whole name when it stands between bars and a word
(or the start of one) when it follows a space, with a plain LIKE on both databases.
"""

import re
import unicodedata

APOSTROPHES = re.compile(r"['’ʼ‘`]")
NOT_A_LETTER_OR_DIGIT = re.compile(r"[\W_]+")


def without_accents(text):
    """Case-folded, with accents dropped: 'Ménaka' → 'menaka'."""
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def normalized(text):
    """'N’Tillit' → 'ntillit', 'Ménaka region' → 'menaka region'."""
    return NOT_A_LETTER_OR_DIGIT.sub(" ", APOSTROPHES.sub("", without_accents(text))).strip()


def search_text(names):
    keys = dict.fromkeys(key for key in map(normalized, names) if key)
    return "".join(f"| {key} " for key in keys) + "|"


def whole_name(text):
    return f"| {normalized(text)} |"


def word_start(text):
    return f" {normalized(text)}"


def whole_words(text):
    return f" {normalized(text)} "
