"""`klachtenbot privacy ...` as an operator and a coordinator run it: real processes."""

from __future__ import annotations

import json
import zipfile

from tests.e2e.cli import klachtenbot
from tests.e2e.test_cli_procedure import REGISTER, act, people  # noqa: F401 (a fixture)


def test_hold_retention_export_and_erasure_from_the_command_line(people: str, tmp_path) -> None:  # noqa: F811
    url = people
    assert klachtenbot(*REGISTER, url=url).code == 0
    for step in (
        ["acknowledge", "--as", "Anna", "--sent-on", "2026-11-24", "--method", "post"],
        ["assign", "--as", "Anna", "--owner", "Piet"],
        ["mark-handled", "--as", "Piet", "--solution", "Nieuwe zool"],
        ["evaluate", "--as", "Anna", "--outcome", "Tevreden", "--customer-agrees", "ja"],
        ["close", "--as", "Anna"],
    ):
        act(url, "K-2026-0001", *step)

    held = klachtenbot(
        "privacy", "hold", "K-2026-0001", "--reason", "Commissie", "--as", "Anna", url=url
    )
    assert held.code == 0 and "wordt bewaard" in held.out
    dry = klachtenbot(
        "privacy", "retention", "--now", "2035-01-01T03:00", "--dry-run", "--json", url=url
    )
    assert dry.code == 0, dry.err
    assert json.loads(dry.out)["skipped"][0]["dossier"] == "K-2026-0001"
    assert klachtenbot("privacy", "hold", "K-2026-0001", "--off", "--as", "Anna", url=url).code == 0

    archive = tmp_path / "klant.zip"
    refused = klachtenbot(
        "privacy", "export", "--customer", "10234", "--out", str(archive), "--as", "Piet", url=url
    )
    assert refused.code == 2 and "Alleen de coördinator" in refused.err and not archive.exists()
    assert "Traceback" not in refused.err
    done = klachtenbot(
        "privacy", "export", "--customer", "10234", "--out", str(archive), "--as", "Anna", url=url
    )
    assert done.code == 0, done.err
    assert "K-2026-0001/overzicht.html" in zipfile.ZipFile(archive).namelist()

    # The mirror is behind (no bridge; nothing ticked off): erasure waits for it.
    behind = klachtenbot(
        "privacy", "erase", "--customer", "10234", "--reason", "Verzoek", "--as", "Anna", url=url
    )
    assert behind.code == 2 and "Orthomatic" in behind.err
    listing = klachtenbot("mirror", "checklist", "K-2026-0001", "--as", "Anna", "--json", url=url)
    for item in json.loads(listing.out):
        assert klachtenbot("mirror", "tick", str(item["id"]), "--as", "Anna", url=url).code == 0
    erased = klachtenbot(
        "privacy", "erase", "--customer", "10234", "--reason", "Verzoek", "--as", "Anna", url=url
    )
    assert erased.code == 0, erased.err
    shown = klachtenbot("dossier", "show", "K-2026-0001", "--as", "Anna", url=url)
    assert "geanonimiseerd" in shown.out and "Bakker" not in shown.out
