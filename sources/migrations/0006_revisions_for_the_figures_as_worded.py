"""A revision for each claim that migration 0004 corrected, so that its corrections log says what changed and why.

0004 changed the rows with ``update()``, which django-simple-history does not see: on an install that had the
article loaded before it, the two claims' latest revisions still say "at least 73" while the claims say "more
than 73". This writes the revision 0004 left out, only where the latest revision disagrees with the row, so it
adds nothing on a fresh install (the fixture is loaded after the migrations, already corrected).
"""

from django.db import migrations
from django.utils import timezone

MORE_THAN_73 = ("haroum-killed-isgs-per-jnim", "clashes-killed-isgs-per-jnim")
REASON = "“Over seventy-three” is more than 73, not at least 73: the qualifier now says what the article says"


def record_the_correction(apps, schema_editor):
    Claim = apps.get_model("sources", "Claim")
    HistoricalClaim = apps.get_model("sources", "HistoricalClaim")
    fields = [field.attname for field in Claim._meta.concrete_fields]
    for claim in Claim.objects.filter(slug__in=MORE_THAN_73, qualifier="more_than"):
        latest = HistoricalClaim.objects.filter(id=claim.pk).order_by("-history_date", "-history_id").first()
        if latest is None or latest.qualifier == claim.qualifier:
            continue
        HistoricalClaim.objects.create(
            **{name: getattr(claim, name) for name in fields},
            history_date=timezone.now(),
            history_type="~",
            history_change_reason=REASON,
        )


class Migration(migrations.Migration):
    dependencies = [("sources", "0005_translatable_verbose_names")]

    # Backwards there is nothing to undo: the revision records a change that 0004's reverse undoes in its own way.
    operations = [migrations.RunPython(record_the_correction, migrations.RunPython.noop)]
