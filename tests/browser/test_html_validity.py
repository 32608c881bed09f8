"""The Nu Html Checker finds no errors on any kind of public page.

All pages are saved first and checked in one Java run: starting the checker costs
seconds, checking a page milliseconds.
"""

import json
import subprocess
from pathlib import Path

import pytest

from .conftest import VNU
from .pages import PAGES, expected_status, url_of

pytestmark = pytest.mark.django_db(transaction=True)


def nu_errors(paths):
    """The checker's errors, by file."""
    completed = subprocess.run(
        ["java", "-jar", str(VNU), "--format", "json", "--stdout", *map(str, paths)],
        capture_output=True, text=True, timeout=300, check=False,
    )
    errors = {path.name: [] for path in paths}
    for message in json.loads(completed.stdout)["messages"]:
        if message["type"] == "error" or message.get("subType") == "fatal":
            errors[Path(message["url"]).name].append(message)
    return errors


def readable(page_type, url, messages):
    lines = [f"{page_type} ({url}):"]
    for message in messages:
        lines.append(f"  line {message.get('lastLine', '?')}: {message['message']}")
        if message.get("extract"):
            lines.append(f"     {message['extract'].strip()[:200]}")
    return "\n".join(lines)


def test_the_nu_html_checker_finds_no_errors_on_any_page_type(client, record, tmp_path):
    saved = {}
    for number, (page_type, language) in enumerate(PAGES):
        url = url_of(page_type, language)
        response = client.get(url)
        assert response.status_code == expected_status(page_type), url
        path = tmp_path / f"page-{number:02d}.html"
        path.write_bytes(response.content)
        saved[path.name] = (page_type, url)

    errors = nu_errors([tmp_path / name for name in saved])

    report = [readable(*saved[name], messages) for name, messages in errors.items() if messages]
    assert not report, "The Nu Html Checker found errors:\n" + "\n".join(report)
