"""The whole procedure walked with `klachtenbot dossier ...`, and every bad input refused."""

from __future__ import annotations

import json

import pytest

from bot.entry.cli import CLI_LIST_LINES
from tests.e2e.cli import klachtenbot
from tests.helpers import registration

REGISTER = [
    "dossier", "register", "--as", "Anna", "--channel", "telefoon",
    "--received-on", "2026-11-23", "--customer-number", "10234",
    "--customer-name", "Mevr. Ëlsa Bakker", "--customer-phone", "06-12345678",
    "--practitioner", "Jan Willems", "--product", "Orthopedische schoen",
    "--summary", "Schoen knelt", "--severity", "hoog",
]  # fmt: skip


@pytest.fixture
def people(database_url: str) -> str:
    for args in (
        ["Anna de Vries", "--role", "coördinator", "--email", "anna@example.nl"],
        ["Piet Jansen", "--role", "medewerker", "--slack", "U123"],
        ["Dirk Bos", "--role", "directie", "--teams-aad", "aad-1"],
    ):
        result = klachtenbot("people", "add", *args, url=database_url)
        assert result.code == 0, result.err
    return database_url


def act(url: str, number: str, *args: str) -> None:
    result = klachtenbot("dossier", "act", number, *args, url=url)
    assert result.code == 0, result.err


def test_the_whole_procedure_from_the_command_line(people: str) -> None:
    url = people
    listed = klachtenbot("people", "list", "--json", url=url)
    assert {p["name"] for p in json.loads(listed.out)} == {
        "Anna de Vries",
        "Piet Jansen",
        "Dirk Bos",
    }

    registered = klachtenbot(*REGISTER, "--json", url=url)
    assert registered.code == 0, registered.err
    number = json.loads(registered.out)["dossier"]["number"]
    assert number.startswith("K-") and number.endswith("-0001")

    act(url, number, "acknowledge", "--as", "Anna", "--sent-on", "2026-11-24", "--method", "post")
    act(url, number, "assign", "--as", "Anna", "--owner", "Piet", "--plan", "winkel",
        "--planned-on", "2026-12-01")  # fmt: skip
    act(url, number, "plan-contact", "--as", "Piet", "--plan", "huisbezoek",
        "--planned-on", "2026-12-02")  # fmt: skip
    act(url, number, "add-note", "--as", "Piet", "--text", "Klant gebeld, komt langs")
    act(url, number, "escalate", "--as", "Piet", "--reason", "Klant wil geld terug")
    act(
        url,
        number,
        "decide",
        "--as",
        "Dirk",
        "--choice",
        "advies",
        "--text",
        "Bied een nieuwe zool",
    )
    act(url, number, "report-status", "--as", "Piet", "--text", "Zool besteld")
    act(url, number, "mark-handled", "--as", "Piet", "--solution", "Nieuwe zool geplaatst")
    act(url, number, "evaluate", "--as", "Anna", "--outcome", "Tevreden", "--customer-agrees", "ja")
    act(url, number, "close", "--as", "Anna")

    shown = klachtenbot("dossier", "show", number, "--as", "Anna", "--json", url=url)
    data = json.loads(shown.out)
    assert data["dossier"]["state"] == "gesloten"
    assert [e["action"] for e in data["timeline"]] == [
        "register", "acknowledge", "assign", "plan_contact", "add_note", "escalate",
        "decide", "report_status", "mark_handled", "evaluate", "close",
    ]  # fmt: skip
    assert not [d for d in data["deadlines"] if not d["met_at"] and not d["dropped_at"]]

    text = klachtenbot("dossier", "show", number, "--as", "Anna", url=url)
    assert "Mevr. Ëlsa Bakker (10234)" in text.out and "gesloten" in text.out
    table = klachtenbot("dossier", "list", "--as", "Anna", "--scope", "alle", url=url)
    assert number in table.out and "Schoen knelt" in table.out


def refused(url: str, *args: str) -> str:
    result = klachtenbot(*args, url=url)
    assert result.code == 2, (result.code, result.out, result.err)
    assert "Traceback" not in result.err and len(result.err.strip().splitlines()) == 1
    return result.err.strip()


def test_every_bad_input_gets_one_clear_line_and_writes_nothing(people: str) -> None:
    url = people
    assert "K-2026-0999 bestaat niet" in refused(
        url, "dossier", "show", "K-2026-0999", "--as", "Anna"
    )
    number = json.loads(klachtenbot(*REGISTER, "--json", url=url).out)["dossier"]["number"]

    assert "akkoord van de klant" in refused(url, "dossier", "act", number, "close", "--as", "Anna")
    assert "mag 'Eigenaar toewijzen' niet" in refused(
        url, "dossier", "act", number, "assign", "--as", "Piet", "--owner", "Piet"
    )
    assert "--summary" in refused(url, *REGISTER[:-4], "--summary", "   ")
    assert "klantnummer" in refused(url, *REGISTER, "--customer-number", "12a").lower()
    assert "toekomst" in refused(url, *REGISTER, "--received-on", "2099-01-01")
    assert "te lang" in refused(url, *REGISTER, "--details", "x" * 10_001)
    assert "JJJJ-MM-DD" in refused(url, *REGISTER, "--received-on", "gisteren")
    assert "coördinator" in refused(url, "people", "add", "X", "--role", "baas")
    assert "--as" in refused(url, "dossier", "list")
    assert "fout" in refused(url, "dossier", "fly")

    # The closed dossier case: walk it to closed, then try to assign.
    for args in (
        ["acknowledge", "--as", "Anna", "--sent-on", "2026-11-24", "--method", "email"],
        ["assign", "--as", "Anna", "--owner", "Piet"],
        ["mark-handled", "--as", "Piet", "--solution", "Opgelost"],
        ["evaluate", "--as", "Anna", "--outcome", "Goed", "--customer-agrees", "ja"],
        ["close", "--as", "Anna"],
    ):
        act(url, number, *args)
    assert "is gesloten" in refused(url, "dossier", "act", number, "assign", "--as", "Anna",
                                    "--owner", "Piet")  # fmt: skip

    shown = json.loads(
        klachtenbot("dossier", "show", number, "--as", "Anna", "--json", url=url).out
    )
    assert len(shown["timeline"]) == 6  # register + the five steps; no refused one left a trace
    listed = json.loads(klachtenbot("dossier", "list", "--as", "Anna", "--scope", "alle",
                                    "--json", url=url).out)  # fmt: skip
    assert len(listed) == 1  # none of the refused registrations was stored


def test_english_messages(people: str) -> None:
    result = klachtenbot("dossier", "show", "K-2026-0999", "--as", "Anna", url=people,
                         KLACHTENBOT_LANGUAGE="en")  # fmt: skip
    assert result.code == 2 and "does not exist" in result.err


async def test_a_long_list_says_how_many_more_there_are(bot, team, database_url) -> None:
    for _ in range(CLI_LIST_LINES + 1):
        await bot.complaints.register(team.coordinator, registration())
    table = klachtenbot("dossier", "list", "--as", team.coordinator.name, url=database_url)
    assert table.code == 0, table.err
    assert "K-2026-0200" in table.out and "K-2026-0201" not in table.out
    assert "… en nog 1; de oudste staan bovenaan." in table.out


def test_the_customers_letters_from_the_command_line(people: str, tmp_path) -> None:  # type: ignore[no-untyped-def]
    url = people
    registered = klachtenbot(
        *REGISTER, "--customer-address", "Dorpsstraat 3, 1234 AB Ëlst", "--json", url=url
    )
    number = json.loads(registered.out)["dossier"]["number"]
    act(url, number, "assign", "--as", "Anna", "--owner", "Piet")

    # A preview is a PDF and records nothing.
    preview = tmp_path / "reactie.pdf"
    shown = klachtenbot(
        "letter", number, "schriftelijke-reactie", "--as", "Anna", "--text",
        "Wij passen de schacht kosteloos aan.", "--method", "post", "--preview", str(preview),
        url=url,
    )  # fmt: skip
    assert shown.code == 0, shown.err
    assert preview.read_bytes().startswith(b"%PDF-")
    pending = klachtenbot("deadlines", "--json", url=url)
    assert "beslistermijn" in {d["kind"] for d in json.loads(pending.out)}

    # E-mail is off here: said in one line, nothing written.
    assert "e-mail" in refused(
        url, "dossier", "act", number, "respond", "--as", "Anna", "--text", "x",
        "--method", "email",
    ).lower()  # fmt: skip
    sent = klachtenbot(
        "dossier", "act", number, "respond", "--as", "Anna", "--text",
        "Wij passen de schacht kosteloos aan.", "--method", "post", url=url,
    )  # fmt: skip
    assert sent.code == 0, sent.err
    assert f"Schriftelijke reactie {number}: per post verstuurd en vastgelegd." in sent.out
    data = json.loads(klachtenbot("dossier", "show", number, "--as", "Anna", "--json", url=url).out)
    assert [e["action"] for e in data["timeline"]][-2:] == ["respond", "add_document"]

    # `klachtenbot deadlines` shows no decision term for it any more.
    table = klachtenbot("deadlines", url=url)
    assert table.code == 0 and "beslistermijn" not in table.out
    listed = klachtenbot("deadlines", "--json", url=url)
    assert "beslistermijn" not in {d["kind"] for d in json.loads(listed.out)}
    # The written response went: extending now is refused, naming why.
    assert "al verstuurd" in refused(
        url, "dossier", "act", number, "extend-term", "--as", "Anna", "--reason", "x",
        "--new-due", "2027-01-20", "--method", "post",
    )  # fmt: skip
