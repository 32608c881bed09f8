"""Changes to published entries that wait for a reviewer.

The live row stays what the public sees: a pending change is kept here, apart
from it, as the change form's own input, and only a reviewer's approval applies
it to the entry, through the same validated save as any admin save. No public
page reads this table, so nothing proposed can leak.
"""

from django.conf import settings
from django.contrib.contenttypes.fields import GenericForeignKey
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils.translation import gettext_lazy as _


class PendingChangeQuerySet(models.QuerySet):
    def pending(self):
        return self.filter(state=PendingChange.State.PENDING)

    def of(self, entry):
        return self.filter(content_type=ContentType.objects.get_for_model(entry), object_id=entry.pk)


class PendingChange(models.Model):
    class State(models.TextChoices):
        PENDING = "pending", _("Pending review")
        APPROVED = "approved", _("Approved")
        REJECTED = "rejected", _("Rejected")

    class Kind(models.TextChoices):
        EDIT = "edit", _("Edit")
        RESTORE = "restore", _("Restore")

    content_type = models.ForeignKey(ContentType, on_delete=models.PROTECT)
    object_id = models.PositiveBigIntegerField()
    entry = GenericForeignKey("content_type", "object_id")
    kind = models.CharField(max_length=10, choices=Kind.choices, default=Kind.EDIT)
    form_data = models.JSONField(
        default=dict, help_text=_("The change form as it was posted: the entry's fields and its rows (inlines).")
    )
    restore_of = models.PositiveBigIntegerField(
        null=True, blank=True, help_text=_("For a restore: the historical record brought back.")
    )
    changes = models.JSONField(default=dict, help_text=_("What the change does to the published version, as shown."))
    based_on = models.CharField(max_length=200, help_text=_("The edit token of the published version it changes."))
    author = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="proposed_changes")
    reason = models.TextField()
    created = models.DateTimeField(auto_now_add=True)
    state = models.CharField(max_length=10, choices=State.choices, default=State.PENDING)
    reviewer = models.ForeignKey(
        settings.AUTH_USER_MODEL, on_delete=models.PROTECT, null=True, blank=True, related_name="reviewed_changes"
    )
    reviewed = models.DateTimeField(null=True, blank=True)
    review_reason = models.TextField(blank=True)

    objects = PendingChangeQuerySet.as_manager()

    class Meta:
        ordering = ["created", "pk"]
        indexes = [
            # The change form and history of an entry ask for its pending changes.
            models.Index(fields=["content_type", "object_id", "state"], name="pending_change_entry_idx"),
            # The review queue: everything pending, oldest first.
            models.Index(fields=["state", "created"], name="pending_change_queue_idx"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} of {self.content_type.name} #{self.object_id} by {self.author}"

    @property
    def is_pending(self):
        return self.state == self.State.PENDING
