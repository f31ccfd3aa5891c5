"""No customer's name, phone, e-mail, address or complaint in any log line, at any level.

The whole procedure runs with the root logger (and SQLAlchemy's and aiosqlite's
own loggers) at DEBUG: through the use cases, through the web form, and through
the command line, with database writes that fail, so that SQLAlchemy builds its
error message around the statement. Every captured record (message, arguments and
traceback) and the command line's stderr are searched for the customer's values.
"""

from __future__ import annotations

import asyncio
import json
import logging
import traceback
from datetime import timedelta

import pytest
from aiohttp import ClientSession
from aiohttp.test_utils import TestServer
from sqlalchemy import text
from sqlalchemy.exc import DBAPIError

from bot.entry.bootstrap import build
from bot.entry.cli import main
from bot.entry.server import make_app
from bot.rules.actions import (
    Acknowledge,
    AddNote,
    Assign,
    Close,
    Decide,
    Escalate,
    Evaluate,
    MarkHandled,
    ReportStatus,
)
from bot.rules.roles import Role
from bot.rules.workdays import local_date, utcnow
from bot.settings import Settings
from storage.database import is_sqlite
from tests.helpers import registration

TOKEN = "website-geheim-0123456789"
CUSTOMER = {
    "customer_name": "Wilhelmina Zwartkruis-Oudenaarde",
    "customer_phone": "06-98765432",
    "customer_email": "w.zwartkruis@voorbeeld-klant.nl",
    "customer_address": "Lindelaan 77, 9999 ZZ Uithoorn-Noord",
    "summary": "Steunzool scheurt onder de hiel na drie dagen",
    "details": "Pijnlijke drukplek bij de rechtervoet sinds de aflevering",
}
WEBFORM = {
    "name": "Gerrit Vlasbloem-Terpstra",
    "customer_number": "10234",
    "email": "gerrit.vlasbloem@voorbeeld-klant.nl",
    "phone": "06-55501234",
    "message": "Mijn orthopedische schoen laat los aan de neus, al na een week.",
    "consent": "ja",
}
REFUSED = "Refusenik Haverkamp-Onbekend"  # a registration the database itself refuses
REFUSED_LIKE = "Refusenik %"  # how the trigger knows it (the statement is logged too)
SECRETS = [
    *CUSTOMER.values(),
    *(WEBFORM[k] for k in ("name", "email", "phone", "message")),
    REFUSED,
]

# Database triggers that make two writes fail: closing any dossier, and registering the
# customer named REFUSED. The error SQLAlchemy raises then carries the statement.
_SQLITE = [
    "CREATE TRIGGER test_refuse_close BEFORE UPDATE ON dossiers WHEN NEW.state = 'gesloten'"
    " BEGIN SELECT RAISE(ABORT, 'test: sluiten geweigerd'); END",
    "CREATE TRIGGER test_refuse_customer BEFORE INSERT ON dossiers"
    f" WHEN NEW.customer_name LIKE '{REFUSED_LIKE}'"
    " BEGIN SELECT RAISE(ABORT, 'test: klant geweigerd'); END",
]
_POSTGRES = [
    "CREATE OR REPLACE FUNCTION test_refuse() RETURNS trigger AS $$ BEGIN"
    f" IF NEW.state = 'gesloten' OR NEW.customer_name LIKE '{REFUSED_LIKE}' THEN"
    " RAISE EXCEPTION 'test: geweigerd'; END IF; RETURN NEW; END $$ LANGUAGE plpgsql",
    "DROP TRIGGER IF EXISTS test_refuse ON dossiers",
    "CREATE TRIGGER test_refuse BEFORE INSERT OR UPDATE ON dossiers"
    " FOR EACH ROW EXECUTE FUNCTION test_refuse()",
]
_POSTGRES_CLEANUP = ["DROP TRIGGER IF EXISTS test_refuse ON dossiers"]


def _texts(record: logging.LogRecord) -> list[str]:
    """Everything a handler could write about a record."""
    found = [record.getMessage(), repr(record.args), str(record.msg)]
    if record.exc_info and record.exc_info[1] is not None:
        found.append("".join(traceback.format_exception(record.exc_info[1])))
    if record.exc_text:
        found.append(record.exc_text)
    return found


@pytest.fixture
def everything(caplog: pytest.LogCaptureFixture) -> pytest.LogCaptureFixture:
    caplog.set_level(logging.DEBUG)
    for name in ("sqlalchemy.engine", "sqlalchemy.pool", "aiosqlite", "asyncpg", "aiohttp"):
        caplog.set_level(logging.DEBUG, logger=name)
    return caplog


async def test_the_whole_procedure_logs_no_personal_data(
    database_url: str,
    everything: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    bot = build(Settings(database_url=database_url, intake_token=TOKEN))
    statements = _SQLITE if is_sqlite(database_url) else _POSTGRES
    async with bot.engine.begin() as connection:
        for statement in statements:
            await connection.execute(text(statement))
    server = TestServer(make_app(bot), host="127.0.0.1")
    await server.start_server()
    try:
        add = bot.staff.add
        anna = await add(None, "Anna de Vries", [Role.COORDINATOR], "anna@example.nl")
        piet = await add(None, "Piet Jansen", [Role.MEDEWERKER], "piet@example.nl")
        dirk = await add(None, "Dirk Bos", [Role.DIRECTIE], "dirk@example.nl")
        today = local_date(utcnow())
        register = registration(received_on=today - timedelta(days=1), **CUSTOMER)
        number = (await bot.complaints.register(anna, register)).dossier.number
        act = bot.complaints.act
        await act(anna, number, Acknowledge(sent_on=today, method="email"))
        await act(anna, number, Assign(owner_id=piet.id, plan="winkel"))
        await act(anna, number, AddNote(text=f"Gebeld met {CUSTOMER['customer_phone']}"))
        await act(piet, number, ReportStatus(text="Zool wordt vervangen"))
        await act(piet, number, Escalate(reason="Klant wil geld terug"))
        await act(dirk, number, Decide(choice="advies", text="Nieuwe zool aanbieden"))
        await act(piet, number, MarkHandled(solution="Nieuwe zool geplaatst"))
        await act(anna, number, Evaluate(outcome="Tevreden", customer_agrees=True))
        with pytest.raises(DBAPIError):  # the database refuses the write (the trigger)
            await act(anna, number, Close())
        await bot.complaints.view(anna, number)

        async with ClientSession(base_url=str(server.make_url(""))) as session:
            headers = {"Authorization": f"Bearer {TOKEN}"}
            async with session.post("/intake/webform", json=WEBFORM, headers=headers) as r:
                assert r.status == 201
            refused = {**WEBFORM, "name": REFUSED}
            async with session.post("/intake/webform", json=refused, headers=headers) as r:
                assert r.status >= 500  # failed in the database: no dossier, and logged

        # The command line, closing the dossier while the database refuses it.
        monkeypatch.setenv("KLACHTENBOT_DATABASE_URL", database_url)
        capsys.readouterr()
        code = await asyncio.to_thread(main, ["dossier", "act", number, "close", "--as", "Anna"])
        out, err = capsys.readouterr()
        assert code != 0 and err.strip() and "Traceback" not in err
        assert len(err.strip().splitlines()) == 1
    finally:
        await server.close()
        if not is_sqlite(database_url):
            async with bot.engine.begin() as connection:
                for statement in _POSTGRES_CLEANUP:
                    await connection.execute(text(statement))
        await bot.close()

    records = everything.records
    assert any(r.name.startswith("sqlalchemy.engine") for r in records)  # it did log SQL
    assert any(r.exc_info for r in records)  # and the failing write with its traceback
    leaks = [
        (record.name, secret)
        for record in records
        for found in _texts(record)
        for secret in SECRETS
        if secret in found or json.dumps(secret)[1:-1] in found
    ]
    assert leaks == [], leaks[:5]
    for secret in SECRETS:
        assert secret not in out + err
