from django.conf import settings
from django.contrib import admin
from django.http import HttpResponse
from django.urls import include, path
from django.views.decorators.cache import never_cache

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("exchange.urls")),
    path("", include("sources.urls")),
    path("", include("events.urls")),
]

if settings.BENCHMARK_BARE_VIEW:
    # Only when scripts/benchmark asks for it; never_cache: it is measured rendered, every time.
    urlpatterns.append(path("benchmark/bare/", never_cache(lambda request: HttpResponse("ok"))))
