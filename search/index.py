"""Keeping the search index in step with the record, and rebuilding it after bulk writes."""

from django.db import transaction
from django.db.models.signals import post_delete, post_save

from editorial.page_cache import record_changed

from .documents import KIND_BY_MODEL, KINDS
from .models import SearchEntry

BATCH = 2000


def keep_up_to_date():
    for model in KIND_BY_MODEL:
        post_save.connect(index_saved_entry, sender=model, dispatch_uid=f"search-index-{model._meta.label}")
        post_delete.connect(unindex_deleted_entry, sender=model, dispatch_uid=f"search-unindex-{model._meta.label}")


def index_saved_entry(sender, instance, **kwargs):
    kind = KIND_BY_MODEL[sender]
    title_words, text_words = kind.words_of(instance)
    SearchEntry.objects.update_or_create(
        kind=kind.name, entry_id=instance.pk, defaults={"title_words": title_words, "text_words": text_words}
    )


def unindex_deleted_entry(sender, instance, **kwargs):
    SearchEntry.objects.filter(kind=KIND_BY_MODEL[sender].name, entry_id=instance.pk).delete()


def rebuild():
    """Index every entry afresh: for rows written in bulk, which send no signals. Returns the count."""
    count = 0
    with transaction.atomic():
        SearchEntry.objects.all().delete()
        for kind in KINDS:
            batch = []
            fields = ["pk", *kind.title_fields, *kind.text_fields]
            for entry in kind.model._default_manager.only(*fields[1:]).order_by("pk").iterator(chunk_size=BATCH):
                title_words, text_words = kind.words_of(entry)
                batch.append(SearchEntry(kind=kind.name, entry_id=entry.pk, title_words=title_words, text_words=text_words))
                if len(batch) >= BATCH:
                    count += len(SearchEntry.objects.bulk_create(batch))
                    batch = []
            count += len(SearchEntry.objects.bulk_create(batch))
        # The results pages change with the index: readers' cached copies must go.
        record_changed()
    return count
