from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("exchange.urls")),
    path("", include("search.urls")),
    path("", include("sources.urls")),
    path("", include("events.urls")),
]
