"""Helpers for the admin tests: editorial users, admin URLs, and the data a change form posts back."""

import datetime

from django.contrib.auth.models import Group
from django.urls import reverse

from editorial.roles import EDITORS, REVIEWERS
from tests.factories import make_user


def make_editor(**fields):
    return _member_of(EDITORS, **fields)


def make_reviewer(**fields):
    return _member_of(REVIEWERS, **fields)


def _member_of(group_name, **fields):
    user = make_user(is_staff=True, **fields)
    user.groups.add(Group.objects.get(name=group_name))
    return user


def admin_url(model_or_obj, view, *args):
    opts = model_or_obj._meta
    if view in ("change", "history", "delete", "simple_history", "proposal", "preview", "compare", "publish"):
        args = (model_or_obj.pk, *args)
    return reverse(f"admin:{opts.app_label}_{opts.model_name}_{view}", args=args)


def revision_url(obj, record):
    return admin_url(obj, "simple_history", record.history_id)


def form_data(response):
    """What a browser posts back from an admin add or change form when nothing is touched."""
    data = {}
    _add_form(data, response.context["adminform"].form)
    for inline in response.context["inline_admin_formsets"]:
        _add_form(data, inline.formset.management_form)
        for form in inline.formset.forms:
            _add_form(data, form)
    return data


def _add_form(data, form):
    for name in form.fields:
        value = form[name].value()
        key = form.add_prefix(name)
        if value is None or value is False:
            continue
        if value is True:
            data[key] = "on"
        elif isinstance(value, datetime.date):
            data[key] = value.isoformat()
        elif isinstance(value, (list, tuple)):
            data[key] = [str(item) for item in value]
        else:
            data[key] = str(value)


def inline_prefix(response, model):
    for inline in response.context["inline_admin_formsets"]:
        if inline.formset.model is model:
            return inline.formset.prefix
    raise LookupError(f"No inline for {model.__name__} on this page.")


def error_messages(response):
    """Every error the admin form page shows, as text."""
    texts = []
    form = response.context["adminform"].form
    for errors in form.errors.values():
        texts.extend(errors)
    for inline in response.context["inline_admin_formsets"]:
        texts.extend(inline.formset.non_form_errors())
        for errors in inline.formset.errors:
            for field_errors in errors.values():
                texts.extend(field_errors)
    return texts


def page_messages(response):
    return [str(message) for message in response.context["messages"]]


def sign_in(client, username, password):
    """Sign in through the admin's form, as a person does (django-axes watches this path)."""
    response = client.post(reverse("admin:login"), {"username": username, "password": password, "next": "/admin/"})
    return response.status_code == 302
