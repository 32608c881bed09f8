"""One address for every kind of public page, taken from the loaded record."""

from django.urls import reverse
from django.utils import translation

from editorial.curation import Status
from events.models import Actor, Event, Place
from sources.models import Claim, Source

MAIN_EVENT = "december-2022-menaka-region-clashes"


def withdrawn_event_url():
    """A published event withdrawn with a reason, as a reviewer would: its address answers 410 Gone.
    Asked again (the page in another language), the same event, withdrawn once."""
    event = Event.objects.get(slug="return-to-border-positions")
    if event.status == Status.PUBLISHED:
        event.status = Status.WITHDRAWN
        event._change_reason = "A test of the page a withdrawn entry leaves behind"
        event.save()
    assert event.status == Status.WITHDRAWN, "the shipped fixture lacks the event this page type withdraws"
    return event.get_absolute_url()


def first_published(model, **filters):
    entry = model.objects.published().filter(**filters).order_by("pk").first()
    assert entry is not None, f"the record has no published {model._meta.verbose_name} for this page type"
    return entry


PAGE_TYPES = {
    "overview": lambda: reverse("overview"),
    "event list": lambda: reverse("event-list"),
    "event list with filter errors": lambda: reverse("event-list") + "?start=3+December&end=2022-13-45&actor=nobody",
    "event list filtered by typed names": lambda: reverse("event-list") + "?actor=jnim&place=menaka",
    "event detail": lambda: reverse("event-detail", args=[MAIN_EVENT]),
    "actor list": lambda: reverse("actor-list"),
    "actor detail": lambda: first_published(Actor, participations__event__slug=MAIN_EVENT).get_absolute_url(),
    "place list": lambda: reverse("place-list"),
    "place detail": lambda: first_published(Place, event_places__event__slug=MAIN_EVENT).get_absolute_url(),
    "place detail with coordinates": lambda: first_published(Place, latitude__isnull=False).get_absolute_url(),
    "source list": lambda: reverse("source-list"),
    "source detail": lambda: first_published(Source).get_absolute_url(),
    "claim list": lambda: reverse("claim-list"),
    "claim list with filter errors": lambda: reverse("claim-list") + "?kind=rumour&claimant=nobody",
    "claim list of one source": lambda: reverse("claim-list") + f"?source={first_published(Source).slug}",
    "claim list of figures, sorted": lambda: reverse("claim-list") + "?figures=on&order=-claimant",
    "claim list with a bad order": lambda: reverse("claim-list") + "?order=statement",
    "dossier": lambda: reverse("event-dossier", args=[first_published(Event, children__isnull=False).slug]),
    "claim detail": lambda: first_published(Claim, event__slug=MAIN_EVENT).get_absolute_url(),
    "history": lambda: reverse("event-history", args=[MAIN_EVENT]),
    "revision": lambda: reverse(
        "event-revision", args=[MAIN_EVENT, Event.objects.get(slug=MAIN_EVENT).history.latest().history_id]
    ),
    "timeline": lambda: reverse("timeline"),
    "map": lambda: reverse("map"),
    "figures": lambda: reverse("figures"),
    "figures with filter errors": lambda: reverse("figures") + "?kind=rumour",
    "changes": lambda: reverse("changes"),
    "about": lambda: reverse("about"),
    "search results": lambda: reverse("search") + "?q=Haroum",
    "search results of one kind": lambda: reverse("search") + "?q=JNIM&type=claims",
    "search with errors": lambda: reverse("search") + "?q=Haroum&type=weapons&page=abc",
    "data files": lambda: reverse("data"),
    "not found": lambda: reverse("event-detail", args=["no-such-event"]),
    "withdrawn entry": withdrawn_event_url,
    "API reference": lambda: reverse("api:docs"),
}


# The API speaks English: its reference page has no French version.
ENGLISH_ONLY = {"API reference"}
LANGUAGES = ("en", "fr")
# Every page type in every language it exists in: (page type, language).
PAGES = [(page_type, language) for language in LANGUAGES for page_type in PAGE_TYPES if language == "en" or page_type not in ENGLISH_ONLY]


def url_of(page_type, language="en"):
    """The page's address in that language: English where it always was, French under /fr/."""
    with translation.override(language):
        return PAGE_TYPES[page_type]()


def expected_status(page_type):
    return {"not found": 404, "withdrawn entry": 410}.get(page_type, 200)
