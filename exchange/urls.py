from django.urls import include, path

urlpatterns = [
    path("data/", include("exchange.exports.urls")),
]
