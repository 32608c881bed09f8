"""The editorial admin site: Django's, with the review queue on its home page."""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig
from django.utils.translation import gettext_lazy as _


class EditorialAdminSite(admin.AdminSite):
    site_header = _("The Ménaka record: editorial admin")
    site_title = _("The Ménaka record")
    index_title = _("Curate the record")
    index_template = "admin/editorial/index.html"

    def index(self, request, extra_context=None):
        from . import queue  # reads the models, which are not ready when the site is made

        context = {
            "review_queue": queue.review_queue(self, request.user),
            "status_counts": queue.status_counts(self),
            "own_drafts": queue.own_drafts(self, request.user),
            "own_proposals": queue.own_proposals(self, request.user),
            "recent_changes": queue.recent_changes(self),
            **(extra_context or {}),
        }
        return super().index(request, context)


class EditorialAdminConfig(AdminConfig):
    """Django's admin (``admin.site``), made an EditorialAdminSite: settings name this in INSTALLED_APPS."""

    default_site = "editorial.sites.EditorialAdminSite"
