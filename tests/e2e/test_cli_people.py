"""People come and go at the command line, and who saw what: the real `klachtenbot`
command in a subprocess, on SQLite and PostgreSQL."""

from __future__ import annotations

import getpass
import json
from datetime import datetime

import pytest

from bot.catalogue import t
from bot.rules.workdays import AMSTERDAM
from tests.e2e.cli import klachtenbot
from tests.e2e.test_cli_procedure import REGISTER


@pytest.fixture
def staff(database_url: str) -> str:
    for args in (
        ["Anna de Vries", "--role", "coördinator"],
        ["Piet Jansen", "--role", "medewerker", "--role", "directie"],
        ["Bea Beheer", "--role", "beheerder"],
    ):
        result = klachtenbot("people", "add", *args, url=database_url)
        assert result.code == 0, result.err
    return database_url


def ok(*args: str, url: str) -> str:
    result = klachtenbot(*args, url=url)
    assert result.code == 0, result.err
    assert result.err == ""
    return result.out


def refused(*args: str, url: str) -> str:
    result = klachtenbot(*args, url=url)
    assert result.code == 2, (result.out, result.err)
    assert "Traceback" not in result.err and len(result.err.splitlines()) == 1
    return result.err


def test_revoke_deactivate_activate_and_the_staff_log(staff: str) -> None:
    url = staff
    said = ok("people", "revoke", "Piet", "--role", "directie", "--as", "Bea", url=url)
    assert said.strip() == "Piet Jansen heeft de rol directie niet meer. Rollen nu: medewerker."
    ok(*REGISTER, url=url)
    ok("dossier", "act", "K-2026-0001", "assign", "--as", "Anna", "--owner", "Piet", url=url)

    said = ok("people", "deactivate", "Piet Jansen", url=url)  # the operator, without --as
    assert "1 open dossier(s)" in said
    listed = {p["name"]: p["active"] for p in json.loads(ok("people", "list", "--json", url=url))}
    assert listed == {"Anna de Vries": True, "Piet Jansen": False, "Bea Beheer": True}
    # Refused at once on the command line, by name; their name stays in the timeline.
    err = refused("dossier", "list", "--as", "Piet", url=url)
    assert t("person.inactive", "nl") in err
    shown = ok("dossier", "show", "K-2026-0001", "--as", "Anna", url=url)
    assert "Piet Jansen" in shown

    err = refused("people", "grant", "Bea", "--role", "directie", "--as", "Bea", url=url)
    assert "U kunt uzelf geen rol geven" in err
    err = refused("people", "deactivate", "Bea", url=url)
    assert "laatste actieve beheerder" in err
    ok("people", "activate", "Piet", "--as", "Bea", url=url)

    log = json.loads(ok("people", "log", "--person", "Piet", "--json", url=url))
    operator = getpass.getuser()
    assert [(e["actor_name"], e["actor_id"] is None, e["change"], e["role"]) for e in log] == [
        (operator, True, "added", "medewerker"),
        (operator, True, "added", "directie"),
        ("Bea Beheer", False, "revoked", "directie"),
        (operator, True, "deactivated", None),
        ("Bea Beheer", False, "activated", None),
    ]
    table = ok("people", "log", url=url)
    assert f"beheer op de server ({operator})" in table and "op non-actief gezet" in table
    err = refused("people", "log", "--as", "Anna", url=url)
    assert "Alleen een beheerder" in err


def test_who_saw_a_dossier(staff: str) -> None:
    url = staff
    ok(*REGISTER, url=url)
    ok("dossier", "show", "K-2026-0001", "--as", "Anna", url=url)
    ok("dossier", "list", "--as", "Anna", "--json", url=url)
    ok("dossier", "list", "--as", "Bea", url=url)  # a beheerder sees no dossier: none logged

    reads = json.loads(ok("privacy", "log", "--dossier", "k-2026-0001", "--json", url=url))
    assert [(r["person_name"], r["surface"], r["what"]) for r in reads] == [
        ("Anna de Vries", "cli", "timeline"),
        ("Anna de Vries", "cli", "list"),
    ]
    by_person = ok("privacy", "log", "--person", "Anna", "--as", "Piet", url=url)  # directie
    assert by_person.count("K-2026-0001") == 2 and "dossier met verloop" in by_person
    # No health data in the log's own output.
    assert "Bakker" not in by_person and "Schoen knelt" not in by_person

    assert "Niemand" in ok("privacy", "log", "--person", "Bea", url=url)
    today = datetime.fromisoformat(reads[0]["at"]).astimezone(AMSTERDAM).date().isoformat()
    assert len(json.loads(ok("privacy", "log", "--dossier", "K-2026-0001", "--from", today,
                             "--to", today, "--json", url=url))) == 2  # fmt: skip
    assert ok("privacy", "log", "--dossier", "K-2026-0001", "--to", "2020-01-01", url=url)
    err = refused("privacy", "log", "--dossier", "K-2026-0001", "--as", "Anna", url=url)
    assert "Alleen een beheerder of de directie" in err
    err = refused("privacy", "log", "--dossier", "K-2026-0001", "--from", "gisteren", url=url)
    assert "--from" in err
    err = refused("privacy", "log", url=url)  # neither a dossier nor a person
    assert "--dossier" in err
