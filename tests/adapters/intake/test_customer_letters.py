"""The customer's letters, end to end: the README's example dossier from registration to
closing with all five letters, each a PDF in the dossier, each on the pinboard once (the
folder export), each e-mail received by a real SMTP server; and the decision term that
the written response meets."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime

import pytest

from bot.rules.actions import Assign, Evaluate, MarkHandled, ReportStatus
from bot.rules.deadlines import DeadlineKind
from bot.rules.dossier import LetterMethod
from bot.rules.errors import Refused
from bot.use_cases.letters.kinds import BY_NAME
from bot.use_cases.reminders import reminders_for
from tests.bot.use_cases.documents.support import make_bot, pdf_text, with_chat
from tests.conftest import LiveClock
from tests.helpers import registration

CUSTOMER = "Mevr. Ëlsa Bakker-Öztürk"
SALUTATION = "Geachte mevrouw Bakker-Öztürk,"


@pytest.fixture
async def bot(database_url, clock, mailbox, tmp_path):  # type: ignore[no-untyped-def]
    app = make_bot(
        database_url,
        clock,
        **mailbox.settings(),
        orthomatic_export_dir=tmp_path / "orthomatic",
        company_name="Orthopedische werkplaats Ëlshout",
        company_address="Kerkstraat 12|5611 AB Eindhoven",
    )
    app.dispatcher.clock = LiveClock()  # the outbox stamps its items with real time
    yield app
    await app.close()


def at(clock, day: str) -> None:  # type: ignore[no-untyped-def]
    clock.now = datetime.fromisoformat(f"{day}T09:00:00").replace(tzinfo=UTC)


def flat(content: bytes) -> str:
    return " ".join(pdf_text(content).split())


async def write_and_send(bot, who, number, letter, method, **values) -> int:  # type: ignore[no-untyped-def]
    """As a chat does it: the form kept as a draft, previewed, then sent by its button."""
    kind = BY_NAME[letter]
    draft_id = await bot.letters.write(who, number, kind, {**values, "method": method})
    previewed, preview = await bot.letters.preview(who, number)
    assert previewed is kind and SALUTATION in flat(preview)
    view = await bot.complaints.view(who, number)
    assert len(view.timeline) == len(await _timeline(bot, who, number))  # nothing recorded
    sent = await bot.letters.send(who, number, LetterMethod(method), draft_id=draft_id)
    await bot.dispatcher.drain()
    return sent.document_id


async def _timeline(bot, who, number):  # type: ignore[no-untyped-def]
    return (await bot.complaints.view(who, number)).timeline


async def test_the_readme_dossier_gets_all_five_letters(bot, team, clock, mailbox, tmp_path):
    c, anna, piet = bot.complaints, team.coordinator, team.owner
    example = registration(
        channel="telefoon",
        customer_name=CUSTOMER,
        customer_email="e.bakker@example.nl",
        customer_address="Dorpsstraat 3, 1234 AB Ëlst",
        product="Orthopedische schoen",
        summary="Schoen knelt bij de wreef",
    )
    number = (await c.register(anna, example)).dossier.number
    letters: dict[str, int] = {}

    # The acknowledgement, by e-mail: as it is, without a draft.
    sent = await bot.letters.send(anna, number, LetterMethod.EMAIL)
    await bot.dispatcher.drain()
    letters["ontvangstbevestiging"] = sent.document_id
    await c.act(anna, number, Assign(owner_id=piet.id, plan="winkel", planned_on=date(2026, 12, 1)))

    at(clock, "2026-12-21")
    letters["verlenging"] = await write_and_send(
        bot, anna, number, "verlenging", "email",
        reason="Het nieuwe leer komt pas in januari binnen.", new_due="2027-01-20",
    )  # fmt: skip
    letters["voortgangsbericht"] = await write_and_send(
        bot, anna, number, "voortgangsbericht", "post",
        text="Wij hebben het leer besteld en bellen u zodra het binnen is.",
    )  # fmt: skip
    await c.act(piet, number, ReportStatus(text="Leer besteld"))

    at(clock, "2027-01-11")
    letters["schriftelijke_reactie"] = await write_and_send(
        bot, anna, number, "schriftelijke_reactie", "email",
        text="Wij hebben de schoen nagemeten: de wreef is te laag. Wij passen de schacht"
        " kosteloos aan; u kunt de schoen op 18 januari ophalen.",
    )  # fmt: skip
    await c.act(piet, number, MarkHandled(solution="Schacht verhoogd"))
    await c.act(anna, number, Evaluate(outcome="Tevreden", customer_agrees=True))
    letters["afsluitbrief"] = await write_and_send(
        bot, anna, number, "afsluitbrief", "email",
        text="De schacht van uw schoen is verhoogd; over drie maanden bellen wij u nog even.",
    )  # fmt: skip

    view = await c.view(anna, number)
    assert view.dossier.state == "gesloten"
    assert view.dossier.decision_due == date(2027, 1, 20) and view.dossier.term_extended
    assert view.dossier.response is not None
    # The copy of the phoned complaint is filed by the bot itself; the rest is the walk.
    copies = [e for e in view.timeline if e.data.get("kind") == "kopie_klacht"]
    assert len(copies) == 1
    assert [e.action for e in view.timeline if e not in copies] == [
        "register", "acknowledge", "add_document", "assign",
        "extend_term", "add_document", "add_document", "report_status",
        "respond", "add_document", "mark_handled", "evaluate", "add_document", "close",
    ]  # fmt: skip
    filed = [
        e.data["document_id"]
        for e in view.timeline
        if e.action == "add_document" and e not in copies
    ]
    assert filed == list(letters.values())

    # Each a PDF in the dossier, reading well.
    expected = {
        "ontvangstbevestiging": [
            "uw klacht over uw orthopedische schoen.",
            "Uiterlijk op 4 januari 2027 ontvangt u van ons een schriftelijke",
        ],
        "verlenging": [
            "uiterlijk op 4 januari 2027 een schriftelijke",
            "Het nieuwe leer komt pas in januari binnen.",
            "nu uiterlijk op 20 januari 2027",
        ],
        "voortgangsbericht": ["Wij hebben het leer besteld en bellen u zodra het binnen is."],
        "schriftelijke_reactie": ["u kunt de schoen op 18 januari ophalen."],
        "afsluitbrief": ["Hiermee sluiten wij uw klachtdossier.", "over drie maanden"],
    }
    for name, document_id in letters.items():
        document = await bot.documents.read(anna, document_id)
        assert document.kind == name and document.content_type == "application/pdf"
        text = flat(document.content or b"")
        assert CUSTOMER in text and SALUTATION in text and "Dorpsstraat 3" in text
        assert f"dossiernummer {number}" in text
        for sentence in expected[name]:
            assert sentence in text, (name, sentence)
        assert "Schoen knelt bij de wreef" not in text, name  # the staff's own summary
        assert "Leer besteld" not in text and "Schacht verhoogd" not in text, name

    # Each e-mail received by the mail server, with its own letter attached.
    mailed = ["ontvangstbevestiging", "verlenging", "schriftelijke_reactie", "afsluitbrief"]
    assert len(mailbox.messages) == len(mailed)
    for mail, name in zip(mailbox.messages, mailed, strict=True):
        assert mail["To"] == "e.bakker@example.nl" and number in mail["Subject"]
        assert mail.get_body(("plain",)).get_content().startswith(SALUTATION)
        [attachment] = list(mail.iter_attachments())
        stored = await bot.documents.read(anna, letters[name])
        assert attachment.get_content() == stored.content, name

    # Each on the pinboard once (the folder export), with the very PDF.
    folder = tmp_path / "orthomatic"
    records = [json.loads(f.read_text(encoding="utf-8")) for f in folder.glob("*.json")]
    pinned = [r for r in records if r["kind"] == "pinboard"]
    copy_id = copies[0].data["document_id"]
    stored = {i: await bot.documents.read(anna, i) for i in [*letters.values(), copy_id]}
    assert sorted(r["body"]["sha256"] for r in pinned) == sorted(d.sha256 for d in stored.values())
    for record in pinned:
        [document] = [d for d in stored.values() if d.sha256 == record["body"]["sha256"]]
        assert (folder / record["document"]["file"]).read_bytes() == document.content
        assert record["document"]["filename"] == document.filename


async def test_the_written_response_meets_the_decision_term(bot, team, clock):
    chat = with_chat(bot)
    c, anna = bot.complaints, team.coordinator
    answered = (await c.register(anna, registration(customer_address="Dorpsstraat 3"))).dossier
    waiting = (await c.register(anna, registration(customer_address="Dorpsstraat 5"))).dossier
    for dossier in (answered, waiting):
        await c.act(anna, dossier.number, Assign(owner_id=team.owner.id))
    await bot.letters.send_now(
        anna, answered.number, BY_NAME["schriftelijke_reactie"],
        {"text": "Wij vervangen de zool.", "method": "post"},
    )  # fmt: skip

    async with c.uow() as uow:
        pending = await uow.deadlines.pending()
    decisions = [d.dossier_number for d in pending if d.kind is DeadlineKind.DECISION]
    assert decisions == [waiting.number]

    # A week before the term (4 January 2027): a warning for the other dossier only,
    # saying what is missing and offering the step.
    report = await reminders_for(bot).sweep.run(datetime(2026, 12, 28, 9, 0, tzinfo=UTC))
    warned = [(s.dossier_number, s.kind) for s in report.sent if s.kind is DeadlineKind.DECISION]
    assert warned == [(waiting.number, DeadlineKind.DECISION)]
    await bot.dispatcher.drain()
    decision = [n for n in chat.notices if "beslissing" in n["card"]["title"]]
    [notice] = decision
    assert notice["card"]["title"] == f"Nog een week voor de beslissing over {waiting.number}"
    assert "Schriftelijke reactie nog niet verstuurd" in notice["card"]["sections"][0]["text"]
    assert [b["action"] for b in notice["card"]["buttons"]] == ["respond", "extend_term"]


async def test_an_extension_after_the_term_passed_is_refused_and_sends_nothing(
    bot, team, clock, mailbox
):
    c, anna = bot.complaints, team.coordinator
    number = (await c.register(anna, registration(customer_email="a@example.nl"))).dossier.number
    at(clock, "2027-01-05")  # the term ended on 4 January
    with pytest.raises(Refused) as refused:
        await bot.letters.write(
            anna, number, BY_NAME["verlenging"],
            {"reason": "Te laat", "new_due": "2027-01-20", "method": "email"},
        )  # fmt: skip
    assert refused.value.key == "extend_term.passed"
    await bot.dispatcher.drain()
    assert mailbox.messages == [] and await bot.documents.list(anna, number) == []
