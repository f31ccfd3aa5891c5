"""`klachtenbot deadlines` and `klachtenbot sweep` as an operator runs them."""

from __future__ import annotations

import os
import subprocess
import sys
from datetime import timedelta
from pathlib import Path

from bot.rules.workdays import local_date, utcnow
from tests.e2e.cli import Result, klachtenbot

ROOT = Path(__file__).resolve().parents[4]


def with_platforms(*args: str, url: str) -> Result:
    """The same command, with chat platforms configured (see `proc.py` beside this file)."""
    env = {**os.environ, "KLACHTENBOT_DATABASE_URL": url, "PYTHONPATH": str(ROOT)}
    done = subprocess.run(
        [sys.executable, "-m", "tests.bot.use_cases.reminders.proc", *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=ROOT,
        timeout=120,
    )
    return Result(done.returncode, done.stdout, done.stderr)


def test_list_deadlines_and_sweep_as_at_a_moment(sqlite_url):
    today = local_date(utcnow())
    assert (
        klachtenbot("people", "add", "Anna de Vries", "--role", "coordinator", url=sqlite_url).code
        == 0
    )
    registered = klachtenbot(
        "dossier",
        "register",
        "--as",
        "Anna",
        "--channel",
        "telefoon",
        "--received-on",
        today.isoformat(),
        "--customer-name",
        "Mevr. E. Bakker",
        "--customer-phone",
        "0612345678",
        "--summary",
        "Schoen knelt",
        url=sqlite_url,
    )
    assert registered.code == 0, registered.err
    number = f"K-{today.year}-0001"

    listing = klachtenbot("deadlines", url=sqlite_url)
    assert listing.code == 0, listing.err
    assert number in listing.out and "ontvangstbevestiging" in listing.out
    assert "beslistermijn" in listing.out
    soon = klachtenbot(
        "deadlines", "--due-before", (today + timedelta(days=10)).isoformat(), url=sqlite_url
    )
    assert "ontvangstbevestiging" in soon.out and "beslistermijn" not in soon.out

    bad = klachtenbot("deadlines", "--due-before", "morgen", url=sqlite_url)
    assert bad.code == 2 and bad.err.startswith("fout in --due-before: Geef een datum")
    bad = klachtenbot("sweep", "--now", "volgende week", url=sqlite_url)
    assert bad.code == 2 and "JJJJ-MM-DDTUU:MM" in bad.err
    assert "Traceback" not in bad.err

    moment = f"{today + timedelta(days=21)}T09:00"
    quiet = klachtenbot("sweep", "--now", moment, url=sqlite_url)
    assert quiet.code == 1 and "Geen chatplatform ingesteld" in quiet.err

    swept = with_platforms("sweep", "--now", moment, url=sqlite_url)
    assert swept.code == 0, swept.err
    assert "1 melding(en)" in swept.out
    assert f"{number} · ontvangstbevestiging · alarm ontvangstbevestiging" in swept.out
    again = with_platforms("sweep", "--now", moment, url=sqlite_url)
    assert again.code == 0 and "0 melding(en)" in again.out
    after = klachtenbot("deadlines", "--json", url=sqlite_url)
    assert '"notices": 2' in after.out  # the alarm is notice number 2 (the reminder was skipped)
