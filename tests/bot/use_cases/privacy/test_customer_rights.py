"""The customer's rights: a copy of everything held about them, and erasure on request."""

from __future__ import annotations

import io
import json
import zipfile

import pytest

from bot.rules.actions import Correct, LiftHold, SetHold
from bot.rules.errors import Refused
from bot.rules.people import Operator
from bot.use_cases.access_log import AccessLog, ReadQuery
from tests.bot.use_cases.privacy.support import (
    CUSTOMER,
    TEXTS,
    close,
    closed_dossier,
    letter_pdf,
    tick_mirror,
)
from tests.helpers import registration

NUMBER = CUSTOMER["customer_number"]


async def _exports(bot, person_id: int) -> list[tuple[str, str, str]]:  # type: ignore[no-untyped-def]
    """The read log's lines of one person's exports."""
    found = await AccessLog(bot.complaints.uow).find(Operator(), ReadQuery(person_id=person_id))
    return [(r.dossier_number, r.surface, r.what) for r in found if r.what == "export"]


async def _website_complaint(bot, team, **customer) -> str:  # type: ignore[no-untyped-def]
    """A website complaint: no confirmed customer number."""
    action = registration(channel="website", customer_number=None, **customer)
    return (await bot.complaints.register(team.coordinator, action)).dossier.number


async def test_the_export_holds_every_dossier_its_timeline_and_documents(bot, team):
    numbered = await closed_dossier(bot, team)
    # Same name and e-mail, no number: the customer's too. Same name, other e-mail: not.
    same = await _website_complaint(
        bot, team, customer_name="wilhelmina  zwanenburg-oosterveld",
        customer_email="W.Zwanenburg@voorbeeld-klant.nl",
    )  # fmt: skip
    namesake = await _website_complaint(
        bot, team, customer_name=CUSTOMER["customer_name"], customer_email="ander@example.nl"
    )
    other = (await bot.complaints.register(team.coordinator, registration())).dossier.number
    exported = await bot.privacy.export.run(team.coordinator, f" {NUMBER} ", "cli")
    assert [(f.dossier.number, f.by.value) for f in exported.dossiers] == [
        (numbered, "number"),
        (same, "name_and_email"),
    ]
    archive = zipfile.ZipFile(io.BytesIO(exported.archive))
    names = set(archive.namelist())
    assert not any(n.startswith((namesake, other)) for n in names)
    index = json.loads(archive.read("klant.json"))
    assert [d["number"] for d in index["dossiers"]] == [numbered, same]

    machine = json.loads(archive.read(f"{numbered}/dossier.json"))
    assert machine["dossier"]["customer"]["phone"] == CUSTOMER["customer_phone"]
    assert [e["action"] for e in machine["timeline"]][:3] == ["register", "acknowledge", "assign"]
    assert any(e["data"].get("text") == TEXTS["note"] for e in machine["timeline"])
    [document] = machine["documents"]
    assert archive.read(f"{numbered}/{document['file']}") == letter_pdf(TEXTS["document"])

    page = archive.read(f"{numbered}/overzicht.html").decode()
    for shown in (CUSTOMER["customer_address"], TEXTS["escalation"], TEXTS["outcome"]):
        assert shown in page
    assert f'href="{document["file"]}"' in page
    # Logged in the read log, a line per dossier handed out.
    assert sorted(await _exports(bot, team.coordinator.id)) == sorted(
        [(numbered, "cli", "export"), (same, "cli", "export")]
    )


async def test_what_people_typed_is_escaped_in_the_summary(bot, team):
    await bot.complaints.register(
        team.coordinator, registration(summary="<script>alert(1)</script> & meer")
    )
    exported = await bot.privacy.export.run(team.coordinator, "10234", "cli")
    page = zipfile.ZipFile(io.BytesIO(exported.archive)).read("K-2026-0001/overzicht.html")
    assert b"<script>" not in page and b"&lt;script&gt;alert(1)&lt;/script&gt; &amp; meer" in page


async def test_only_the_coordinator_and_only_a_known_customer(bot, team):
    await closed_dossier(bot, team)
    for person in (team.owner, team.directie, team.beheerder):
        with pytest.raises(Refused) as refused:
            await bot.privacy.export.run(person, NUMBER, "cli")
        assert refused.value.key == "privacy.forbidden"
        with pytest.raises(Refused) as refused:
            await bot.privacy.erasure.run(person, NUMBER, "verzoek")
        assert refused.value.key == "privacy.forbidden"
    with pytest.raises(Refused) as refused:
        await bot.privacy.export.run(team.coordinator, "4711", "cli")
    assert (refused.value.key, refused.value.params) == (
        "privacy.customer_unknown",
        {"customer": "4711"},
    )
    with pytest.raises(Refused) as refused:
        await bot.privacy.export.run(team.coordinator, "12a", "cli")
    assert (refused.value.key, refused.value.field) == ("field.customer_number", "customer")


async def test_erasure_is_refused_while_a_dossier_is_open_or_held_and_then_goes_whole(bot, team):
    closed = await closed_dossier(bot, team)
    website = await _website_complaint(
        bot,
        team,
        customer_name=CUSTOMER["customer_name"],
        customer_email=CUSTOMER["customer_email"],
    )
    await tick_mirror(bot, team)
    with pytest.raises(Refused) as refused:
        await bot.privacy.erasure.run(team.coordinator, NUMBER, "Verzoek per brief")
    assert (refused.value.key, refused.value.params) == ("privacy.open", {"number": website})
    assert (await bot.complaints.view(team.coordinator, closed)).dossier.anonymised_at is None

    # The web form's dossier turns out to be a mistake: closed with the customer.
    await close(bot, team, website)
    await tick_mirror(bot, team)
    await bot.complaints.act(team.coordinator, closed, SetHold(reason="Geschil"))
    with pytest.raises(Refused) as refused:
        await bot.privacy.erasure.run(team.coordinator, NUMBER, "Verzoek per brief")
    assert refused.value.key == "privacy.on_hold"
    with pytest.raises(Refused) as refused:
        await bot.privacy.erasure.run(team.coordinator, NUMBER, "  ")
    assert (refused.value.key, refused.value.field) == ("field.required", "reason")

    await bot.complaints.act(team.coordinator, closed, LiftHold())
    found = await bot.privacy.erasure.run(team.coordinator, NUMBER, "Verzoek per brief")
    assert [f.dossier.number for f in found] == [closed, website]
    for number in (closed, website):
        d = (await bot.complaints.view(team.coordinator, number)).dossier
        assert d.anonymised_at and d.erased_by_id == team.coordinator.id
        assert d.erasure_reason == "Verzoek per brief" and d.customer.email is None
        with pytest.raises(Refused) as refused:
            await bot.complaints.act(team.coordinator, number, Correct(product="x"))
        assert refused.value.key == "dossier.anonymised"
    assert await bot.documents.list(team.coordinator, closed) == []
    with pytest.raises(Refused) as refused:
        await bot.privacy.export.run(team.coordinator, NUMBER, "cli")
    assert refused.value.key == "privacy.customer_unknown"
