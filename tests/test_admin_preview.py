"""Preview: "view on site" shows a draft as the public will see it, to staff only."""

import re

import pytest
from django.test import Client

from events.models import Status
from tests.admin_helpers import admin_url, make_editor
from tests.factories import make_actor, make_claim, make_event, make_place, make_source

pytestmark = pytest.mark.django_db

BUILDERS = [make_event, make_actor, make_place, make_source, make_claim]


@pytest.mark.parametrize("make", BUILDERS, ids=lambda make: make.__name__)
def test_view_on_site_shows_a_draft_to_staff_with_a_preview_banner(client, make):
    client.force_login(make_editor())
    draft = make(status=Status.DRAFT)

    change_form = client.get(admin_url(draft, "change")).content.decode()
    view_on_site = re.search(r'<a href="([^"]+)" class="viewsitelink">', change_form).group(1)
    response = client.get(view_on_site, follow=True)

    assert response.redirect_chain[-1][0].endswith(draft.get_absolute_url())
    assert response.status_code == 200
    assert "Preview: not published (status: Draft)." in response.content.decode()


@pytest.mark.parametrize("make", BUILDERS, ids=lambda make: make.__name__)
def test_a_draft_is_not_found_by_the_public(make):
    draft = make(status=Status.DRAFT)

    assert Client().get(draft.get_absolute_url()).status_code == 404
