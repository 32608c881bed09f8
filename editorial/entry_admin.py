"""What the admin of every curated entry shares.

Every save carries a reason into the history; only reviewers publish or
withdraw; an editor's change to a published entry waits for a reviewer as a
pending change, and the public keeps seeing the published version until it is
approved; entries that have been published are withdrawn, never deleted; the
history page shows what changed at each revision, compares and restores any of
them; and the edit token on each change form refuses a save that would
overwrite what someone else saved or proposed since the form was opened.
"""

import copy
import json

from django import forms
from django.conf import settings
from django.contrib import admin, messages
from django.contrib.admin import helpers
from django.contrib.admin.utils import model_ngettext, unquote
from django.contrib.auth import get_user_model
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.db import models, router, transaction
from django.db.models import OuterRef, Subquery
from django.http import Http404, HttpResponseRedirect, QueryDict
from django.shortcuts import get_object_or_404
from django.template.response import TemplateResponse
from django.urls import path, resolve, reverse
from django.utils import timezone, translation
from django.utils.datastructures import MultiValueDict
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from simple_history.admin import SimpleHistoryAdmin

from . import pending, revisions, roles
from .curation import CuratedModel, Status
from .models import PendingChange

SAVE_FIELDS = ("reason", "edit_token")
# Django 6 makes https the scheme a bare "example.org" gets; opt in now, as editors expect.
URL_FIELDS_ASSUME_HTTPS = {models.URLField: {"assume_scheme": "https"}}

# What a status action says it did, and what it left alone, by the status it moves entries to.
MOVED = {
    Status.REVIEW: gettext_lazy("%(count)s %(entries)s submitted for review%(along)s."),
    Status.PUBLISHED: gettext_lazy("%(count)s %(entries)s published%(along)s."),
    Status.WITHDRAWN: gettext_lazy("%(count)s %(entries)s withdrawn%(along)s."),
}
# The reason a status action records in each revision when the editor gives none: stored with the record, in
# the record's language, like the reasons editors type.
RECORDED_AS = {Status.REVIEW: "Submitted for review", Status.PUBLISHED: "Published", Status.WITHDRAWN: "Withdrawn"}
LEFT_AS_THEY_WERE = {
    Status.REVIEW: gettext_lazy(
        "%(count)s %(entries)s left as they were: only entries that are %(allowed)s can be submitted for review."
    ),
    Status.PUBLISHED: gettext_lazy(
        "%(count)s %(entries)s left as they were: only entries that are %(allowed)s can be published."
    ),
    Status.WITHDRAWN: gettext_lazy(
        "%(count)s %(entries)s left as they were: only entries that are %(allowed)s can be withdrawn."
    ),
}


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
        status.error_messages["invalid_choice"] = _(
            "Only reviewers can publish or withdraw an entry, or change the status of a published one."
        )


class EntryForm(StatusRuleMixin, forms.ModelForm):
    reason = forms.CharField(
        label=gettext_lazy("Reason for this change"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 2}),
        help_text=gettext_lazy("Saved in the history with your name. Required when the entry is published."),
    )
    edit_token = forms.CharField(required=False, widget=forms.HiddenInput)

    row_sets = ()  # the tables edited on the same page (inlines): set by the admin

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if self.instance.pk is None:
            return
        if self.instance.status == Status.PUBLISHED:
            self.fields["reason"].required = True
            self.fields["reason"].error_messages["required"] = _(
                "This entry is published: say why you change it, for the history."
            )
            if not roles.can_publish(self.editor, self._meta.model):
                self.fields["reason"].help_text = _(
                    "This entry is published: your change goes to a reviewer with this reason, and the public "
                    "keeps seeing the published version until it is approved."
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
        withdrawing = cleaned_data.get("status") == Status.WITHDRAWN and self.initial.get("status") != Status.WITHDRAWN
        if withdrawing and not cleaned_data.get("reason", "").strip():
            self.add_error("reason", _("Say why the entry is withdrawn: the reason stays in its history."))
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
                _(
                    "This form does not say which revision of the %(kind)s it was opened on. Check the entry's "
                    "history for recent changes, then save again."
                )
                % {"kind": name}
            )
        raise ValidationError(
            [
                _(
                    "Someone else changed this %(kind)s since you opened it, or proposed a change to it, so your "
                    "changes are not saved yet. "
                    "They are still in the form below: compare them with what changed, then save again."
                )
                % {"kind": name},
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
            elif form.has_changed() and form.initial.get("status") == Status.PUBLISHED:
                if not roles.can_publish(self.form.editor, self.model):
                    raise ValidationError(
                        f"“{entry}” is published: change it on its own page, where your change goes to a reviewer."
                    )
                if not self.change_reason:
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


class InlineRows(helpers.InlineAdminFormSet):
    """An inline whose button reads as an editor says it: "Add another participant", not "Participant"."""

    def inline_formset_data(self):
        data = json.loads(super().inline_formset_data())
        data["options"]["addText"] = _("Add another %(kind)s") % {"kind": self.opts.verbose_name}
        return json.dumps(data, cls=DjangoJSONEncoder)


class EntryAdmin(SimpleHistoryAdmin):
    form = EntryForm
    formfield_overrides = URL_FIELDS_ASSUME_HTTPS
    actions = ("submit_for_review", "publish", "withdraw")
    list_per_page = 50
    change_form_template = "admin/editorial/change_form.html"
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

    def related_entries(self, entry):
        """Entries that go to review and publication together with this one: none, unless an admin says so."""
        return []

    def get_form(self, request, obj=None, change=False, **kwargs):
        form = super().get_form(request, obj, change=change, **kwargs)
        form.editor = request.user
        form.row_sets = self.row_sets()
        return form

    def get_inline_formsets(self, request, formsets, inline_instances, obj=None):
        inline_formsets = super().get_inline_formsets(request, formsets, inline_instances, obj)
        for inline_formset in inline_formsets:
            inline_formset.__class__ = InlineRows
        return inline_formsets

    def get_fieldsets(self, request, obj=None):
        fieldsets = [
            (name, {**options, "fields": [f for f in options["fields"] if f not in SAVE_FIELDS]})
            for name, options in super().get_fieldsets(request, obj)
        ]
        return [*fieldsets, (None, {"fields": SAVE_FIELDS})]

    # Saving: directly, or, for an editor's change to a published entry, as a change proposed for review.

    def goes_to_review(self, request, entry):
        """Whether this user's change to this entry waits for a reviewer: an editor's change to a published entry."""
        if entry.pk is None or roles.can_publish(request.user, self.model) or getattr(request, "previewing", False):
            return False
        return self.model._default_manager.filter(pk=entry.pk, status=Status.PUBLISHED).exists()

    def save_model(self, request, obj, form, change):
        if change and self.goes_to_review(request, obj):
            return
        obj._change_reason = form.cleaned_data["reason"]
        super().save_model(request, obj, form, change)

    def save_related(self, request, form, formsets, change):
        if change and self.goes_to_review(request, form.instance):
            request.proposed_change = self.propose(request, form, formsets)
            return
        super().save_related(request, form, formsets, change)

    def save_formset(self, request, form, formset, change):
        for row_form in formset.forms:
            row_form.instance._change_reason = form.cleaned_data["reason"]
            row_form.instance._history_user = request.user
        super().save_formset(request, form, formset, change)

    def propose(self, request, form, formsets):
        """Keep the validated form as a pending change, without touching the entry; None if it changes nothing."""
        changes, row_changes = pending.proposed_changes(form, formsets, self.row_sets())
        if not changes and not row_changes:
            return None
        return PendingChange.objects.create(
            entry=form.instance,
            form_data={key: values for key, values in request.POST.lists() if key != "csrfmiddlewaretoken"},
            changes=revisions.as_json(changes, row_changes),
            based_on=revisions.content_token(form.instance, self.row_sets()),
            author=request.user,
            reason=form.cleaned_data["reason"],
        )

    def construct_change_message(self, request, form, formsets, add=False):
        if hasattr(request, "proposed_change"):
            return []  # the inlines were not saved: the log says what was proposed instead
        return super().construct_change_message(request, form, formsets, add)

    def log_change(self, request, obj, message):
        if hasattr(request, "proposed_change"):
            message = "Proposed a change for review." if request.proposed_change else "Saved without changes."
        return super().log_change(request, obj, message)

    def response_change(self, request, obj):
        if getattr(request, "approving", False):
            return HttpResponseRedirect(request.path)
        if not hasattr(request, "proposed_change"):
            return super().response_change(request, obj)
        proposal = request.proposed_change
        if proposal is None:
            self.message_user(request, _("Nothing was changed, so nothing goes to review."), messages.INFO)
            return HttpResponseRedirect(self.url("change", obj.pk))
        self.message_user(
            request,
            _(
                "Your change to the %(kind)s “%(entry)s” waits for a reviewer. The public keeps seeing "
                "the published version until it is approved."
            )
            % {"kind": self.opts.verbose_name, "entry": obj},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(self.proposal_url(proposal))

    def change_view(self, request, object_id, form_url="", extra_context=None):
        entry = self.get_object(request, unquote(object_id))
        proposals = []
        if entry is not None:
            proposals = list(PendingChange.objects.of(entry).pending().select_related("author"))
        context = {
            "pending_changes": [
                (proposal, self.proposal_url(proposal), self.url("preview", entry.pk, proposal.pk)) for proposal in proposals
            ],
            "goes_to_review": entry is not None and self.goes_to_review(request, entry),
            **(extra_context or {}),
        }
        return super().change_view(request, object_id, form_url, context)

    def has_delete_permission(self, request, obj=None):
        return super().has_delete_permission(request, obj) and (
            obj is None or not roles.was_ever_published(obj)
        )

    def has_publish_permission(self, request):
        return roles.can_publish(request.user, self.model)

    def url(self, view, *args):
        return reverse(f"admin:{self.opts.app_label}_{self.opts.model_name}_{view}", args=args)

    def proposal_url(self, proposal):
        return self.url("proposal", proposal.object_id, proposal.pk)

    def get_urls(self):
        name = f"{self.opts.app_label}_{self.opts.model_name}"
        wrap = self.admin_site.admin_view
        return [
            path("<path:object_id>/proposals/<int:proposal_id>/", wrap(self.proposal_view), name=f"{name}_proposal"),
            path("<path:object_id>/compare/", wrap(self.compare_view), name=f"{name}_compare"),
            path("<path:object_id>/publish/", wrap(self.publish_view), name=f"{name}_publish"),
            path(
                "<path:object_id>/proposals/<int:proposal_id>/preview/",
                wrap(self.preview_view),
                name=f"{name}_preview",
            ),
            *super().get_urls(),
        ]

    def page_context(self, request, entry, title):
        return {
            **self.admin_site.each_context(request),
            "title": title,
            "opts": self.opts,
            "app_label": self.opts.app_label,
            "module_name": capfirst(self.opts.verbose_name_plural),
            "object": entry,
        }

    # Pending changes: a reviewer approves (the change goes live as a new revision) or rejects them, with a reason.

    def proposal_view(self, request, object_id, proposal_id):
        entry = self.get_entry_or_404(request, object_id)
        if not self.has_view_or_change_permission(request, entry):
            raise PermissionDenied
        proposal = PendingChange.objects.of(entry).filter(pk=proposal_id).select_related("author", "reviewer").first()
        if proposal is None:
            raise Http404(_("No such pending change."))
        may_review = proposal.is_pending and roles.can_publish(request.user, self.model)
        rejection_error = ""
        if request.method == "POST":
            if not may_review:
                raise PermissionDenied
            if "approve" in request.POST:
                return self.approve(request, entry, proposal)
            review_reason = request.POST.get("review_reason", "").strip()
            if review_reason:
                return self.reject(request, entry, proposal, review_reason)
            rejection_error = _("Say why the change is rejected: the editor and the history keep the reason.")
        context = {
            **self.page_context(request, entry, _("Change proposed to %(kind)s “%(entry)s”") % self.naming(entry)),
            "proposal": proposal,
            "changes": revisions.proposal_field_changes(proposal),
            "row_changes": revisions.proposal_row_changes(proposal),
            "may_review": may_review,
            "rejection_error": rejection_error,
            "preview_url": self.url("preview", entry.pk, proposal.pk) if proposal.is_pending else "",
            "stale": proposal.is_pending and revisions.content_token(entry, self.row_sets()) != proposal.based_on,
        }
        return TemplateResponse(request, "admin/editorial/proposal.html", context)

    def approve(self, request, entry, proposal):
        with transaction.atomic(using=router.db_for_write(self.model)):
            proposal = PendingChange.objects.select_for_update().get(pk=proposal.pk)
            if not proposal.is_pending:
                self.message_user(request, _("This change has been reviewed already."), messages.WARNING)
                return HttpResponseRedirect(request.path)
            revisions.lock(entry, self.row_sets())
            moved = self.changes_since_proposed(entry, proposal)
            if moved:
                self.message_user(
                    request,
                    _(
                        "Not approved: the %(kind)s changed after this change was proposed, so applying "
                        "it would overwrite what was saved since. Reject it with a reason; the editor can propose it "
                        "again on the current version. Saved since: %(since)s"
                    )
                    % {"kind": self.opts.verbose_name, "since": " ".join(moved)},
                    messages.ERROR,
                )
                return HttpResponseRedirect(request.path)
            refusal = self.apply(request, entry, proposal)
            if refusal:
                transaction.set_rollback(True)
                self.message_user(request, _("Not approved: %(refusal)s") % {"refusal": refusal}, messages.ERROR)
                return HttpResponseRedirect(request.path)
            proposal.state = PendingChange.State.APPROVED
            proposal.reviewer, proposal.reviewed = request.user, timezone.now()
            proposal.save()
        self.message_user(
            request, _("Approved: the change by %(author)s is published now.") % {"author": proposal.author.get_username()}
        )
        return HttpResponseRedirect(self.url("history", entry.pk))

    def preview_view(self, request, object_id, proposal_id):
        """The public page as it will read once the change is approved: applied, rendered, and rolled back."""
        entry = self.get_entry_or_404(request, object_id)
        if not self.has_view_or_change_permission(request, entry):
            raise PermissionDenied
        proposal = get_object_or_404(PendingChange.objects.of(entry).pending(), pk=proposal_id)
        previewing = copy.copy(request)
        previewing.previewing = True
        with transaction.atomic(using=router.db_for_write(self.model)):
            refusal = self.apply(previewing, entry, proposal)
            if refusal:
                transaction.set_rollback(True)
                self.message_user(request, _("No preview: %(refusal)s") % {"refusal": refusal}, messages.ERROR)
                return HttpResponseRedirect(self.proposal_url(proposal))
            entry.refresh_from_db()
            page = resolve(entry.get_absolute_url())
            previewing.method, previewing.GET, previewing.POST = "GET", QueryDict(), QueryDict()
            response = page.func(previewing, *page.args, **page.kwargs)
            if hasattr(response, "render"):
                response.render()
            transaction.set_rollback(True)
        response["Cache-Control"] = "private, no-store"
        return response

    def changes_since_proposed(self, entry, proposal):
        token = f"{proposal.based_on}.{revisions.latest_proposal(entry)}"
        return revisions.changes_since(entry, self.row_sets(), token) if token != self.current_token(entry) else []

    def current_token(self, entry):
        return revisions.edit_token(entry, self.row_sets())

    def apply(self, request, entry, proposal):
        """Save the proposed change as the reviewer, through the admin's own validated save; the reason if refused."""
        reason = f"{proposal.reason} (proposed by {proposal.author.get_username()})"
        if proposal.kind == PendingChange.Kind.RESTORE:
            entry_revisions = revisions.revisions_of(entry, self.revision_row_sets())
            revision = next((r for r in entry_revisions if r.record.history_id == proposal.restore_of), None)
            if revision is None:
                return "the revision to restore is no longer in the history."
            try:
                revisions.restore(
                    entry, revision, self.revision_row_sets(), user=request.user, may_remove_rows=True, reason=reason
                )
            except revisions.RestoreRefused as refusal:
                return str(refusal)
            return ""
        data = QueryDict(mutable=True)
        for key, values in proposal.form_data.items():
            data.setlist(key, values)
        data["reason"] = reason
        data["edit_token"] = self.current_token(entry)
        replay = copy.copy(request)
        replay.method, replay.POST, replay.approving = "POST", data, True
        # Pending changes carry no files; set them so that reading FILES does not parse the body again over POST.
        replay._files = MultiValueDict()
        response = self.changeform_view(replay, str(entry.pk))
        if response.status_code == 302:
            return ""
        errors = [str(error) for error in response.context_data["errors"] if str(error)]
        return "the change no longer passes the checks of the form: " + " ".join(errors)

    def reject(self, request, entry, proposal, review_reason):
        with transaction.atomic(using=router.db_for_write(self.model)):
            proposal = PendingChange.objects.select_for_update().get(pk=proposal.pk)
            if proposal.is_pending:
                proposal.state = PendingChange.State.REJECTED
                proposal.reviewer, proposal.reviewed, proposal.review_reason = request.user, timezone.now(), review_reason
                proposal.save()
        self.message_user(
            request,
            _("Rejected: the change by %(author)s stays in the history with your reason.")
            % {"author": proposal.author.get_username()},
        )
        return HttpResponseRedirect(self.url("history", entry.pk))

    # The review workflow, as actions on the list.

    @admin.action(description=gettext_lazy("Submit selected %(verbose_name_plural)s for review"))
    def submit_for_review(self, request, queryset):
        self.move(request, queryset, Status.REVIEW, [Status.DRAFT], along=True)

    @admin.action(description=gettext_lazy("Publish selected %(verbose_name_plural)s"), permissions=["publish"])
    def publish(self, request, queryset):
        from_statuses = [Status.DRAFT, Status.REVIEW, Status.WITHDRAWN]
        self.move(request, queryset, Status.PUBLISHED, from_statuses=from_statuses)

    @admin.action(description=gettext_lazy("Withdraw selected %(verbose_name_plural)s"), permissions=["publish"])
    def withdraw(self, request, queryset):
        reason = request.POST.get("withdraw_reason", "").strip()
        if not reason:
            context = {
                **self.admin_site.each_context(request),
                "title": _("Withdraw %(entries)s?") % {"entries": model_ngettext(self.opts, queryset.count())},
                "opts": self.opts,
                "entries": queryset,
                "asked": "withdraw_reason" in request.POST,
                "action_checkbox_name": helpers.ACTION_CHECKBOX_NAME,
            }
            return TemplateResponse(request, "admin/editorial/withdraw_confirmation.html", context)
        self.move(request, queryset, Status.WITHDRAWN, from_statuses=[Status.PUBLISHED], reason=reason)

    def move(self, request, queryset, status, from_statuses, reason=None, along=False):
        selected = list(queryset.values_list("pk", flat=True))
        moved, moved_along = 0, []
        with transaction.atomic(using=router.db_for_write(self.model)):
            for entry in self.model._default_manager.select_for_update().filter(pk__in=selected).order_by("pk"):
                if entry.status in from_statuses:
                    move_entry(entry, status, reason or f"{RECORDED_AS[status]} (admin action)", request.user)
                    moved += 1
                    if along:
                        moved_along += self.move_related(request, entry, status, from_statuses)
        if moved:
            along_text = (
                _(", with %(count)s related: %(names)s") % {"count": len(moved_along), "names": ", ".join(moved_along)}
                if moved_along
                else ""
            )
            counted = {"count": moved, "entries": model_ngettext(self.opts, moved), "along": along_text}
            self.message_user(request, MOVED[status] % counted, messages.SUCCESS)
        left = len(selected) - moved
        if left:
            allowed = _(" or ").join(Status(s).label.lower() for s in from_statuses)
            counted = {"count": left, "entries": model_ngettext(self.opts, left), "allowed": allowed}
            self.message_user(request, LEFT_AS_THEY_WERE[status] % counted, messages.WARNING)

    def move_related(self, request, entry, status, from_statuses):
        """Take the entry's related drafts along (to review, or published with it); their names, as moved."""
        moved = []
        for related in self.related_entries(entry):
            if related.status not in from_statuses or status not in roles.statuses_allowed(request.user, type(related), related.status):
                continue
            with translation.override(settings.LANGUAGE_CODE):  # a French editor's action is recorded in English too
                reason = f"{RECORDED_AS[status]} with {self.opts.verbose_name} “{entry}” (admin action)"
            move_entry(related, status, reason, request.user)
            moved.append(_("%(kind)s “%(entry)s”") % {"kind": type(related)._meta.verbose_name, "entry": related})
        return moved

    def publish_view(self, request, object_id):
        """From the review queue: publish an entry in review, alone or with the related entries in review."""
        entry = self.get_entry_or_404(request, object_id)
        if request.method != "POST" or not roles.can_publish(request.user, self.model):
            raise PermissionDenied
        chosen = self.model._default_manager.filter(pk=entry.pk)
        self.move(request, chosen, Status.PUBLISHED, [Status.REVIEW], along="together" in request.POST)
        return HttpResponseRedirect(reverse("admin:index"))

    # History: every revision with what changed, comparing and restoring them.

    def history_view(self, request, object_id, extra_context=None):
        entry = self.get_entry_or_404(request, object_id)
        if not self.has_view_or_change_permission(request, entry):
            raise PermissionDenied
        entry_revisions = revisions.revisions_of(entry, self.revision_row_sets())
        proposals = PendingChange.objects.of(entry).select_related("author", "reviewer").order_by("-created", "-pk")
        context = {
            **self.page_context(request, entry, _("History of %(kind)s “%(entry)s”") % self.naming(entry)),
            "revisions": entry_revisions[::-1],
            "proposals": [(proposal, self.proposal_url(proposal)) for proposal in proposals],
            "can_restore": self.has_change_permission(request, entry),
            **(extra_context or {}),
        }
        return TemplateResponse(request, self.object_history_template, context)

    def compare_view(self, request, object_id):
        """Any two revisions, named by ?older= and ?newer= (their ids): what changed from the older to the newer."""
        entry = self.get_entry_or_404(request, object_id)
        if not self.has_view_or_change_permission(request, entry):
            raise PermissionDenied
        by_id = {str(r.record.history_id): r for r in revisions.revisions_of(entry, self.revision_row_sets())}
        chosen = [by_id.get(request.GET.get(name, "")) for name in ("older", "newer")]
        if None in chosen:
            raise Http404(_("Choose two revisions of this entry to compare."))
        older, newer = sorted(chosen, key=lambda r: r.number)
        changes, row_changes = revisions.compare(older, newer)
        context = {
            **self.page_context(
                request,
                entry,
                _("Revisions %(older)s and %(newer)s of %(kind)s “%(entry)s”")
                % {"older": older.number, "newer": newer.number, **self.naming(entry)},
            ),
            "older": older,
            "newer": newer,
            "changes": changes,
            "row_changes": row_changes,
        }
        return TemplateResponse(request, "admin/editorial/compare.html", context)

    def history_form_view(self, request, object_id, version_id, extra_context=None):
        """One revision as it was, with its rows; POST restores it."""
        entry = self.get_entry_or_404(request, object_id)
        if not self.has_view_or_change_permission(request, entry):
            raise PermissionDenied
        entry_revisions = revisions.revisions_of(entry, self.revision_row_sets())
        revision = next((r for r in entry_revisions if str(r.record.history_id) == version_id), None)
        if revision is None:
            raise Http404(_("No such revision."))
        if request.method == "POST":
            if not self.has_change_permission(request, entry):
                raise PermissionDenied
            if request.POST.get("confirmed") == "yes":
                return self.restore(request, entry, revision)
            return self.confirm_restore(request, entry, entry_revisions, revision)
        past = revision.record
        context = {
            **self.page_context(
                request, entry, _("Revision %(number)s of %(kind)s “%(entry)s”") % {"number": revision.number, **self.naming(entry)}
            ),
            "revision": revision,
            "is_latest": revision is entry_revisions[-1],
            "latest": entry_revisions[-1],
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
            **self.page_context(
                request,
                entry,
                _("Restore revision %(number)s of %(kind)s “%(entry)s”?") % {"number": revision.number, **self.naming(entry)},
            ),
            "revision": revision,
            "changes": changes,
            "row_changes": row_changes,
            "status_choices": self.restore_status_choices(request, entry),
            "goes_to_review": self.goes_to_review(request, entry),
        }
        return TemplateResponse(request, self.restore_confirmation_template, context)

    def restore_status_choices(self, request, entry):
        """The statuses a restore may leave the entry in: the current one first, others only for reviewers."""
        current = Status(entry.status)
        if not roles.can_publish(request.user, self.model):
            return [current]
        return [current] + [status for status in Status if status != current]

    def restore(self, request, entry, revision):
        if self.goes_to_review(request, entry):
            return self.propose_restore(request, entry, revision)
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
            self.message_user(
                request,
                _("Revision %(number)s was not restored: %(refusal)s") % {"number": revision.number, "refusal": refusal},
                messages.ERROR,
            )
            return HttpResponseRedirect(request.path)
        self.message_user(request, _("%(reason)s: it is the latest revision now, and every earlier one is kept.") % {"reason": reason})
        self.message_user(request, _("The status is “%(status)s”.") % {"status": status.label}, messages.INFO)
        return HttpResponseRedirect(self.url("history", entry.pk))

    def propose_restore(self, request, entry, revision):
        """An editor's restore of a published entry: a pending change like any other, for a reviewer to approve."""
        entry_revisions = revisions.revisions_of(entry, self.revision_row_sets())
        changes, row_changes = revisions.restore_preview(entry_revisions, revision)
        proposal = PendingChange.objects.create(
            entry=entry,
            kind=PendingChange.Kind.RESTORE,
            restore_of=revision.record.history_id,
            changes=revisions.as_json(changes, row_changes),
            based_on=revisions.content_token(entry, self.row_sets()),
            author=request.user,
            reason=revisions.restore_reason(revision),
        )
        self.message_user(
            request,
            _(
                "The restore of revision %(number)s waits for a reviewer. The public keeps seeing the published "
                "version until it is approved."
            )
            % {"number": revision.number},
            messages.SUCCESS,
        )
        return HttpResponseRedirect(self.proposal_url(proposal))

    def naming(self, entry):
        return {"kind": self.opts.verbose_name, "entry": entry}

    def get_entry_or_404(self, request, object_id):
        entry = self.get_object(request, unquote(object_id))
        if entry is None:
            raise Http404(_("No %(kind)s with this id.") % {"kind": self.opts.verbose_name})
        return entry


def move_entry(entry, status, reason, user):
    entry.status = status
    entry._change_reason = reason
    entry._history_user = user
    entry.save()
