"""/sitemap.xml: every published entry, in each language, with when it last changed, in one section per kind;
and /robots.txt, which names it."""

from django.contrib.sitemaps import Sitemap
from django.db.models import OuterRef, Subquery
from django.shortcuts import render

from events.models import Actor, Event, Place
from sources.models import Source
from sources.public import public_claims

from .languages import in_every_language


def robots(request):
    """/robots.txt: crawlers kept out of the admin, in every language, and sent to the sitemap."""
    return render(request, "robots.txt", {"admin_addresses": in_every_language("admin:index")}, content_type="text/plain")


class EntrySitemap(Sitemap):
    """The public rows of one kind, each with the date of its latest revision, at its English and its French
    address, each naming the other as its alternate (hreflang)."""

    i18n = True
    alternates = True
    x_default = True

    def __init__(self, public_rows):
        self.public_rows = public_rows

    def items(self):
        rows = self.public_rows()
        latest = rows.model.history.model.objects.filter(id=OuterRef("pk")).order_by("-history_date")
        return rows.annotate(last_changed=Subquery(latest.values("history_date")[:1])).order_by("pk").only("slug")

    def lastmod(self, entry):
        return entry.last_changed


SITEMAPS = {
    "events": EntrySitemap(Event.objects.published),
    "actors": EntrySitemap(Actor.objects.published),
    "places": EntrySitemap(Place.objects.published),
    "sources": EntrySitemap(Source.objects.published),
    "claims": EntrySitemap(public_claims),
}
