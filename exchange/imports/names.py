"""Finding the record's actors, places and sources by the names a file gives them."""

from collections import defaultdict

from django.utils.text import slugify

from events.names import without_accents


def folded(name):
    """A name as matching compares it: case, accents, apostrophes and spacing ignored (“N’Tillit” is “n'tillit”)."""
    return " ".join(without_accents(name.replace("’", "'")).split())


class NameIndex:
    """Entries by every name they answer to; ``find`` says which entries a name could mean."""

    def __init__(self, entries, names_of):
        self.names_of = names_of
        self.by_name = defaultdict(dict)
        for entry in entries:
            self.add(entry)

    def add(self, entry):
        for name in self.names_of(entry):
            if name:
                self.by_name[folded(name)][entry.pk] = entry

    def find(self, name):
        return list(self.by_name.get(folded(name), {}).values())


def unique_slug(model, name, taken_in_this_import):
    """A slug for a new entry called ``name`` that no entry has yet: ``name``, then ``name-2``, ``name-3``..."""
    base = slugify(name)[:110] or model._meta.model_name
    slug, number = base, 1
    while slug in taken_in_this_import or model._default_manager.filter(slug=slug).exists():
        number += 1
        slug = f"{base}-{number}"
    taken_in_this_import.add(slug)
    return slug
