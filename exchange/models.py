"""The log of imports: which file, in which format, by whom, why, and what it did."""

from django.conf import settings
from django.db import models


class ImportBatch(models.Model):
    class Format(models.TextChoices):
        CLAIMS = "claims", "Claims CSV"
        ACLED = "acled", "ACLED-shaped CSV"

    file_name = models.CharField(max_length=255)
    file_format = models.CharField("format", max_length=10, choices=Format.choices)
    sha256 = models.CharField("SHA-256 of the file", max_length=64)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, on_delete=models.PROTECT, related_name="import_batches")
    reason = models.TextField(blank=True)
    imported_at = models.DateTimeField(auto_now_add=True)
    created = models.PositiveIntegerField("entries created")
    changed = models.PositiveIntegerField("entries changed")
    unchanged = models.PositiveIntegerField("entries left alone")
    report = models.TextField(help_text="What the import did, one line per entry.")

    class Meta:
        verbose_name = "import"
        ordering = ["-imported_at", "-pk"]

    def __str__(self):
        return f"{self.file_name} ({self.get_file_format_display()}), {self.imported_at:%Y-%m-%d %H:%M}"
