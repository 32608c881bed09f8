from django.urls import path
from drf_spectacular.views import SpectacularJSONAPIView
from rest_framework.routers import DefaultRouter

from . import views

app_name = "api"


class Router(DefaultRouter):
    include_format_suffixes = False  # JSON is the only format: /api/events.json would be a second address for it


router = Router()
router.register("events", views.EventViewSet, basename="event")
router.register("actors", views.ActorViewSet, basename="actor")
router.register("places", views.PlaceViewSet, basename="place")
router.register("sources", views.SourceViewSet, basename="source")
router.register("claims", views.ClaimViewSet, basename="claim")

urlpatterns = [
    path("schema/", SpectacularJSONAPIView.as_view(), name="schema"),
    path("docs/", views.DocsView.as_view(), name="docs"),
    *router.urls,
]
