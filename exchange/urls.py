from django.urls import include, path

from .exports import urls as exports_urls

# The page that lists the data files, in the reader's language (under /fr/ too).
urlpatterns = [path("data/", include(exports_urls.urlpatterns))]

# The API (its reference page included: the API speaks English) and the files: one address each.
file_urlpatterns = [
    path("api/", include("exchange.api.urls")),
    path("data/", include(exports_urls.file_urlpatterns)),
]
