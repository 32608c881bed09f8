"""Imports of batches of events and claims: one module per file format, what they share in ``base``.

Who may import: reviewers (and superusers), since an import writes entries of every kind at once and
only reviewers hold the publish permission of every curated model. Imported entries are in review,
never published: a reviewer publishes them afterwards, as any other entry.
"""

import hashlib

from django.db import router, transaction

from editorial import roles
from events.models import Actor, Event, Place
from sources.models import Claim, Source

from .acled import AcledImport
from .base import BadRow, ImportRefused, Report
from .claims import ClaimsImport

__all__ = ["FORMATS", "BadRow", "ImportRefused", "PreviewOutdated", "Report", "import_file", "may_import"]

FORMATS = {"claims": ClaimsImport, "acled": AcledImport}
FORMAT_LABELS = {"claims": "The record's claims CSV (as /claims.csv writes it)", "acled": "An ACLED-shaped CSV file"}


def may_import(user):
    return user.is_active and all(roles.can_publish(user, model) for model in (Actor, Place, Event, Source, Claim))


class PreviewOutdated(Exception):
    """The import would now do something else than its preview showed: the record changed in between."""

    def __init__(self, report):
        self.report = report
        super().__init__("The record changed since the preview: nothing was imported.")


def import_file(text, *, file_name, file_format, user, reason="", dry_run=False, previewed_digest=None):
    """Import a file's text, or with ``dry_run`` only say what importing it would do; return the report.

    Raises ImportRefused when any row is bad, and PreviewOutdated when ``previewed_digest`` (a
    preview's ``Report.digest()``) no longer describes what the import does; either way nothing is
    written. A real import that writes anything is logged as an ImportBatch, in the same transaction.
    """
    from ..models import ImportBatch

    importer = FORMATS[file_format](file_name, user, reason)
    with transaction.atomic(using=router.db_for_write(ImportBatch)):
        report = importer.run(text, dry_run=dry_run)
        if previewed_digest is not None and report.digest() != previewed_digest:
            raise PreviewOutdated(report)
        if not dry_run and report.writes_anything:
            ImportBatch.objects.create(
                file_name=file_name,
                file_format=file_format,
                sha256=hashlib.sha256(text.encode()).hexdigest(),
                user=user,
                reason=importer.reason,
                created=len(report.created),
                changed=len(report.changed),
                unchanged=len(report.unchanged),
                report="\n".join(report.lines()),
            )
    return report
