"""The drop-downs of the public filters are rendered in Python, and must read exactly as Django's own."""

import pytest
from django import forms
from django.test.html import parse_html

from events.filters import QuickSelect

CHOICES = [("", "Any place"), ("ntillit", "N'Tillit"), ("haroum", "Haroum <river> & co")]


@pytest.mark.parametrize("value", [None, "ntillit", "not-a-choice"])
def test_the_quick_drop_down_renders_the_same_html_as_djangos(value):
    attrs = {"id": "id_place", "aria-describedby": "id_place_helptext", "required": True}

    quick = QuickSelect(choices=CHOICES).render("place", value, attrs=attrs)
    django = forms.Select(choices=CHOICES).render("place", value, attrs=attrs)

    assert parse_html(quick) == parse_html(django)


def test_the_quick_drop_down_escapes_labels():
    html = QuickSelect(choices=CHOICES).render("place", None)

    assert "Haroum &lt;river&gt; &amp; co" in html
