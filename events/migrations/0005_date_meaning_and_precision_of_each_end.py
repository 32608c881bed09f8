from django.db import migrations, models
from django.db.models import Q


def precision_to_each_end(apps, schema_editor):
    """The one precision of the dates becomes each known end's; an unknown date gets none. Every past version too."""
    for model_name in ("Event", "HistoricalEvent"):
        events = apps.get_model("events", model_name).objects
        events.filter(start_date__isnull=False).update(start_precision=models.F("date_precision"))
        events.filter(end_date__isnull=False).update(end_precision=models.F("date_precision"))


def precision_from_the_start(apps, schema_editor):
    """Back to one precision: the start's, else the end's, else day (the old default)."""
    for model_name in ("Event", "HistoricalEvent"):
        events = apps.get_model("events", model_name).objects
        events.filter(~Q(start_precision="")).update(date_precision=models.F("start_precision"))
        events.filter(start_precision="").filter(~Q(end_precision="")).update(date_precision=models.F("end_precision"))



class Migration(migrations.Migration):

    dependencies = [
        ('events', '0004_timeline_and_map_indexes'),
    ]

    operations = [
        migrations.AddField(
            model_name='event',
            name='date_meaning',
            field=models.CharField(choices=[('lasted', 'It lasted from the start to the end'), ('within', 'It happened sometime between the start and the end')], default='lasted', help_text="“Fighting lasted until 10 December” lasted; “a jet was alleged to have flown over during the battle” happened at a moment nobody dated, sometime within the battle's days.", max_length=6, verbose_name='the dates say'),
        ),
        migrations.AddField(
            model_name='event',
            name='end_precision',
            field=models.CharField(blank=True, choices=[('day', 'Day'), ('month', 'Month'), ('year', 'Year'), ('approximate', 'Approximate')], help_text='How precisely the end is known. Empty exactly when the end date is.', max_length=12),
        ),
        migrations.AddField(
            model_name='event',
            name='start_precision',
            field=models.CharField(blank=True, choices=[('day', 'Day'), ('month', 'Month'), ('year', 'Year'), ('approximate', 'Approximate')], help_text='How precisely the start is known: “sometime in September” is a month, not 1 September. Empty exactly when the start date is.', max_length=12),
        ),
        migrations.AddField(
            model_name='historicalevent',
            name='date_meaning',
            field=models.CharField(choices=[('lasted', 'It lasted from the start to the end'), ('within', 'It happened sometime between the start and the end')], default='lasted', help_text="“Fighting lasted until 10 December” lasted; “a jet was alleged to have flown over during the battle” happened at a moment nobody dated, sometime within the battle's days.", max_length=6, verbose_name='the dates say'),
        ),
        migrations.AddField(
            model_name='historicalevent',
            name='end_precision',
            field=models.CharField(blank=True, choices=[('day', 'Day'), ('month', 'Month'), ('year', 'Year'), ('approximate', 'Approximate')], help_text='How precisely the end is known. Empty exactly when the end date is.', max_length=12),
        ),
        migrations.AddField(
            model_name='historicalevent',
            name='start_precision',
            field=models.CharField(blank=True, choices=[('day', 'Day'), ('month', 'Month'), ('year', 'Year'), ('approximate', 'Approximate')], help_text='How precisely the start is known: “sometime in September” is a month, not 1 September. Empty exactly when the start date is.', max_length=12),
        ),
        migrations.RunPython(precision_to_each_end, precision_from_the_start, elidable=False),
        migrations.RemoveField(
            model_name='event',
            name='date_precision',
        ),
        migrations.RemoveField(
            model_name='historicalevent',
            name='date_precision',
        ),
        migrations.AddConstraint(
            model_name='event',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('start_date__isnull', True), ('start_precision', '')), models.Q(('start_date__isnull', False), ('start_precision__in', ['day', 'month', 'year', 'approximate'])), _connector='OR'), name='event_start_precision_iff_start_date'),
        ),
        migrations.AddConstraint(
            model_name='event',
            constraint=models.CheckConstraint(condition=models.Q(models.Q(('end_date__isnull', True), ('end_precision', '')), models.Q(('end_date__isnull', False), ('end_precision__in', ['day', 'month', 'year', 'approximate'])), _connector='OR'), name='event_end_precision_iff_end_date'),
        ),
        migrations.AddConstraint(
            model_name='event',
            constraint=models.CheckConstraint(condition=models.Q(('date_meaning__in', ['lasted', 'within'])), name='event_date_meaning_valid'),
        ),
    ]
