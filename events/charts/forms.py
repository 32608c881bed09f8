"""What a reader may ask of the timeline and the map in the address: checked, never trusted."""

from decimal import Decimal, InvalidOperation

from django import forms
from django.utils.translation import gettext_lazy as _

from .periods import Period
from .place_map import Area


class ChartForm(forms.Form):
    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)


class TimelineForm(ChartForm):
    period = forms.CharField(
        required=False,
        max_length=21,
        help_text=_("A year (2022), a month (2022-12), a day (2022-12-03) or years (2010-2019)."),
    )
    within = forms.SlugField(required=False, max_length=120, label=_("Part of"), widget=forms.HiddenInput)

    def clean_period(self):
        text = self.cleaned_data["period"].strip()
        if not text:
            return None
        try:
            return Period.parse(text)
        except ValueError as error:
            raise forms.ValidationError(str(error)) from None


class MapForm(ChartForm):
    bbox = forms.CharField(
        required=False,
        max_length=80,
        label=_("Area"),
        help_text=_("West, south, east and north edges in decimal degrees, e.g. 0,15,3,17."),
    )

    def clean_bbox(self):
        text = self.cleaned_data["bbox"].strip()
        if not text:
            return None
        try:
            west, south, east, north = (Decimal(part) for part in text.split(","))
        except (ValueError, InvalidOperation):
            raise forms.ValidationError(_("Give four numbers separated by commas: west, south, east, north.")) from None
        if not all(edge.is_finite() for edge in (west, south, east, north)):
            raise forms.ValidationError(_("Each edge is a number of degrees."))
        if not (-180 <= west < east <= 180):
            raise forms.ValidationError(_("West and east are longitudes from -180 to 180, west first."))
        if not (-90 <= south < north <= 90):
            raise forms.ValidationError(_("South and north are latitudes from -90 to 90, south first."))
        return Area(west=west, south=south, east=east, north=north)
