"""What was said about it: sources, the claims they carry, and the citations between them."""

from django.core.exceptions import ValidationError
from django.db import models
from django.db.models import F, Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from editorial.curation import CuratedModel, Status, unique_slug
from editorial.entry_urls import entry_url
from events.models import Actor, Event, Place


class Source(CuratedModel):
    """Where a statement was published; the fields follow Wikipedia's "cite web"."""

    class Kind(models.TextChoices):
        ENCYCLOPEDIA = "encyclopedia", _("Encyclopedia article")
        NEWS_ARTICLE = "news_article", _("News article")
        GROUP_STATEMENT = "group_statement", _("Statement by an armed group")
        INTERVIEW = "interview", _("Interview")
        REPORT = "report", _("Report")
        OTHER = "other", _("Other")

    title = models.CharField(max_length=300, verbose_name=_("title"))
    kind = models.CharField(max_length=20, choices=Kind.choices, verbose_name=_("kind"))
    publisher = models.CharField(max_length=200, blank=True, verbose_name=_("publisher"))
    author = models.CharField(max_length=200, blank=True, verbose_name=_("author"))
    publication_date = models.DateField(
        null=True, blank=True, help_text=_("Empty when not known."), verbose_name=_("publication date")
    )
    url = models.URLField(_("URL"), max_length=500, blank=True, help_text=_("Empty when not known: never a guess."))
    access_date = models.DateField(null=True, blank=True, verbose_name=_("access date"))
    archive_url = models.URLField(_("archive URL"), max_length=500, blank=True)
    language = models.CharField(
        max_length=35, blank=True, help_text=_("A language tag such as en or fr."), verbose_name=_("language")
    )
    notes = models.TextField(blank=True, verbose_name=_("notes"))

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("source")
        verbose_name_plural = _("sources")
        ordering = ["title"]
        constraints = [unique_slug("source")]
        indexes = [
            # The source list and the API's, by title: read in order, not every source sorted for each page.
            models.Index(fields=["title", "id"], name="source_title_idx"),
        ]

    def __str__(self):
        return f"{self.title} ({self.publisher})" if self.publisher else self.title

    def get_absolute_url(self):
        return entry_url("source-detail", self.slug)


class Claim(CuratedModel):
    """One statement about an event or actor, attributed to whoever made it."""

    class Kind(models.TextChoices):
        KILLED = "killed", _("Killed")
        WOUNDED = "wounded", _("Wounded")
        DISPLACED = "displaced", _("Displaced")
        STRENGTH = "strength", _("Strength")
        DISTANCE = "distance", _("Distance")
        OUTCOME = "outcome", _("Outcome")
        OCCURRED = "occurred", _("Occurred")
        PERPETRATOR = "perpetrator", _("Perpetrator")
        COMMANDER = "commander", _("Commander")
        OTHER = "other", _("Other")

    class Qualifier(models.TextChoices):
        EXACT = "exact", _("exactly")
        ABOUT = "about", _("about")
        AT_LEAST = "at_least", _("at least")
        AT_MOST = "at_most", _("at most")
        MORE_THAN = "more_than", _("more than")
        FEWER_THAN = "fewer_than", _("fewer than")
        BETWEEN = "between", _("between")
        VAGUE = "vague", _("a magnitude in words")
        UNKNOWN = "unknown", _("unknown")
        NOT_A_FIGURE = "", _("not a figure")

    class Magnitude(models.TextChoices):
        """A figure given only as a word ("dozens of fighters"): shown as that word, bounded as the editor reads it."""

        SEVERAL = "several", _("several")
        DOZENS = "dozens", _("dozens")
        SCORES = "scores", _("scores")
        HUNDREDS = "hundreds", _("hundreds")
        THOUSANDS = "thousands", _("thousands")

    class DatePrecision(models.TextChoices):
        DAY = "day", _("Day")
        MONTH = "month", _("Month")
        YEAR = "year", _("Year")

    class Unit(models.TextChoices):
        PEOPLE = "people", _("people")
        FIGHTERS = "fighters", _("fighters")
        CIVILIANS = "civilians", _("civilians")
        HOUSEHOLDS = "households", _("households")
        KILOMETRES = "kilometres", _("kilometres")

    class Assessment(models.TextChoices):
        CORROBORATED = "corroborated", _("Corroborated")
        REPORTED = "reported", _("Reported")
        ALLEGED = "alleged", _("Alleged")
        CONTESTED = "contested", _("Contested")
        DISCOUNTED = "discounted", _("Discounted")

    kind = models.CharField(max_length=20, choices=Kind.choices, verbose_name=_("kind"))
    statement = models.CharField(
        max_length=300,
        help_text=_(
            "The claim in one plain sentence, attributed where it is someone's claim: “ISGS claims to have killed "
            "100 JNIM fighters”, not “ISGS killed 100 JNIM fighters”. Lists and feeds show it as it is written."
        ),
        verbose_name=_("statement"),
    )
    event = models.ForeignKey(
        Event,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="claims",
        help_text=_("The event it is about."),
        verbose_name=_("event"),
    )
    actor = models.ForeignKey(
        Actor,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="claims_about",
        help_text=_("The actor it is about: the commander named, the alleged perpetrator."),
        verbose_name=_("actor"),
    )
    party = models.ForeignKey(
        Actor,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="claims_affecting",
        help_text=_("The party affected: whose fighters died, whose strength is given."),
        verbose_name=_("party"),
    )
    place = models.ForeignKey(
        Place,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="claims",
        help_text=_("Where the claim is limited to one place (“in Haroum alone”)."),
        verbose_name=_("place"),
    )
    qualifier = models.CharField(max_length=10, choices=Qualifier.choices, blank=True, verbose_name=_("qualifier"))
    magnitude = models.CharField(
        max_length=10,
        choices=Magnitude.choices,
        blank=True,
        help_text=_("Only for “a magnitude in words”: the word said (“dozens”); the bounds are how the editors read it."),
        verbose_name=_("magnitude"),
    )
    value_low = models.PositiveIntegerField(_("lower bound"), null=True, blank=True)
    value_high = models.PositiveIntegerField(_("upper bound"), null=True, blank=True)
    unit = models.CharField(max_length=20, choices=Unit.choices, blank=True, verbose_name=_("unit"))
    wording = models.TextField(_("original wording"), help_text=_("Exactly as published: “73+”, “~700”, “around 70”."))
    claimant = models.ForeignKey(
        Actor,
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="claims_made",
        help_text=_("Who makes the claim. Empty when the source states it in its own voice."),
        verbose_name=_("claimant"),
    )
    sources = models.ManyToManyField(
        Source, through="Citation", related_name="claims", blank=True, verbose_name=_("sources")
    )
    stated_on = models.DateField(
        _("stated on"),
        null=True,
        blank=True,
        help_text=_("When the claimant made it; empty when not known. A month or a year is stored as its first day."),
    )
    stated_on_precision = models.CharField(
        _("precision of “stated on”"), max_length=5, choices=DatePrecision.choices, blank=True
    )
    as_of = models.DateField(
        _("figure as of"),
        null=True,
        blank=True,
        help_text=_("For a figure: the date it holds as of, when the source says so."),
    )
    as_of_precision = models.CharField(
        _("precision of “as of”"), max_length=5, choices=DatePrecision.choices, blank=True
    )
    assessment = models.CharField(
        max_length=20, choices=Assessment.choices, default=Assessment.REPORTED, verbose_name=_("assessment")
    )
    assessment_reason = models.TextField(blank=True, verbose_name=_("assessment reason"))
    restates = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="restatements",
        verbose_name=_("same allegation as"),
        help_text=_("Another claim this one restates in other words."),
    )
    supersedes = models.ForeignKey(
        "self",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="superseded_by",
        help_text=_("An earlier claim this one revises or corrects (a toll raised by its claimant); the earlier one stays."),
        verbose_name=_("supersedes"),
    )

    history = HistoricalRecords()

    class Meta:
        verbose_name = _("claim")
        verbose_name_plural = _("claims")
        ordering = ["event__start_date", "event__title", "kind", "slug"]
        constraints = [
            unique_slug("claim"),
            models.CheckConstraint(
                condition=Q(event__isnull=False) | Q(actor__isnull=False),
                name="claim_is_about_something",
            ),
            models.CheckConstraint(
                condition=Q(value_low__isnull=True) | Q(value_high__isnull=True) | Q(value_low__lte=F("value_high")),
                name="claim_bounds_in_order",
            ),
            models.CheckConstraint(
                condition=(
                    Q(qualifier__in=["", "unknown"], value_low__isnull=True, value_high__isnull=True)
                    | Q(qualifier__in=["exact", "about"], value_low__isnull=False, value_high=F("value_low"))
                    | Q(qualifier__in=["at_least", "more_than"], value_low__isnull=False, value_high__isnull=True)
                    | Q(qualifier__in=["at_most", "fewer_than"], value_low__isnull=True, value_high__isnull=False)
                    | Q(qualifier="between", value_low__isnull=False, value_high__isnull=False)
                    | Q(qualifier="vague") & (Q(value_low__isnull=False) | Q(value_high__isnull=False))
                ),
                name="claim_value_fits_qualifier",
            ),
            models.CheckConstraint(
                condition=Q(qualifier="vague", magnitude__gt="") | (~Q(qualifier="vague") & Q(magnitude="")),
                name="claim_magnitude_only_when_vague",
            ),
            models.CheckConstraint(
                condition=Q(stated_on__isnull=True, stated_on_precision="")
                | Q(stated_on__isnull=False, stated_on_precision__gt=""),
                name="claim_stated_on_has_precision",
            ),
            models.CheckConstraint(
                condition=Q(as_of__isnull=True, as_of_precision="")
                | (Q(as_of__isnull=False, as_of_precision__gt="") & ~Q(qualifier="")),
                name="claim_as_of_is_for_figures",
            ),
            models.CheckConstraint(condition=~Q(supersedes=F("pk")), name="claim_does_not_supersede_itself"),
        ]
        indexes = [
            # An event page groups its claims by kind.
            models.Index(fields=["event", "kind"], name="claim_event_kind_idx"),
        ]

    def __str__(self):
        return self.statement

    def get_absolute_url(self):
        return entry_url("claim-detail", self.slug)

    def natural_key(self):
        return (self.slug,)

    natural_key.dependencies = ["events.event", "events.actor", "events.place"]

    def clean(self):
        errors = {}
        if not self.event_id and not self.actor_id:
            errors["event"] = _("A claim must be about an event or an actor.")
        if self.value_low is not None and self.value_high is not None and self.value_low > self.value_high:
            errors["value_high"] = _("The upper bound cannot be below the lower bound.")
        shape_error = self._value_shape_error()
        if shape_error and "value_high" not in errors:
            errors["qualifier"] = shape_error
        if self.qualifier == self.Qualifier.VAGUE and not self.magnitude:
            errors["magnitude"] = _("Give the word said (“dozens”, “hundreds”) for a magnitude in words.")
        elif self.qualifier != self.Qualifier.VAGUE and self.magnitude:
            errors["magnitude"] = _("Only a magnitude in words has a word; choose that qualifier or clear the word.")
        for date_field in ("stated_on", "as_of"):
            if (getattr(self, date_field) is None) != (not getattr(self, f"{date_field}_precision")):
                errors[f"{date_field}_precision"] = _("Give a precision with the date, and none without one.")
        if self.as_of is not None and self.qualifier == self.Qualifier.NOT_A_FIGURE:
            errors["as_of"] = _("Only a figure holds “as of” a date.")
        if self.supersedes_id is not None and self.supersedes_id == self.pk:
            errors["supersedes"] = _("A claim cannot supersede itself.")
        if errors:
            raise ValidationError(errors)

    def _value_shape_error(self):
        low, high, q = self.value_low, self.value_high, self.qualifier
        if q in (self.Qualifier.NOT_A_FIGURE, self.Qualifier.UNKNOWN):
            if low is None and high is None:
                return None
            return _("A claim whose figure is “%(qualifier)s” has no bounds.") % {"qualifier": self.get_qualifier_display()}
        if q in (self.Qualifier.EXACT, self.Qualifier.ABOUT):
            return None if low is not None and high == low else _("Give the figure as both bounds (the same number).")
        if q == self.Qualifier.AT_LEAST:
            return None if low is not None and high is None else _("“At least” takes a lower bound only.")
        if q == self.Qualifier.MORE_THAN:
            return None if low is not None and high is None else _("“More than” takes a lower bound only (“over 73”: 73).")
        if q == self.Qualifier.AT_MOST:
            return None if low is None and high is not None else _("“At most” takes an upper bound only.")
        if q == self.Qualifier.FEWER_THAN:
            return None if low is None and high is not None else _("“Fewer than” takes an upper bound only (“under 50”: 50).")
        if q == self.Qualifier.VAGUE:
            return None if low is not None or high is not None else _("Give the bounds you read in the word (“dozens”: 24 and 99, or 24 alone).")
        return None if low is not None and high is not None else _("“Between” takes both bounds.")

    @property
    def has_figure(self):
        return self.value_low is not None or self.value_high is not None


class CitationQuerySet(models.QuerySet):
    def get_by_natural_key(self, claim_slug, source_slug):
        return self.get(claim__slug=claim_slug, source__slug=source_slug)

    def published(self):
        return self.filter(claim__status=Status.PUBLISHED, source__status=Status.PUBLISHED)


class Citation(models.Model):
    claim = models.ForeignKey(Claim, on_delete=models.CASCADE, related_name="citations", verbose_name=_("claim"))
    source = models.ForeignKey(Source, on_delete=models.PROTECT, related_name="citations", verbose_name=_("source"))
    quote = models.TextField(
        blank=True, help_text=_("The passage of the source that carries the claim."), verbose_name=_("quote")
    )
    locator = models.CharField(
        max_length=200,
        blank=True,
        help_text=_("Where in the source: a section, a page, an infobox row."),
        verbose_name=_("locator"),
    )

    objects = CitationQuerySet.as_manager()
    history = HistoricalRecords()

    class Meta:
        verbose_name = _("citation")
        verbose_name_plural = _("citations")
        ordering = ["claim", "source__title"]
        constraints = [models.UniqueConstraint(fields=["claim", "source"], name="citation_unique")]

    def __str__(self):
        return f"{self.source} for “{self.claim}”"

    def natural_key(self):
        return (self.claim.slug, self.source.slug)

    natural_key.dependencies = ["sources.claim", "sources.source"]
