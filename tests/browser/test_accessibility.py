"""axe-core finds no violations on any kind of public page."""

import pytest

from .conftest import AXE
from .pages import PAGES, expected_status, url_of

pytestmark = pytest.mark.django_db(transaction=True)

AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "best-practice"]


def axe_violations(page):
    # Evaluated by the browser's debugging protocol, which the page's Content-Security-Policy
    # does not govern: a <script> tag added to the page would be refused, rightly.
    page.evaluate(AXE.read_text())
    result = page.evaluate(
        "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations']})", AXE_TAGS
    )
    return result["violations"]


def readable(url, violations):
    lines = [f"{len(violations)} axe violation(s) on {url}:"]
    for violation in violations:
        lines.append(f"- {violation['id']} ({violation['impact']}): {violation['help']}")
        lines.append(f"  {violation['helpUrl']}")
        for node in violation["nodes"][:5]:
            lines.append(f"  at {' '.join(map(str, node['target']))}")
            lines.append(f"     {node['html'][:200]}")
            for line in node.get("failureSummary", "").splitlines():
                lines.append(f"     {line}")
        if len(violation["nodes"]) > 5:
            lines.append(f"  … and {len(violation['nodes']) - 5} more element(s)")
    return "\n".join(lines)


@pytest.mark.parametrize(("page_type", "language"), PAGES)
def test_axe_finds_no_violations(tab, record, page_type, language):
    url = url_of(page_type, language)

    response = tab.goto(url)
    violations = axe_violations(tab)

    assert response.status == expected_status(page_type)
    assert not violations, readable(url, violations)
