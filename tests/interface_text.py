"""What a page says in its own voice, and which English strings of the catalogue it still says.

The record's content (titles, statements, wordings, names...) is in the language it was written in
and stays so on French pages; the interface around it is what the catalogue translates. So a page's
interface text is its text nodes and readable attributes, less the record's own text, less what the
page itself declares to be in another language (``lang="en"``), less code, addresses and file names.
"""

import re
from html.parser import HTMLParser
from pathlib import Path

import polib
from django.apps import apps
from django.conf import settings
from django.db import models

CATALOGUE = Path(settings.BASE_DIR, "locale", "fr", "LC_MESSAGES", "django.po")
# Attributes a reader hears or sees.
READABLE_ATTRIBUTES = {"title", "aria-label", "placeholder", "alt", "data-label"}
READABLE_META = {"description", "og:title", "og:description", "og:site_name"}
# Elements whose text is not interface prose: scripts, styles, and code (parameter names, addresses).
UNREAD_ELEMENTS = {"script", "style", "code", "pre"}
VOID_ELEMENTS = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
PLACEHOLDER = re.compile(r"%\([a-z_]+\)s|%s|<[^>]+>")
# Addresses, file names and ISO dates say nothing in a language.
NOT_PROSE = re.compile(r"https?://\S+|/[\w./?=&%-]*|\b[\w-]+\.(?:csv|json|geojson|atom|xml)\b|\d{4}-\d{2}-\d{2}\S*")
SHORTEST_FRAGMENT = 3
# Only a run of the record's text this long is taken for content when it shares a line with something else.
LONGEST_INTERFACE_RUN = 24


class InterfaceText(HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.chunks = []
        self.stack = []  # (tag, is_skipped)

    def skipping(self):
        return any(skipped for _, skipped in self.stack)

    def handle_starttag(self, tag, attrs):
        attributes = dict(attrs)
        in_another_language = "lang" in attributes and attributes["lang"] != "fr" and tag != "html"
        skipped = tag in UNREAD_ELEMENTS or in_another_language
        if not self.skipping() and not skipped:
            for name in READABLE_ATTRIBUTES & attributes.keys():
                self.chunks.append(attributes[name] or "")
            if tag == "meta" and (attributes.get("name") or attributes.get("property")) in READABLE_META:
                self.chunks.append(attributes.get("content") or "")
            if tag == "input" and attributes.get("type") in ("submit", "button"):
                self.chunks.append(attributes.get("value") or "")
        if tag not in VOID_ELEMENTS:
            self.stack.append((tag, skipped))

    def handle_startendtag(self, tag, attrs):
        self.handle_starttag(tag, attrs)
        if tag not in VOID_ELEMENTS and self.stack and self.stack[-1][0] == tag:
            self.stack.pop()

    def handle_endtag(self, tag):
        for position in range(len(self.stack) - 1, -1, -1):
            if self.stack[position][0] == tag:
                del self.stack[position:]
                return

    def handle_data(self, data):
        if not self.skipping() and data.strip():
            self.chunks.append(data)


def record_texts():
    """Every text the record holds (names, titles, statements, wordings, notes, and their past versions)."""
    texts = set()
    for model in [*apps.get_app_config("events").get_models(), *apps.get_app_config("sources").get_models()]:
        texts |= texts_of(model)
    return RecordText(texts)


class RecordText:
    """The record's texts, to take out of a page: whole, or cut short ("…"), or split by <mark> in an excerpt."""

    def __init__(self, texts):
        self.whole = sorted((text for text in texts if len(text) >= SHORTEST_FRAGMENT), key=len, reverse=True)
        self.blob = "\x00".join(" ".join(text.split()).casefold() for text in texts)

    def remove_from(self, text):
        if self.holds(text):
            return ""
        words = text.split(" ")
        # A line that ends in a piece of the record cut short ("date: summary…") or starts with one.
        for start in range(1, len(words)):
            if self.holds(" ".join(words[start:]), shortest=LONGEST_INTERFACE_RUN):
                words = [*words[:start], "\x00"]
                break
        for end in range(len(words) - 1, 0, -1):
            if self.holds(" ".join(words[:end]), shortest=LONGEST_INTERFACE_RUN):
                words = ["\x00", *words[end:]]
                break
        text = " ".join(words)
        for content in self.whole:
            if content in text:
                text = text.replace(content, "\x00")
        return text

    def holds(self, text, shortest=1):
        text = text.strip(" …:").casefold()
        return len(text) >= shortest and text in self.blob


def texts_of(model):
    fields = [
        field.attname
        for field in model._meta.concrete_fields
        if isinstance(field, (models.CharField, models.TextField)) and not field.choices and field.name != "search_text"
    ]
    texts = set()
    if not fields:
        return texts
    for row in model._default_manager.values_list(*fields):
        for value in row:
            if value:
                texts.add(value.strip())
                texts.update(line.strip() for line in value.splitlines() if line.strip())
    return texts


def interface_text(html, record):
    """The page's interface text, one line per text node or attribute, with the record's text taken out."""
    parser = InterfaceText()
    parser.feed(html)
    lines = []
    for chunk in parser.chunks:
        text = record.remove_from(" ".join(chunk.split()))
        lines.append(NOT_PROSE.sub("\x00", text))
    return "\n".join(lines)


def translated_entries():
    """(English, French) of every string the French catalogue translates differently, singular and plural."""
    pairs = []
    for entry in polib.pofile(str(CATALOGUE)):
        if entry.obsolete:
            continue
        if entry.msgid_plural:
            pairs.append((entry.msgid, entry.msgstr_plural.get(0, "")))
            pairs.append((entry.msgid_plural, entry.msgstr_plural.get(1, "")))
        else:
            pairs.append((entry.msgid, entry.msgstr))
    # An empty msgstr falls back to the English: an untranslated string is English on a French page.
    return [(english, french) for english, french in pairs if english != french]


def english_fragments(english):
    """What of an English string would show on a page left untranslated: the string itself when it is one word,
    else the runs of two words or more between its placeholders and tags (a lone "and" or "The" is no evidence)."""
    words = re.compile(r"[A-Za-z][A-Za-z’'-]+")
    if PLACEHOLDER.search(english) is None and len(words.findall(english)) == 1:
        return [english.strip(" .")] if len(english.strip(" .")) >= SHORTEST_FRAGMENT else []
    fragments = (fragment.strip(" ,.:;()—–“”") for fragment in PLACEHOLDER.split(english))
    return [fragment for fragment in fragments if len(words.findall(fragment)) >= 2]


def english_left(text, entries):
    """The English strings of the catalogue whose words the interface text still contains."""
    found = []
    for english, french in entries:
        for fragment in english_fragments(english):
            one_word = " " not in fragment
            pattern = rf"(?<![\w’']){re.escape(fragment)}(?![\w’'])"
            if fragment not in french and re.search(pattern, text, 0 if one_word else re.IGNORECASE):
                found.append((english, fragment))
                break
    return found
