from django.urls import path

from editorial.feeds import EntryHistoryFeed
from editorial.views import entry_history, entry_revision

from . import exports, figures, views
from .models import Claim, Source
from .public import public_claims

# Pages, in the reader's language: menaka_site/urls.py serves them at these addresses and under /fr/.
urlpatterns = [
    path("", views.overview, name="overview"),
    path("events/<slug:slug>/dossier/", views.dossier, name="event-dossier"),
    path("sources/", views.SourceListView.as_view(), name="source-list"),
    path("sources/<slug:slug>/", views.source_detail, name="source-detail"),
    path("sources/<slug:slug>/history/", entry_history, {"model": Source}, name="source-history"),
    path("sources/<slug:slug>/history/<int:revision>/", entry_revision, {"model": Source}, name="source-revision"),
    path("claims/", views.ClaimListView.as_view(), name="claim-list"),
    path("figures/", figures.figures, name="figures"),
    path("claims/<slug:slug>/", views.claim_detail, name="claim-detail"),
    path("claims/<slug:slug>/history/", entry_history, {"model": Claim, "public_entries": public_claims}, name="claim-history"),
    path(
        "claims/<slug:slug>/history/<int:revision>/",
        entry_revision,
        {"model": Claim, "public_entries": public_claims},
        name="claim-revision",
    ),
]

# Files and feeds: one address each, whatever the reader's language.
file_urlpatterns = [
    path("claims.csv", exports.ClaimExportView.as_view(), name="claim-export"),
    path("sources/<slug:slug>/history.atom", EntryHistoryFeed(), {"model": Source}, name="source-history-feed"),
    path(
        "claims/<slug:slug>/history.atom",
        EntryHistoryFeed(),
        {"model": Claim, "public_entries": public_claims},
        name="claim-history-feed",
    ),
]
