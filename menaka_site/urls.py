from django.conf import settings
from django.contrib import admin
from django.contrib.sitemaps import views as sitemap_views
from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.cache import never_cache
from django.views.generic import TemplateView

from . import health
from .changes import ChangesFeed, changes
from .sitemaps import SITEMAPS

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("readyz", health.readyz, name="readyz"),
    path("admin/", admin.site.urls),
    path("about/", TemplateView.as_view(template_name="about.html"), name="about"),
    path("changes/", changes, name="changes"),
    path("changes.atom", ChangesFeed(), name="changes-feed"),
    path("robots.txt", TemplateView.as_view(template_name="robots.txt", content_type="text/plain"), name="robots"),
    path("sitemap.xml", sitemap_views.index, {"sitemaps": SITEMAPS, "sitemap_url_name": "sitemap-section"}, name="sitemap-index"),
    path("sitemap-<section>.xml", sitemap_views.sitemap, {"sitemaps": SITEMAPS}, name="sitemap-section"),
    path("", include("exchange.urls")),
    path("", include("search.urls")),
    path("", include("sources.urls")),
    path("", include("events.urls")),
]

if settings.BENCHMARK_BARE_VIEW:
    # Only when scripts/benchmark asks for it; never_cache: it is measured rendered, every time.
    urlpatterns.append(path("benchmark/bare/", never_cache(lambda request: HttpResponse("ok"))))
