from django.templatetags.static import static
from django.urls import path
from django.views.generic import RedirectView

from editorial.views import entry_history

from . import exports, views
from .models import Actor, Event, Place

urlpatterns = [
    path("favicon.ico", RedirectView.as_view(url=static("favicon.ico"), permanent=True)),
    path("events/", views.EventListView.as_view(), name="event-list"),
    path("events.csv", exports.EventExportView.as_view(), name="event-export"),
    path("events/<slug:slug>/", views.event_detail, name="event-detail"),
    path("events/<slug:slug>/history/", entry_history, {"model": Event}, name="event-history"),
    path("actors/", views.ActorListView.as_view(), name="actor-list"),
    path("actors/<slug:slug>/", views.actor_detail, name="actor-detail"),
    path("actors/<slug:slug>/history/", entry_history, {"model": Actor}, name="actor-history"),
    path("places/", views.PlaceListView.as_view(), name="place-list"),
    path("places/<slug:slug>/", views.place_detail, name="place-detail"),
    path("places/<slug:slug>/history/", entry_history, {"model": Place}, name="place-history"),
    path("timeline/", views.timeline, name="timeline"),
    path("map/", views.place_map, name="map"),
    path("suggest/actors/", views.suggest_actors, name="suggest-actors"),
    path("suggest/places/", views.suggest_places, name="suggest-places"),
    path("suggest/events/", views.suggest_events, name="suggest-events"),
]
