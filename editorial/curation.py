"""What every curated entry of the record shares: a slug, an editorial status."""

import functools

from django.db import connections, models
from django.utils.encoding import force_str
from django.utils.hashable import make_hashable
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _


class Status(models.TextChoices):
    DRAFT = "draft", _("Draft")
    REVIEW = "review", _("In review")
    PUBLISHED = "published", _("Published")
    WITHDRAWN = "withdrawn", _("Withdrawn")


HIDDEN_STATUSES = [status for status in Status if status != Status.PUBLISHED]


class CuratedQuerySet(models.QuerySet):
    def published(self):
        """The rows the public may see: the one way public code asks for entries."""
        return self.filter(status=Status.PUBLISHED)

    def hidden(self):
        """The rows the public may not see, asked by their statuses rather than as "not published": an
        index that starts with the status then finds these few without reading every published row
        (a scan of all 100,000 events' index entries for each public claim query before)."""
        return self.filter(status__in=HIDDEN_STATUSES)

    def get_by_natural_key(self, slug):
        return self.get(slug=slug)


CuratedManager = models.Manager.from_queryset(CuratedQuerySet)


class CheckedPerRow(models.Func):
    """SQLite's unary plus: the same value, in a term that SQLite checks on each row it reads but will not seek an
    index with."""

    template = "+%(expressions)s"


def status_checked_per_row(queryset):
    """The same rows, with the status term that published() adds checked on the rows a narrower term finds.

    Without statistics SQLite takes "status = published" for a selective term. Where an index starts with the
    status and holds the list's order, it walks every published entry in that order and checks each against the
    narrow term (a few events of one actor's: 14 ms at 100,000 events, against 0.2 ms read by key and sorted).
    For a term known to find few rows only; the other databases plan with statistics and get the queryset as is.
    """
    if connections[queryset.db].vendor != "sqlite":
        return queryset
    queryset = queryset.all()
    query = queryset.query
    status = queryset.model._meta.get_field("status").get_col(query.base_table)
    query.where = query.where.replace_expressions({status: CheckedPerRow(status)})
    return queryset


class CuratedModel(models.Model):
    slug = models.SlugField(
        max_length=120,
        help_text=_("The entry's permanent name in URLs and fixtures: lowercase letters, digits and hyphens."),
    )
    status = models.CharField(max_length=10, choices=Status.choices, default=Status.DRAFT)

    objects = CuratedManager()

    class Meta:
        abstract = True

    def natural_key(self):
        return (self.slug,)

    @property
    def is_published(self):
        return self.status == Status.PUBLISHED

    def _get_FIELD_display(self, field):
        # Django's get_<field>_display() hashes the field's whole list of choices on each call, translating
        # every label: a list page calls it for each row and column. The same answer from a dict kept per field
        # and language.
        value = getattr(self, field.attname)
        return choice_labels(field, get_language()).get(make_hashable(value), value)


@functools.cache
def choice_labels(field, language):
    """{value: label} of a field's choices, each label said in the language (the one active when called)."""
    return {make_hashable(value): force_str(label) for value, label in field.flatchoices}


def unique_slug(model_name):
    return models.UniqueConstraint(fields=["slug"], name=f"{model_name}_slug_unique")

