from django.conf import settings
from django.conf.urls.i18n import i18n_patterns
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from events import urls as events_urls
from exchange import urls as exchange_urls
from sources import urls as sources_urls

from . import health
from .changes import ChangesFeed, changes
from .sitemaps import SITEMAPS, robots

# Addresses for machines (probes, feeds, files, the API, the filters' suggestions): one each,
# whatever the reader's language.
urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("changes.atom", ChangesFeed(), name="changes-feed"),
    path("robots.txt", robots, name="robots"),
    path("sitemap.xml", sitemap_views.index, {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"}, name="sitemap-index"),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap-section"),
    path("", include(exchange_urls.file_urlpatterns)),
    path("", include(sources_urls.file_urlpatterns)),
    path("", include(events_urls.file_urlpatterns)),
]

# Pages for people: English where they always were, French under /fr/. The admin too: an editor
# who works in French bookmarks /fr/admin/, and Django's admin brings its own French.
urlpatterns += i18n_patterns(
    path("admin/", admin.site.urls),
    path("about/", TemplateView.as_view(template_name="about.html"), name="about"),
    path("changes/", changes, name="changes"),
    path("", include(exchange_urls.urlpatterns)),
    path("", include("search.urls")),
    path("", include(sources_urls.urlpatterns)),
    path("", include(events_urls.urlpatterns)),
    prefix_default_language=False,
)

if settings.BENCHMARK_BARE_VIEW:
    # Only when scripts/benchmark asks for it; never_cache: it is measured rendered, every time.
    urlpatterns.append(path("benchmark/bare/", never_cache(lambda request: HttpResponse("ok"))))
