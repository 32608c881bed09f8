from django.apps import AppConfig


class SearchConfig(AppConfig):
    name = "search"
    verbose_name = "Search across the record"

    def ready(self):
        from . import index

        index.keep_up_to_date()
