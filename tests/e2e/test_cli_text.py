"""Text no database can hold, typed at the command line: one Dutch line, exit 2, nothing
written (on SQLite and PostgreSQL)."""

from __future__ import annotations

import json

from sqlalchemy import func, select

from storage.database import create_engine
from storage.tables import dossiers, people
from tests.e2e import test_cli_procedure as procedure
from tests.e2e.cli import klachtenbot
from tests.e2e.test_cli_procedure import REGISTER

staff = procedure.people  # the fixture: Anna, Piet and Dirk, added at the command line


async def rows(url: str, table) -> int:  # type: ignore[no-untyped-def]
    engine = create_engine(url)
    try:
        async with engine.connect() as conn:
            return (await conn.execute(select(func.count()).select_from(table))).scalar_one()
    finally:
        await engine.dispose()


def _with(option: str, value: str) -> list[str]:
    args = list(REGISTER)
    args[args.index(option) + 1] = value
    return args


async def test_control_characters_and_bad_bytes_are_refused_by_name(staff: str) -> None:
    url = staff
    # "\udcff" is how Python hands over a byte that is not UTF-8 (here 0xFF).
    for option, value in [
        ("--summary", "Schoen\x1bknelt"),
        ("--customer-name", "Mevr. \x7fBakker"),
        ("--customer-name", "Mevr. \udcffBakker"),
        ("--as", "An\x01na"),
    ]:
        result = klachtenbot(*_with(option, value), url=url)
        assert result.code == 2, (option, result)
        assert result.err.count("\n") == 1 and "Traceback" not in result.err, result.err
        assert result.err.startswith(f"fout in {option}: ") and "stuurteken" in result.err
    result = klachtenbot("dossier", "show", "K-2026-\udcff", "--as", "Anna", url=url)
    assert result.code == 2 and result.err.startswith("fout in number: "), result.err
    result = klachtenbot("people", "add", "Kees\x02", "--role", "medewerker", url=url)
    assert result.code == 2 and result.err.startswith("fout in name: "), result.err
    assert await rows(url, dossiers) == 0 and await rows(url, people) == 3


async def test_a_customer_number_in_other_digits_is_refused(staff: str) -> None:
    result = klachtenbot(*_with("--customer-number", "１０２３４"), url=staff)
    assert result.code == 2, result
    assert result.err.startswith("fout in --customer-number: Een klantnummer"), result.err
    assert await rows(staff, dossiers) == 0


async def test_a_crlf_line_break_is_kept_as_a_newline(staff: str) -> None:
    result = klachtenbot(*_with("--summary", "Schoen\r\nknelt"), url=staff)
    assert result.code == 0, result.err
    shown = klachtenbot("dossier", "show", "K-2026-0001", "--as", "Anna", "--json", url=staff)
    assert json.loads(shown.out)["dossier"]["complaint"]["summary"] == "Schoen\nknelt"
