from django.core.management.base import BaseCommand

from search import index


class Command(BaseCommand):
    help = "Index every entry of the record for search afresh (after rows were written in bulk, which the index does not see)."

    def handle(self, *args, **options):
        count = index.rebuild()
        self.stdout.write(f"Indexed {count} entries.")
