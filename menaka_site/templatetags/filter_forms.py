"""{% filter_fields filterset %}: a list's filter fields, rendered once for each distinct way they can look.

Django renders each field through its form renderer, a template for the field and one for its
widget: a quarter of the claims list's rendering. What the fields look like depends only on the
filters (the filterset's class: django-filter makes a new form class for each request), the
language, the address prefix (the suggestion lists' addresses) and what the reader sent and was
told: the values and the errors. So the HTML is kept in this process under all of those, and a
page with the same filters, usually none, reuses it.
"""

from django import template
from django.template.loader import get_template
from django.urls import get_resolver, get_script_prefix, get_urlconf
from django.utils.safestring import mark_safe
from django.utils.translation import get_language

register = template.Library()

# Enough for every form in both languages without filters, and for the filters most often shared.
KEPT = 500
_rendered = {}


@register.simple_tag
def filter_fields(filterset):
    form = filterset.form
    key = looks(type(filterset), form)
    html = _rendered.get(key)
    if html is None:
        html = get_template("includes/filter_fields.html").render({"form": form})
        if len(_rendered) >= KEPT:
            _rendered.clear()
        _rendered[key] = html
    return mark_safe(html)


def looks(filters, form):
    """Everything the form's fields render from, as a key."""
    data = tuple(sorted((name, tuple(values)) for name, values in form.data.lists())) if form.is_bound else None
    errors = tuple((name, tuple(str(error) for error in field_errors)) for name, field_errors in form.errors.items())
    addresses = (get_script_prefix(), get_resolver(get_urlconf()))  # the suggestion lists' addresses
    return (filters, form.prefix, form.auto_id, get_language(), addresses, data, errors)
