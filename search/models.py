"""The search index: one row of folded words per entry of the record, whatever its status.

What the public may find is decided when searching, by the same querysets the pages use,
so a status change or a draft named by a published claim can never leave a stale public
hit behind. The full-text machinery is the database's own, added by the migration:
an FTS5 table kept in step by triggers on SQLite, a generated ``tsvector`` column with a
GIN index on PostgreSQL.
"""

from django.db import models


class SearchEntry(models.Model):
    kind = models.CharField(max_length=10)
    entry_id = models.BigIntegerField()
    # Lower-case words with accents taken off, so that "Menaka" finds "Ménaka" on both databases.
    title_words = models.TextField()
    text_words = models.TextField(blank=True)

    class Meta:
        verbose_name_plural = "search entries"
        constraints = [models.UniqueConstraint(fields=["kind", "entry_id"], name="search_entry_unique")]

    def __str__(self):
        return f"{self.kind} {self.entry_id}"
