"""The admin's import screens: upload a file, see what importing it would do, confirm.

The preview is the import itself, run and rolled back. Between the two steps the file travels in
the confirmation form, signed (so a changed file is refused) and bound to the reviewer who
previewed it; the confirmation imports it only if it still does exactly what the preview showed.
"""

from django.contrib import admin, messages
from django.core import signing
from django.core.exceptions import PermissionDenied
from django.http import HttpResponseRedirect
from django.template.response import TemplateResponse
from django.urls import reverse
from django.utils.translation import gettext as _

from .forms import ImportUploadForm
from .imports import ImportRefused, PreviewOutdated, import_file, may_import
from .models import ImportBatch

PREVIEW_SALT = "exchange.import-preview"
PREVIEW_MAX_AGE = 60 * 60  # seconds a preview may be confirmed for


@admin.register(ImportBatch)
class ImportBatchAdmin(admin.ModelAdmin):
    list_display = ("file_name", "file_format", "user", "imported_at", "created", "changed", "unchanged")
    list_filter = ("file_format",)
    list_select_related = ("user",)
    search_fields = ("file_name", "reason", "sha256")
    fields = ("file_name", "file_format", "sha256", "user", "imported_at", "reason", "created", "changed", "unchanged", "report")
    upload_template = "admin/exchange/import_upload.html"
    preview_template = "admin/exchange/import_preview.html"

    # Only those who may import see the log, and nobody edits it: it says what happened.

    def has_module_permission(self, request):
        return may_import(request.user)

    def has_view_permission(self, request, obj=None):
        return may_import(request.user)

    def has_add_permission(self, request):
        return may_import(request.user)

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False

    def add_view(self, request, form_url="", extra_context=None):
        if not self.has_add_permission(request):
            raise PermissionDenied
        if request.method == "POST" and "preview" in request.POST:
            return self.confirm(request)
        form = ImportUploadForm(request.POST or None, request.FILES or None)
        if request.method == "POST" and form.is_valid():
            upload = form.cleaned_data
            return self.preview(request, upload["file"].name, upload["file_format"], upload["text"], upload["reason"])
        return self.render(request, self.upload_template, _("Import a file"), form=form)

    def preview(self, request, file_name, file_format, text, reason):
        """What importing the file would do, and the form that confirms it (when it has no bad rows)."""
        try:
            report = import_file(text, file_name=file_name, file_format=file_format, user=request.user, reason=reason, dry_run=True)
        except ImportRefused as refusal:
            return self.render(request, self.preview_template, _("%(name)s cannot be imported") % {"name": file_name}, report=refusal.report)
        payload = {
            "user": request.user.pk,
            "file_name": file_name,
            "file_format": file_format,
            "text": text,
            "reason": reason,
            "digest": report.digest(),
        }
        return self.render(
            request,
            self.preview_template,
            _("Import %(name)s?") % {"name": file_name},
            report=report,
            signed_preview=signing.dumps(payload, salt=PREVIEW_SALT, compress=True) if report.writes_anything else None,
        )

    def confirm(self, request):
        try:
            payload = signing.loads(request.POST["preview"], salt=PREVIEW_SALT, max_age=PREVIEW_MAX_AGE)
        except signing.BadSignature:
            payload = None
        if payload is None or payload["user"] != request.user.pk:
            self.message_user(
                request,
                _(
                    "Nothing was imported: the file on the confirmation page is not the one previewed, or the preview "
                    "is more than an hour old. Upload the file again."
                ),
                messages.ERROR,
            )
            return HttpResponseRedirect(request.path)
        try:
            report = import_file(
                payload["text"],
                file_name=payload["file_name"],
                file_format=payload["file_format"],
                user=request.user,
                reason=payload["reason"],
                previewed_digest=payload["digest"],
            )
        except (PreviewOutdated, ImportRefused):
            self.message_user(
                request,
                _("Nothing was imported: the record changed since the preview. Here is what the import would do now."),
                messages.WARNING,
            )
            return self.preview(request, payload["file_name"], payload["file_format"], payload["text"], payload["reason"])
        self.message_user(
            request,
            _(
                "Imported %(name)s: %(created)s created, %(changed)s changed, %(unchanged)s left alone. What was "
                "created or changed is in review: publish it from each list."
            )
            % {
                "name": payload["file_name"],
                "created": len(report.created),
                "changed": len(report.changed),
                "unchanged": len(report.unchanged),
            },
            messages.SUCCESS,
        )
        return HttpResponseRedirect(reverse("admin:exchange_importbatch_changelist"))

    def render(self, request, template, title, **context):
        return TemplateResponse(
            request,
            template,
            {
                **self.admin_site.each_context(request),
                "title": title,
                "opts": self.opts,
                "app_label": self.opts.app_label,
                **context,
            },
        )
