"""schema.org JSON-LD for entry pages: an Event for events, a ClaimReview for claims.

Only what the page itself shows goes in, and only public entries: a staff preview of a
draft names no other draft here either.
"""

import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils.html import format_html
from django.utils.safestring import mark_safe

register = template.Library()

# The assessment grades as a rating, best supported first; /about/ explains the scale.
ASSESSMENT_RATINGS = {"corroborated": 5, "reported": 4, "alleged": 3, "contested": 2, "discounted": 1}
PRECISE_TO_THE_DAY = "day"


def script(data):
    # json.dumps escapes no "<": a "</script>" in an editor's text would end the element early.
    text = json.dumps(data, ensure_ascii=False, cls=DjangoJSONEncoder).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
    return format_html('<script type="application/ld+json">{}</script>', mark_safe(text))


def absolute(request, entry):
    return request.build_absolute_uri(entry.get_absolute_url())


def public(entry):
    return entry if entry is not None and entry.is_published else None


@register.simple_tag(takes_context=True)
def event_json_ld(context, event):
    request = context["request"]
    data = {"@context": "https://schema.org", "@type": "Event", "name": event.title, "url": absolute(request, event)}
    if event.summary:
        data["description"] = event.summary
    # schema.org dates are ISO dates: a month or a year is written as such, never as its first day.
    ends = (("startDate", event.start_date, event.start_precision), ("endDate", event.end_date, event.end_precision))
    if event.is_dated_within and event.start_date != event.end_date:
        # schema.org's dates say when it began and ended; a window around an undated moment says neither.
        ends = ()
    for key, date, precision in ends:
        if date is not None:
            data[key] = {"day": date.isoformat(), "month": date.strftime("%Y-%m"), "year": date.strftime("%Y")}.get(
                precision
            )
    data = {key: value for key, value in data.items() if value is not None}
    places = [place_data(request, event_place.place) for event_place in event.published_event_places]
    if places:
        data["location"] = places
    return script(data)


def place_data(request, place):
    data = {"@type": "Place", "name": place.name, "url": absolute(request, place)}
    if place.has_coordinates:
        data["geo"] = {"@type": "GeoCoordinates", "latitude": float(place.latitude), "longitude": float(place.longitude)}
    return data


@register.simple_tag(takes_context=True)
def claim_review_json_ld(context, claim):
    request = context["request"]
    claimant = public(claim.claimant)
    claim_reviewed = {"@type": "Claim", "text": claim.wording}
    if claimant is not None:
        claim_reviewed["author"] = {
            "@type": "Person" if claimant.kind == "person" else "Organization",
            "name": claimant.name,
            "url": absolute(request, claimant),
        }
    appearances = [citation.source.url for citation in claim.public_citations if citation.source.url]
    if appearances:
        claim_reviewed["appearance"] = appearances
    data = {
        "@context": "https://schema.org",
        "@type": "ClaimReview",
        "url": absolute(request, claim),
        "claimReviewed": claim.statement,
        "itemReviewed": claim_reviewed,
        "author": {"@type": "Organization", "name": "The Ménaka record", "url": request.build_absolute_uri("/")},
        "reviewRating": {
            "@type": "Rating",
            "ratingValue": ASSESSMENT_RATINGS[claim.assessment],
            "bestRating": 5,
            "worstRating": 1,
            "alternateName": claim.get_assessment_display(),
            "ratingExplanation": claim.assessment_reason,
        },
    }
    if not claim.assessment_reason:
        del data["reviewRating"]["ratingExplanation"]
    return script(data)
