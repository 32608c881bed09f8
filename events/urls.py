from django.templatetags.static import static
from django.urls import path
from django.utils.functional import lazy
from django.views.generic import RedirectView

from editorial.feeds import EntryHistoryFeed
from editorial.views import entry_history, entry_revision

from . import exports, views
from .models import Actor, Event, Place

# Pages, in the reader's language: menaka_site/urls.py serves them at these addresses and under /fr/.
urlpatterns = [
    path("events/", views.EventListView.as_view(), name="event-list"),
    path("events/<slug:slug>/", views.event_detail, name="event-detail"),
    path("events/<slug:slug>/history/", entry_history, {"model": Event}, name="event-history"),
    path("events/<slug:slug>/history/<int:revision>/", entry_revision, {"model": Event}, name="event-revision"),
    path("actors/", views.ActorListView.as_view(), name="actor-list"),
    path("actors/<slug:slug>/", views.actor_detail, name="actor-detail"),
    path("actors/<slug:slug>/history/", entry_history, {"model": Actor}, name="actor-history"),
    path("actors/<slug:slug>/history/<int:revision>/", entry_revision, {"model": Actor}, name="actor-revision"),
    path("places/", views.PlaceListView.as_view(), name="place-list"),
    path("places/<slug:slug>/", views.place_detail, name="place-detail"),
    path("places/<slug:slug>/history/", entry_history, {"model": Place}, name="place-history"),
    path("places/<slug:slug>/history/<int:revision>/", entry_revision, {"model": Place}, name="place-revision"),
    path("timeline/", views.timeline, name="timeline"),
    path("map/", views.place_map, name="map"),
]

# Files, feeds and the filters' suggestions: one address each, whatever the reader's language.
file_urlpatterns = [
    # Lazy: the hashed name is known only once collectstatic has written its manifest.
    path("favicon.ico", RedirectView.as_view(url=lazy(static, str)("favicon.ico"), permanent=True)),
    path("events.csv", exports.EventExportView.as_view(), name="event-export"),
    path("events/<slug:slug>/history.atom", EntryHistoryFeed(), {"model": Event}, name="event-history-feed"),
    path("actors/<slug:slug>/history.atom", EntryHistoryFeed(), {"model": Actor}, name="actor-history-feed"),
    path("places/<slug:slug>/history.atom", EntryHistoryFeed(), {"model": Place}, name="place-history-feed"),
    path("suggest/actors/", views.suggest_actors, name="suggest-actors"),
    path("suggest/places/", views.suggest_places, name="suggest-places"),
    path("suggest/events/", views.suggest_events, name="suggest-events"),
]
