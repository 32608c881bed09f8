from django.apps import AppConfig


class EditorialConfig(AppConfig):
    name = "editorial"
    verbose_name = "How the record is kept: revisions, review, history"

    def ready(self):
        from . import history

        history.record_fixture_loads()
