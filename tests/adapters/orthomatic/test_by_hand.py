"""By hand (no bridge, no folder): the mirror becomes the coordinator's checklist."""

from __future__ import annotations

from datetime import timedelta

import pytest

from bot.outbox.mirror import CHANNEL, ItemKind
from bot.outbox.mirror_checklist import MirrorChecklist, digest_section
from bot.rules.errors import Refused
from bot.rules.workdays import WorkingCalendar, utcnow
from bot.views.dossier_card import dossier_card
from tests.adapters.orthomatic.walk import expected_keys, register, staff, walk


async def test_items_wait_as_a_checklist_and_nothing_is_delivered(make_bot):
    bot = await make_bot()
    assert CHANNEL not in bot.deliverers
    assert "met de hand" in bot.startup_notes[-1]
    people = await staff(bot)
    number = await walk(bot, people)
    assert await bot.dispatcher.drain() == 0
    assert (await bot.outbox.counts(CHANNEL)) == {"manual": len(expected_keys(number))}

    checklist = MirrorChecklist(bot.outbox, bot.complaints.person)
    items = await checklist.unticked(people.coordinator, number.lower())
    assert [i.kind for i in items][:3] == [ItemKind.DOSSIER, ItemKind.CONTACT, ItemKind.CONTACT]
    assert items[0].text.startswith("Klacht ontvangen op ")
    assert items[2].text == (
        "Eigenaar van de klacht: Piet Jansen. Contact met de klant: Piet Jansen,"
        " afspraak in de winkel."
    )
    assert items[2].employee == "Anna de Vries"
    pinboard = [i for i in items if i.kind is ItemKind.PINBOARD]
    assert len(pinboard) == 1 and pinboard[0].document_id is not None

    # The card tells the coordinator, with the texts to paste.
    view = await bot.complaints.view(people.coordinator, number)
    card = dossier_card(view, people.coordinator)
    fact = next(f for f in card.facts if f.label == "Orthomatic")
    assert fact.value == f"{len(items)} nog met de hand in te voeren"
    # One compact line per item; the text to paste is behind its "Tekst" button.
    assert card.rows_title == "Zet in Orthomatic"
    assert card.rows[0].text.startswith("Nieuw dossier, categorie Klacht · ")
    assert [(b.action, b.data) for b in card.rows[0].buttons] == [
        ("mirror_text", {"item": str(items[0].id)}),
        ("mirror_tick", {"item": str(items[0].id)}),
    ]
    assert not any(items[0].text in s.text for s in card.sections)
    pasted = await bot.tasks.run(
        people.coordinator, "mirror_text", number, {"item": str(items[0].id)}, "nl"
    )
    assert pasted.text.endswith(items[0].text)
    # The owner reads the card too, but the checklist is the coordinator's.
    owner_card = dossier_card(await bot.complaints.view(people.owner, number), people.owner)
    assert not owner_card.rows and "Orthomatic" not in [f.label for f in owner_card.facts]

    for item in items:
        ticked = await checklist.tick(people.coordinator, item.id)
        assert ticked.id == item.id
    view = await bot.complaints.view(people.coordinator, number)
    assert view.mirror is not None and view.mirror.up_to_date
    fact = next(f for f in dossier_card(view, people.coordinator).facts if f.label == "Orthomatic")
    assert fact.value == "bijgewerkt"
    [row] = [i for i in await bot.outbox.for_dossier(number, CHANNEL) if i.id == items[0].id]
    assert row.payload["ticked_by"] == "Anna de Vries" and row.delivered_at is not None


async def test_only_the_coordinator_ticks_and_only_open_items(make_bot):
    bot = await make_bot()
    people = await staff(bot)
    number = await register(bot, people)
    checklist = MirrorChecklist(bot.outbox, bot.complaints.person)
    [item] = await checklist.unticked(people.coordinator, number)
    for someone in (people.owner, people.directie):
        with pytest.raises(Refused) as refused:
            await checklist.tick(someone, item.id)
        assert refused.value.key == "mirror.tick_forbidden"
    await checklist.tick(people.coordinator, item.id)
    with pytest.raises(Refused) as refused:
        await checklist.tick(people.coordinator, item.id)
    assert refused.value.key == "mirror.tick_unknown"


async def test_unticked_items_of_a_whole_working_day_are_for_the_morning_digest(make_bot):
    bot = await make_bot()
    people = await staff(bot)
    number = await register(bot, people)
    checklist = MirrorChecklist(bot.outbox, bot.complaints.person)
    calendar = WorkingCalendar()
    assert await checklist.overdue(calendar) == []  # made today
    checklist.clock = lambda: bot.dispatcher.clock.now + timedelta(days=6)
    [late] = await checklist.overdue(calendar)
    assert late.dossier_number == number and late.kind is ItemKind.DOSSIER
    section = digest_section([late], "nl")
    assert section is not None and section.title == "Nog met de hand in Orthomatic te zetten"
    assert section.text.startswith(f"{number}: 1 item(s), het oudste van ")
    assert digest_section([], "nl") is None


async def test_the_morning_digest_lists_what_waited_a_working_day(make_bot):
    from datetime import UTC, datetime

    from bot.use_cases.reminders.scheduler import reminders_for
    from tests.bot.use_cases.documents.support import with_chat

    bot = await make_bot()
    chat = with_chat(bot)
    people = await staff(bot)
    number = await register(bot, people)
    # The morning of a working day at least two working days after the item was made.
    calendar = WorkingCalendar()
    day = calendar.add(calendar.next_working_day(utcnow().date()), 2)
    morning = datetime.combine(day, datetime.min.time(), tzinfo=UTC) + timedelta(hours=7)
    bot.complaints.clock = lambda: morning
    assert await reminders_for(bot).digest.run(morning) is not None
    await bot.dispatcher.drain()
    [digest] = chat.notices
    texts = "\n".join(s["text"] for s in digest["card"]["sections"])
    assert number in texts and "Orthomatic" in "\n".join(
        s["title"] or "" for s in digest["card"]["sections"]
    )
