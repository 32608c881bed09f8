"""The event page's small map of the event's places (templates/events/_event_map.html)."""

from django import template

from events.charts.place_map import chart_places
from events.models import EventPlace, Place

register = template.Library()


@register.simple_tag
def event_map(event):
    """The event's published places on the base map, with a few towns of the record for orientation;
    None, with no query, for an event the page already knows has no published place."""
    if not getattr(event, "published_event_places", True):
        return None
    places = Place.objects.filter(pk__in=EventPlace.objects.filter(event=event).values("place_id"))
    return chart_places(places, orientation=True, mini=True)
