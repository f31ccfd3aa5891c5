"""The whole procedure on one dossier, as the mirror tests need it."""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from datetime import timedelta
from typing import Any

from sqlalchemy import insert, select

from bot.rules.actions import (
    Acknowledge,
    AddDocument,
    AddNote,
    Assign,
    Close,
    Decide,
    Escalate,
    Evaluate,
    MarkHandled,
    PlanContact,
    ReportStatus,
)
from bot.rules.people import Person
from bot.rules.roles import Role
from bot.rules.workdays import local_date, utcnow
from storage import tables as t
from tests.helpers import registration

PDF = b"%PDF-1.4\n% een gescande klachtbrief\n" + bytes(range(256)) * 8 + b"\n%%EOF\n"


@dataclass
class Staff:
    coordinator: Person
    owner: Person
    directie: Person


async def staff(bot: Any) -> Staff:
    add = bot.staff.add
    return Staff(
        coordinator=await add(None, "Anna de Vries", [Role.COORDINATOR], "anna@example.nl"),
        owner=await add(None, "Piet Jansen", [Role.MEDEWERKER], "piet@example.nl"),
        directie=await add(None, "Dirk Bos", [Role.DIRECTIE], "dirk@example.nl"),
    )


async def store_document(bot: Any, number: str, content: bytes, filename: str, by: Person) -> int:
    """A stored document, as the intake stores a scan (the mirror reads it at delivery)."""
    async with bot.engine.begin() as connection:
        dossier_id = (
            await connection.execute(select(t.dossiers.c.id).where(t.dossiers.c.number == number))
        ).scalar_one()
        result = await connection.execute(
            insert(t.documents)
            .values(
                dossier_id=dossier_id,
                kind="scan",
                filename=filename,
                content_type="application/pdf",
                size=len(content),
                sha256=hashlib.sha256(content).hexdigest(),
                content=content,
                created_at=utcnow(),
                created_by_id=by.id,
            )
            .returning(t.documents.c.id)
        )
        return int(result.scalar_one())


async def register(bot: Any, people: Staff, **overrides: Any) -> str:
    today = local_date(utcnow())
    action = registration(received_on=today - timedelta(days=1), **overrides)
    return (await bot.complaints.register(people.coordinator, action)).dossier.number


async def walk(bot: Any, people: Staff, **overrides: Any) -> str:
    """Register a complaint and take it through every step to closing."""
    today = local_date(utcnow())
    number = await register(bot, people, **overrides)
    act = bot.complaints.act
    c, o, d = people.coordinator, people.owner, people.directie
    await act(c, number, Acknowledge(sent_on=today, method="email"))
    await act(c, number, Assign(owner_id=o.id, plan="winkel"))
    await act(o, number, PlanContact(plan="huisbezoek", planned_on=today + timedelta(days=3)))
    await act(c, number, AddNote(text="Klant belde: de schoen knelt vooral 's middags."))
    document_id = await store_document(bot, number, PDF, "klachtbrief.pdf", c)
    await act(
        c,
        number,
        AddDocument(
            title="Klachtbrief (scan)", reference=str(document_id), document_id=document_id
        ),
    )
    await act(o, number, ReportStatus(text="Schacht wordt aangepast, klaar over een week."))
    await act(o, number, Escalate(reason="Klant wil een nieuwe schoen; dat beslis ik niet."))
    await act(d, number, Decide(choice="advies", text="Eerst de aanpassing proberen."))
    await act(o, number, MarkHandled(solution="Schacht verwijd en opnieuw gepast."))
    await act(c, number, Evaluate(outcome="Klant is tevreden.", customer_agrees=True))
    await act(c, number, Close())
    return number


# The steps of `walk`, in order, and the items each makes.
STEPS = [
    "register",
    "acknowledge",
    "assign",
    "plan_contact",
    "add_note",
    "add_document",
    "report_status",
    "escalate",
    "decide",
    "mark_handled",
    "evaluate",
    "close",
]


def expected_keys(number: str) -> list[str]:
    keys = [f"orthomatic:{number}:0001:dossier"]
    for seq, step in enumerate(STEPS[1:], start=2):
        keys.append(f"orthomatic:{number}:{seq:04d}:contact")
        if step == "add_document":
            keys.append(f"orthomatic:{number}:{seq:04d}:pinboard")
    return keys
