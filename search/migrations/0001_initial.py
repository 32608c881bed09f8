from django.db import migrations, models

SQLITE_FORWARDS = [
    # An external-content FTS5 table over search_searchentry, kept in step by triggers.
    """CREATE VIRTUAL TABLE search_searchentry_fts USING fts5(
        title_words, text_words, content='search_searchentry', content_rowid='id',
        tokenize='unicode61 remove_diacritics 2')""",
    """CREATE TRIGGER search_searchentry_ai AFTER INSERT ON search_searchentry BEGIN
        INSERT INTO search_searchentry_fts(rowid, title_words, text_words)
        VALUES (new.id, new.title_words, new.text_words);
    END""",
    """CREATE TRIGGER search_searchentry_ad AFTER DELETE ON search_searchentry BEGIN
        INSERT INTO search_searchentry_fts(search_searchentry_fts, rowid, title_words, text_words)
        VALUES ('delete', old.id, old.title_words, old.text_words);
    END""",
    """CREATE TRIGGER search_searchentry_au AFTER UPDATE ON search_searchentry BEGIN
        INSERT INTO search_searchentry_fts(search_searchentry_fts, rowid, title_words, text_words)
        VALUES ('delete', old.id, old.title_words, old.text_words);
        INSERT INTO search_searchentry_fts(rowid, title_words, text_words)
        VALUES (new.id, new.title_words, new.text_words);
    END""",
]
SQLITE_BACKWARDS = [
    "DROP TRIGGER search_searchentry_au",
    "DROP TRIGGER search_searchentry_ad",
    "DROP TRIGGER search_searchentry_ai",
    "DROP TABLE search_searchentry_fts",
]
POSTGRES_FORWARDS = [
    # Titles weigh more than the rest; 'simple' because the record mixes English, French and names.
    """ALTER TABLE search_searchentry ADD COLUMN document tsvector GENERATED ALWAYS AS (
        setweight(to_tsvector('simple', title_words), 'A') || setweight(to_tsvector('simple', text_words), 'B')
    ) STORED""",
    "CREATE INDEX search_entry_document_idx ON search_searchentry USING GIN (document)",
]
POSTGRES_BACKWARDS = [
    "DROP INDEX search_entry_document_idx",
    "ALTER TABLE search_searchentry DROP COLUMN document",
]


def run(statements_by_vendor):
    def apply(apps, schema_editor):
        for statement in statements_by_vendor.get(schema_editor.connection.vendor, []):
            schema_editor.execute(statement)

    return apply


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="SearchEntry",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("kind", models.CharField(max_length=10)),
                ("entry_id", models.BigIntegerField()),
                ("title_words", models.TextField()),
                ("text_words", models.TextField(blank=True)),
            ],
            options={"verbose_name_plural": "search entries"},
        ),
        migrations.AddConstraint(
            model_name="searchentry",
            constraint=models.UniqueConstraint(fields=("kind", "entry_id"), name="search_entry_unique"),
        ),
        migrations.RunPython(
            run({"sqlite": SQLITE_FORWARDS, "postgresql": POSTGRES_FORWARDS}),
            run({"sqlite": SQLITE_BACKWARDS, "postgresql": POSTGRES_BACKWARDS}),
        ),
    ]
