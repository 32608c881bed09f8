from django import forms
from django.utils.translation import gettext_lazy as _

from .documents import KINDS


class SearchForm(forms.Form):
    q = forms.CharField(label=_("Search the record"), max_length=200, required=False, strip=True)
    type = forms.ChoiceField(
        label=_("Show"), required=False, choices=[("", _("Everything"))] + [(kind.name, kind.label) for kind in KINDS]
    )
    page = forms.IntegerField(min_value=1, max_value=10_000, required=False)

    def __init__(self, *args, **kwargs):
        kwargs.setdefault("label_suffix", "")
        super().__init__(*args, **kwargs)
