"""What the admin of every curated entry shares.

Every save carries a reason into the history; only reviewers publish or
withdraw; entries that have been published are withdrawn, never deleted; the
history page shows what changed at each revision and restores any of them; and
the edit token on each change form refuses a save that would overwrite what
someone else saved since the form was opened.
"""

from django import forms
from django.contrib import admin, messages
from django.contrib.admin.utils import model_ngettext, unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import models, router, transaction
from django.db.models import OuterRef, Subquery
from django.http import Http404, HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.functional import cached_property
from django.utils.text import capfirst
from simple_history.admin import SimpleHistoryAdmin

from . import revisions, roles
from .curation import CuratedModel, Status

SAVE_FIELDS = ("reason", "edit_token")
# Django 6 makes https the scheme a bare "example.org" gets; opt in now, as editors expect.
URL_FIELDS_ASSUME_HTTPS = {models.URLField: {"assume_scheme": "https"}}


class StatusRuleMixin:
    """Offers only the statuses the person filling the form may set, and refuses any other."""

    editor = None  # the user filling the form: set by the admin for each request

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        status = self.fields.get("status")
        if status is None:
            return
        current = self.instance.status if self.instance.pk else None
        allowed = roles.statuses_allowed(self.editor, self._meta.model, current)
        status.choices = [(value, label) for value, label in status.choices if value in allowed]
        status.error_messages["invalid_choice"] = (
            "Only reviewers can publish or withdraw an entry, or change the status of a published one."
        )


class EntryForm(StatusRuleMixin, forms.ModelForm):
    reason = forms.CharField(
        label="Reason for this change",
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text="Saved in the history with your name. Required when the entry is published.",
    )
    edit_token = forms.CharField(required=False, widget=forms.HiddenInput)

    row_sets = ()  # the tables edited on the same page (inlines): set by the admin

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            return
        if self.instance.status == Status.PUBLISHED:
            self.fields["reason"].required = True
            self.fields["reason"].error_messages["required"] = (
                "This entry is published: say why you change it, for the history."
            )
        if not self.is_bound:
            self.initial["edit_token"] = revisions.edit_token(self.instance, self.row_sets)

    @cached_property
    def changed_data(self):
        # The reason and the token travel with every save: they are not changes to the entry,
        # and the admin's own log ("Changed title and wording.") should not list them.
        return [name for name in super().changed_data if name not in SAVE_FIELDS]

    def clean(self):
        cleaned_data = super().clean()
        if self.instance.pk is not None:
            self.refuse_if_saved_since_opened()
        return cleaned_data

    def refuse_if_saved_since_opened(self):
        # The admin saves inside a transaction: the lock holds until this save is written.
        revisions.lock(self.instance, self.row_sets)
        token_name = self.add_prefix("edit_token")
        changes = revisions.changes_since(self.instance, self.row_sets, self.data.get(token_name, ""))
        if changes == []:
            return
        # Saving the form again, once reconciled, applies it over what is now there.
        self.data = self.data.copy()
        self.data[token_name] = revisions.edit_token(self.instance, self.row_sets)
        name = self._meta.model._meta.verbose_name
        if changes is None:
            raise ValidationError(
                f"This form does not say which revision of the {name} it was opened on. Check the entry's "
                "history for recent changes, then save again."
            )
        raise ValidationError(
            [
                f"Someone else changed this {name} since you opened it, so your changes are not saved yet. "
                "They are still in the form below: compare them with what changed, then save again.",
                *changes,
            ]
        )


class InlineEntryForm(StatusRuleMixin, forms.ModelForm):
    pass


class EntryInlineFormSet(forms.BaseInlineFormSet):
    """Entries edited within another (the claims about an event) keep the rules of entries."""

    change_reason = ""  # the reason typed on the parent's form: set by the inline for each request

    def clean(self):
        super().clean()
        for form in self.initial_forms:
            entry = form.instance
            if self.can_delete and self._should_delete_form(form):
                if roles.was_ever_published(entry):
                    raise ValidationError(f"“{entry}” has been published, so it stays in the record: withdraw it instead.")
            elif form.has_changed() and form.initial.get("status") == Status.PUBLISHED and not self.change_reason:
                raise ValidationError(f"“{entry}” is published: give a reason for this change.")


class RowInline(admin.TabularInline):
    """Rows that belong to an entry and are part of its revisions: its participants, places, citations."""

    extra = 0

    def get_queryset(self, request):
        # Each row is labelled with its __str__, which names the rows it points to.
        related = [field.name for field in self.model._meta.concrete_fields if field.is_relation]
        return super().get_queryset(request).select_related(*related)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None
            or roles.can_publish(request.user, self.parent_model)
            or not roles.was_ever_published(obj)
        )


class EntryInline(admin.TabularInline):
    """Entries edited on their parent's page: each keeps its own revisions, status and rules."""

    formfield_overrides = URL_FIELDS_ASSUME_HTTPS

    form = InlineEntryForm
    formset = EntryInlineFormSet
    extra = 0
    show_change_link = True

    def get_formset(self, request, obj=None, **kwargs):
        formset = super().get_formset(request, obj, **kwargs)
        formset.form.editor = request.user
        formset.change_reason = request.POST.get("reason", "").strip()
        return formset


class EntryAdmin(SimpleHistoryAdmin):
    form = EntryForm
    formfield_overrides = URL_FIELDS_ASSUME_HTTPS
    actions = ("submit_for_review", "publish", "withdraw")
    list_per_page = 50
    object_history_template = "admin/editorial/entry_history.html"
    revision_template = "admin/editorial/revision.html"
    restore_confirmation_template = "admin/editorial/restore_confirmation.html"

    def get_queryset(self, request):
        history = self.model.history.model.objects.filter(id=OuterRef("pk")).order_by("-history_date", "-history_id")
        username = f"history_user__{get_user_model().USERNAME_FIELD}"
        return (
            super()
            .get_queryset(request)
            .annotate(
                last_changed_at=Subquery(history.values("history_date")[:1]),
                last_changed_by=Subquery(history.values(username)[:1]),
            )
        )

    @admin.display(description="last change", ordering="last_changed_at")
    def last_change(self, entry):
        return entry.last_changed_at

    @admin.display(description="by", ordering="last_changed_by")
    def changed_by(self, entry):
        return entry.last_changed_by

    def row_sets(self):
        """Every table edited on the change page: they all take part in the edit token."""
        return [
            revisions.RowSet(
                model=inline.model,
                fk_name=inline.fk_name,
                label=capfirst(inline.verbose_name_plural or inline.model._meta.verbose_name_plural),
                is_entry=issubclass(inline.model, CuratedModel),
            )
            for inline in self.inlines
        ]

    def revision_row_sets(self):
        """The tables whose rows are part of the entry's revisions (not entries with revisions of their own)."""
        return [row_set for row_set in self.row_sets() if not row_set.is_entry]

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.editor = request.user
        form.row_sets = self.row_sets()
        return form

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (name, {**options, "fields": [f for f in options["fields"] if f not in SAVE_FIELDS]})
            for name, options in super().get_fieldsets(request, obj)
        ]
        return [*fieldsets, (None, {"fields": SAVE_FIELDS})]

    def save_model(self, request, obj, form, change):
        obj._change_reason = form.cleaned_data["reason"]
        super().save_model(request, obj, form, change)

    def save_formset(self, request, form, formset, change):
        for row_form in formset.forms:
            row_form.instance._change_reason = form.cleaned_data["reason"]
            row_form.instance._history_user = request.user
        super().save_formset(request, form, formset, change)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or not roles.was_ever_published(obj)
        )

    def has_publish_permission(self, request):
        return roles.can_publish(request.user, self.model)

    # The review workflow, as actions on the list.

    @admin.action(description="Submit selected %(verbose_name_plural)s for review")
    def submit_for_review(self, request, queryset):
        self.move(request, queryset, Status.REVIEW, from_statuses=[Status.DRAFT], done="submitted for review")

    @admin.action(description="Publish selected %(verbose_name_plural)s", permissions=["publish"])
    def publish(self, request, queryset):
        from_statuses = [Status.DRAFT, Status.REVIEW, Status.WITHDRAWN]
        self.move(request, queryset, Status.PUBLISHED, from_statuses=from_statuses, done="published")

    @admin.action(description="Withdraw selected %(verbose_name_plural)s", permissions=["publish"])
    def withdraw(self, request, queryset):
        self.move(request, queryset, Status.WITHDRAWN, from_statuses=[Status.PUBLISHED], done="withdrawn")

    def move(self, request, queryset, status, from_statuses, done):
        selected = list(queryset.values_list("pk", flat=True))
        moved = 0
        with transaction.atomic(using=router.db_for_write(self.model)):
            for entry in self.model._default_manager.select_for_update().filter(pk__in=selected).order_by("pk"):
                if entry.status in from_statuses:
                    entry.status = status
                    entry._change_reason = f"{capfirst(done)} (admin action)"
                    entry._history_user = request.user
                    entry.save()
                    moved += 1
        if moved:
            self.message_user(request, f"{moved} {model_ngettext(self.opts, moved)} {done}.", messages.SUCCESS)
        left = len(selected) - moved
        if left:
            allowed = " or ".join(Status(s).label.lower() for s in from_statuses)
            self.message_user(
                request,
                f"{left} {model_ngettext(self.opts, left)} left as they were: only entries that are {allowed} "
                f"can be {done}.",
                messages.WARNING,
            )

    # History: every revision with what changed, and restore.

    def history_view(self, request, object_id, extra_context=None):
        entry = self.get_entry_or_404(request, object_id)
        if not self.has_view_or_change_permission(request, entry):
            raise PermissionDenied
        entry_revisions = revisions.revisions_of(entry, self.revision_row_sets())
        context = {
            **self.admin_site.each_context(request),
            "title": f"History of {self.opts.verbose_name} “{entry}”",
            "opts": self.opts,
            "app_label": self.opts.app_label,
            "module_name": capfirst(self.opts.verbose_name_plural),
            "object": entry,
            "revisions": entry_revisions[::-1],
            "can_restore": self.has_change_permission(request, entry),
            **(extra_context or {}),
        }
        return TemplateResponse(request, self.object_history_template, context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """One revision as it was, with its rows; POST restores it."""
        entry = self.get_entry_or_404(request, object_id)
        if not self.has_view_or_change_permission(request, entry):
            raise PermissionDenied
        entry_revisions = revisions.revisions_of(entry, self.revision_row_sets())
        revision = next((r for r in entry_revisions if str(r.record.history_id) == version_id), None)
        if revision is None:
            raise Http404("No such revision.")
        if request.method == "POST":
            if not self.has_change_permission(request, entry):
                raise PermissionDenied
            if request.POST.get("confirmed") == "yes":
                return self.restore(request, entry, revision)
            return self.confirm_restore(request, entry, entry_revisions, revision)
        past = revision.record
        context = {
            **self.admin_site.each_context(request),
            "title": f"Revision {revision.number} of {self.opts.verbose_name} “{entry}”",
            "opts": self.opts,
            "app_label": self.opts.app_label,
            "module_name": capfirst(self.opts.verbose_name_plural),
            "object": entry,
            "revision": revision,
            "is_latest": revision is entry_revisions[-1],
            "fields": [
                (capfirst(field.verbose_name), revisions.display_value(field, revisions.value_of(past, field)))
                for field in revisions.recorded_fields(self.model)
                if not field.primary_key
            ],
            "can_restore": self.has_change_permission(request, entry),
            **(extra_context or {}),
        }
        return TemplateResponse(request, self.revision_template, context)

    def confirm_restore(self, request, entry, entry_revisions, revision):
        """The page between "Restore" and the restore: what it will change, and that the status stays."""
        changes, row_changes = revisions.restore_preview(entry_revisions, revision)
        context = {
            **self.admin_site.each_context(request),
            "title": f"Restore revision {revision.number} of {self.opts.verbose_name} “{entry}”?",
            "opts": self.opts,
            "app_label": self.opts.app_label,
            "module_name": capfirst(self.opts.verbose_name_plural),
            "object": entry,
            "revision": revision,
            "changes": changes,
            "row_changes": row_changes,
            "status_choices": self.restore_status_choices(request, entry),
        }
        return TemplateResponse(request, self.restore_confirmation_template, context)

    def restore_status_choices(self, request, entry):
        """The statuses a restore may leave the entry in: the current one first, others only for reviewers."""
        current = Status(entry.status)
        if not roles.can_publish(request.user, self.model):
            return [current]
        return [current] + [status for status in Status if status != current]

    def restore(self, request, entry, revision):
        choices = self.restore_status_choices(request, entry)
        status = next((s for s in choices if s == request.POST.get("status")), choices[0])
        may_remove_rows = roles.can_publish(request.user, self.model) or not roles.was_ever_published(entry)
        try:
            reason = revisions.restore(
                entry,
                revision,
                self.revision_row_sets(),
                user=request.user,
                may_remove_rows=may_remove_rows,
                status=status,
            )
        except revisions.RestoreRefused as refusal:
            self.message_user(request, f"Revision {revision.number} was not restored: {refusal}", messages.ERROR)
            return HttpResponseRedirect(request.path)
        self.message_user(request, f"{reason}: it is the latest revision now, and every earlier one is kept.")
        self.message_user(request, f"The status is “{status.label}”.", messages.INFO)
        return HttpResponseRedirect(reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_history", args=[entry.pk]))

    def get_entry_or_404(self, request, object_id):
        entry = self.get_object(request, unquote(object_id))
        if entry is None:
            raise Http404(f"No {self.opts.verbose_name} with this id.")
        return entry
