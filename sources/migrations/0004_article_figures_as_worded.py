"""The article's figures as its words say them: "over seventy-three" is more than 73, not at least 73.

"73+" (the infobox) summarises the prose's "over seventy-three" and moves with it. "70+" stays at least 70:
the sign alone reads "70 or more", and the prose behind it says "around 70". Rows another editor has since
changed (a different qualifier or bound) are left as they are.
"""

from django.db import migrations

MORE_THAN_73 = ("haroum-killed-isgs-per-jnim", "clashes-killed-isgs-per-jnim")


def to_more_than(apps, schema_editor):
    Claim = apps.get_model("sources", "Claim")
    Claim.objects.filter(slug__in=MORE_THAN_73, qualifier="at_least", value_low=73).update(qualifier="more_than")


def to_at_least(apps, schema_editor):
    Claim = apps.get_model("sources", "Claim")
    Claim.objects.filter(slug__in=MORE_THAN_73, qualifier="more_than", value_low=73).update(qualifier="at_least")


class Migration(migrations.Migration):
    dependencies = [("sources", "0003_claim_wording_dates_supersedes")]

    operations = [migrations.RunPython(to_more_than, to_at_least)]
