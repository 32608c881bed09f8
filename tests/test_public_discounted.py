"""A discounted claim says so, and why, wherever the public reads its figure."""

import pytest
from django.urls import reverse

from sources.models import Claim
from tests.factories import make_claim, make_event

pytestmark = pytest.mark.django_db

REASON = "No other source reports a fight at Inekar that week."


@pytest.fixture
def discounted():
    event = make_event(slug="december-2022-menaka-region-clashes", title="December 2022 Ménaka region clashes")
    return make_claim(
        event=event, wording="300 killed", assessment=Claim.Assessment.DISCOUNTED, assessment_reason=REASON
    )


def test_the_claim_page_says_the_claim_is_discounted_and_why(client, discounted):
    page = client.get(discounted.get_absolute_url()).content.decode()

    assert "Discounted</span>: " + REASON in page


def test_the_infobox_says_a_figure_is_discounted_and_why(client, discounted):
    page = client.get(reverse("overview")).content.decode()

    infobox = page.split('<aside class="infobox"', 1)[1].split("</aside>", 1)[0]
    assert "300 killed</a> <span class=\"assessment assessment-discounted\">(discounted: " + REASON + ")</span>" in infobox
