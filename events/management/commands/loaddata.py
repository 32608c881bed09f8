from django.core.management.commands import loaddata

from events.history import loading_fixtures


class Command(loaddata.Command):
    help = loaddata.Command.help + " Every row loaded gets a revision whose reason names the fixture."

    def handle(self, *fixture_labels, **options):
        with loading_fixtures(fixture_labels):
            return super().handle(*fixture_labels, **options)
