from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "How the record is kept: revisions, review, history"

    def ready(self):
        from django.db.models.signals import post_migrate

        from . import history, page_cache

        history.record_fixture_loads()
        page_cache.connect_signals()
        post_migrate.connect(create_cache_table, dispatch_uid="create-cache-table")
        post_migrate.connect(page_cache.release_changed, sender=self, dispatch_uid="page-cache-release")


def create_cache_table(using, verbosity, **kwargs):
    """migrate makes the database cache's table too, so that a deployment needs no extra step.
    The signal comes once per app: only the first call finds the table missing; the others say nothing."""
    from django.core.management import call_command

    call_command("createcachetable", database=using, verbosity=verbosity - 1)
