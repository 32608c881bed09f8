"""The editorial admin site: Django's, with the review queue on its home page."""

from django.contrib import admin
from django.contrib.admin.apps import AdminConfig


class EditorialAdminSite(admin.AdminSite):
    site_header = "The Ménaka record: editorial admin"
    site_title = "The Ménaka record"
    index_title = "Curate the record"
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
