from django.apps import AppConfig


class EventsConfig(AppConfig):
    name = "events"
    verbose_name = "What happened: events, actors, places"

    def ready(self):
        from . import history

        history.record_fixture_loads()
