"""`klachtenbot rapport` in a subprocess: the same figures as the core counts, as text, JSON,
CSV and PDF; bad input is one Dutch line and exit code 2, and no file is half-written."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime
from pathlib import Path

from pypdf import PdfReader

from bot.use_cases.surfaces import Surface
from tests.bot.use_cases.report import scenario
from tests.e2e.cli import klachtenbot

PERIOD = ["--from", "2026-04-01", "--to", "2026-05-31"]


async def test_the_report_from_the_command_line(bot, team, clock, database_url, tmp_path):
    await scenario.walk(bot, team, clock)
    csv_file, pdf_file = tmp_path / "rapport.csv", tmp_path / "rapport.pdf"

    done = klachtenbot(
        "rapport", *PERIOD, "--json", "--csv", str(csv_file), "--pdf", str(pdf_file),
        url=database_url,
    )  # fmt: skip
    assert done.code == 0, done.err
    printed = json.loads(done.out)
    # The command runs now, not on the scenario's day: the core, asked now, agrees.
    clock.now = datetime.now(UTC)
    expected = (await bot.reports.report(team.coordinator, scenario.PERIOD, Surface.CLI)).as_json()
    assert {k: v for k, v in printed.items() if k != "as_of"} == {
        k: v for k, v in expected.items() if k != "as_of"
    }
    assert printed["received"] == 5 and printed["acknowledged_within_term"] == 3
    assert printed["by_channel"] == {
        "telefoon": 2, "website": 1, "ontevredenheidsformulier": 1, "brief": 1,
    }  # fmt: skip

    rows = {r[0]: r[1:] for r in csv.reader(io.StringIO(csv_file.read_text("utf-8")))}
    assert rows["received"] == ["5", "2", "3"]
    assert rows["acknowledged_within_term_pct"] == ["60.0", "100.0", "33.3"]
    text = "".join(page.extract_text() for page in PdfReader(pdf_file).pages)
    assert "Klachtenrapport april – mei 2026" in text and "Ontvangen 5" in text

    table = klachtenbot("rapport", *PERIOD, "--as", "Dirk", url=database_url)
    assert table.code == 0, table.err
    lines = [" ".join(line.split()) for line in table.out.splitlines()]
    assert "Bevestigd binnen de termijn (%) 60.0" in lines
    assert "Nu te laat 4" in lines


def test_bad_input_is_one_dutch_line_and_writes_nothing(database_url: str, tmp_path: Path):
    bad_date = klachtenbot("rapport", "--from", "1 april", url=database_url)
    assert (bad_date.code, bad_date.out) == (2, "")
    assert "--from" in bad_date.err and "Traceback" not in bad_date.err

    backwards = klachtenbot(
        "rapport", "--from", "2026-05-01", "--to", "2026-04-01", url=database_url
    )
    assert backwards.code == 2 and "De periode klopt niet" in backwards.err

    nowhere = tmp_path / "bestaat-niet" / "rapport.pdf"
    unwritable = klachtenbot("rapport", *PERIOD, "--pdf", str(nowhere), url=database_url)
    assert unwritable.code == 2 and "Kan" in unwritable.err and "Traceback" not in unwritable.err
    assert not nowhere.parent.exists()


def test_an_owner_may_not_read_the_report(database_url: str):
    added = klachtenbot("people", "add", "Piet Jansen", "--role", "medewerker", url=database_url)
    assert added.code == 0, added.err
    refused = klachtenbot("rapport", *PERIOD, "--as", "Piet", url=database_url)
    assert refused.code == 2
    assert "coördinator klachten en de directie" in refused.err
