from django.urls import include, path

urlpatterns = [
    path("api/", include("exchange.api.urls")),
    path("data/", include("exchange.exports.urls")),
]
