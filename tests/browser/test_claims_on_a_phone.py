"""/claims/ on a phone: each claim reads as a card, its figure, claimant and assessment on screen."""

import pytest

pytestmark = pytest.mark.django_db(transaction=True)

PHONE = {"width": 390, "height": 844}


@pytest.mark.parametrize("address", ["/claims/", "/claims/?figures=on&order=-figure"])
def test_on_a_phone_every_claim_shows_its_figure_claimant_and_assessment_without_sideways_scrolling(
    tab, record, address
):
    tab.set_viewport_size(PHONE)
    tab.goto(address)

    assert tab.evaluate("document.documentElement.scrollWidth") <= PHONE["width"]
    rows = tab.locator("table.claims-table tbody tr")
    assert rows.count() > 5
    for label in ("Figure", "Claimant", "Assessment"):
        cells = tab.locator(f'table.claims-table tbody td[data-label="{label}"]')
        assert cells.count() == rows.count(), label
        for index in range(cells.count()):
            cell = cells.nth(index)
            box = cell.bounding_box()
            assert box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"], (label, index, box)
            assert cell.is_visible(), (label, index)
    # A card's figure is the figure a wide screen shows in its column, named by the cell's label.
    first_figure = tab.locator('table.claims-table tbody td[data-label="Figure"]').first
    assert tab.evaluate("cell => getComputedStyle(cell, '::before').content", first_figure.element_handle()) == '"Figure: "'


def test_a_reader_sorts_the_claims_by_claimant_and_back(tab, record):
    tab.goto("/claims/?figures=on")
    tab.get_by_role("link", name="Claimant (sort)").click()
    tab.wait_for_url("**order=claimant**")
    assert tab.locator('table.claims-table th[aria-sort="ascending"]').inner_text().startswith("Claimant")
    ascending = named_claimants(tab)

    tab.get_by_role("link", name="Claimant (sort, reversed)").click()
    tab.wait_for_url("**order=-claimant**")
    assert tab.locator('table.claims-table th[aria-sort="descending"]').inner_text().startswith("Claimant")
    assert len(set(ascending)) > 1 and named_claimants(tab) == ascending[::-1]


def named_claimants(tab):
    """The claimants of the rows shown, in order; a claim with none named (its sources' own voice) comes last."""
    cells = tab.locator('table.claims-table td[data-label="Claimant"]').all_inner_texts()
    return [text for text in cells if "own voice" not in text]
