from django.urls import path

from . import views

urlpatterns = [
    # Routes for the overview, events, actors, places, their public history logs,
    # the timeline and the map go here.
]
