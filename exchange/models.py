"""The log of imports: which file, in which format, by whom, why, and what it did."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportBatch(models.Model):
    class Format(models.TextChoices):
        CLAIMS = "claims", _("Claims CSV")
        ACLED = "acled", _("ACLED-shaped CSV")

    file_name = models.CharField(max_length=255)
    file_format = models.CharField(_("format"), max_length=10, choices=Format.choices)
    sha256 = models.CharField(_("SHA-256 of the file"), max_length=64)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="import_batches")
    reason = models.TextField(blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)
    created = models.PositiveIntegerField(_("entries created"))
    changed = models.PositiveIntegerField(_("entries changed"))
    unchanged = models.PositiveIntegerField(_("entries left alone"))
    report = models.TextField(help_text=_("What the import did, one line per entry."))

    class Meta:
        verbose_name = "import"
        ordering = ["-imported_at", "-pk"]

    def __str__(self):
        return f"{self.file_name} ({self.get_file_format_display()}), {self.imported_at:%Y-%m-%d %H:%M}"
