"""The HTTP bridge: the whole procedure mirrored in order, faults at every step, refusals."""

from __future__ import annotations

from datetime import timedelta
from itertools import cycle

import yaml
from openapi_spec_validator import validate

from bot.outbox.messages import OutboxStatus
from bot.outbox.mirror import CHANNEL
from bot.rules.actions import Correct
from tests.adapters.orthomatic.contract import SPEC, problems
from tests.adapters.orthomatic.standin import TOKEN
from tests.adapters.orthomatic.walk import PDF, expected_keys, register, staff, walk


async def drain(bot, rounds: int = 50) -> None:  # type: ignore[no-untyped-def]
    """Deliver until nothing more can go, moving the clock past every backoff."""
    idle = 0
    for _ in range(rounds):
        handled = await bot.dispatcher.drain()
        idle = 0 if handled else idle + 1
        if idle == 2:  # nothing due even after the longest backoff: done (or held back)
            return
        bot.dispatcher.clock.now += timedelta(seconds=bot.dispatcher.max_delay + 1)
    raise AssertionError(f"the outbox did not drain: {await bot.outbox.counts(CHANNEL)}")


def test_the_contract_is_valid_openapi():
    validate(yaml.safe_load(SPEC.read_text(encoding="utf-8")))


async def test_the_whole_procedure_lands_in_order_once_and_by_the_contract(bridge_bot, standin):
    people = await staff(bridge_bot)
    first = await walk(bridge_bot, people)
    second = await walk(bridge_bot, people, customer_number="20456", customer_name="Dhr. K. Visser")
    assert (await bridge_bot.outbox.counts(CHANNEL)) == {"pending": 2 * len(expected_keys(first))}

    await drain(bridge_bot)

    created = standin.created_keys()
    for number in (first, second):
        assert [k for k in created if f":{number}:" in k] == expected_keys(number)
    assert len(standin.requests) == len(created)  # nothing was sent twice
    for request in standin.requests:
        assert problems(request, TOKEN) == [], request
    # What the customer card gets: the dossier, its lines, the scan.
    dossier = standin.created[f"orthomatic:{first}:0001:dossier"]
    assert dossier.path == "/customers/10234/dossiers"
    assert dossier.json is not None and dossier.json["category"] == "Klacht"
    assert "Schoen knelt bij de wreef" in dossier.json["text"]
    assign = standin.created[f"orthomatic:{first}:0003:contact"]
    assert assign.json is not None
    assert assign.json["text"].startswith("Eigenaar van de klacht: Piet Jansen.")
    assert assign.json["employee"] == "Anna de Vries"
    pinboard = standin.created[f"orthomatic:{first}:0006:pinboard"]
    assert pinboard.file == ("klachtbrief.pdf", "application/pdf", PDF)
    assert pinboard.form is not None and pinboard.form["title"] == "Klachtbrief (scan)"
    close = standin.created[f"orthomatic:{first}:0012:contact"]
    assert close.json is not None and close.json["text"].startswith("Klachtdossier gesloten")
    assert standin.created[f"orthomatic:{second}:0001:dossier"].customer_number == "20456"
    assert bridge_bot.dispatcher.outcomes["delivered"] == len(created)

    # The card says the mirror is up to date.
    view = await bridge_bot.complaints.view(people.coordinator, first)
    assert view.mirror is not None and view.mirror.up_to_date
    assert view.mirror.delivered == len(expected_keys(first))


async def test_a_fault_at_every_step_still_ends_with_each_item_once(bridge_bot, standin):
    standin.slow_seconds = 1.0  # longer than the client's timeout in these tests
    people = await staff(bridge_bot)
    number = await walk(bridge_bot, people)
    keys = expected_keys(number)
    faults = cycle(["500", "timeout", "drop", "503", "slow", "429", "drop-after", "408"])
    injected = {key: next(faults) for key in keys}
    for key, fault in injected.items():
        standin.fail(key, fault)
    standin.fail(keys[0], "502", "timeout")  # the first item fails three times in a row

    await drain(bridge_bot)

    assert standin.created_keys() == keys
    assert (await bridge_bot.outbox.counts(CHANNEL)) == {"delivered": len(keys)}
    for key, fault in injected.items():
        attempts = standin.attempts(key)
        # Every attempt carried the same key; only the last one was answered in full.
        assert len(attempts) == (4 if key == keys[0] else 2), key
        assert attempts[0].outcome == fault
        # Written once: a second write happened only as a replay of the same key.
        expected_last = "replayed" if fault in ("slow", "drop-after") else "created"
        assert attempts[-1].outcome == expected_last, key
        assert all(a.json == attempts[0].json and a.form == attempts[0].form for a in attempts)
    assert bridge_bot.dispatcher.outcomes["retry"] == len(keys) + 2


async def test_a_refusal_stops_only_that_dossier_and_tells_the_coordinator(bridge_bot, standin):
    bridge_bot.chat_platforms.append("slack")  # where the notice goes
    people = await staff(bridge_bot)
    standin.unknown_customers.add("99999")
    wrong = await register(bridge_bot, people, customer_number="99999")
    fine = await register(bridge_bot, people, customer_number="10234")
    from bot.rules.actions import AddNote

    await bridge_bot.complaints.act(people.coordinator, wrong, AddNote(text="Eerste notitie."))

    await drain(bridge_bot)

    assert standin.created_keys() == [f"orthomatic:{fine}:0001:dossier"]
    failed = await bridge_bot.outbox.items(OutboxStatus.FAILED, channel=CHANNEL)
    assert [i.key for i in failed] == [f"orthomatic:{wrong}:0001:dossier"]
    assert failed[0].last_error == "HTTP 404: unknown_customer: klantnummer 99999 bestaat niet"
    # The note waits behind the refused dossier; nothing of it went out.
    assert not [r for r in standin.requests if r.key and ":0002:" in r.key]
    notices = await bridge_bot.outbox.items(OutboxStatus.PENDING, channel="slack")
    assert len(notices) == 1 and notices[0].dossier_number == wrong
    card = notices[0].payload["notice"]["card"]
    assert card["title"] == f"Orthomatic weigert een stap van dossier {wrong}"
    assert "klantnummer 99999 bestaat niet" in card["sections"][0]["text"]
    assert f"klachtenbot mirror retry {failed[0].id}" in card["sections"][0]["text"]
    view = await bridge_bot.complaints.view(people.coordinator, wrong)
    assert view.mirror is not None and not view.mirror.up_to_date and view.mirror.failed == 1

    # The coordinator corrects the number and retries: all of it goes, with the new number.
    await bridge_bot.complaints.act(people.coordinator, wrong, Correct(customer_number="10777"))
    assert await bridge_bot.outbox.retry(failed[0].id, bridge_bot.dispatcher.clock()) == 1
    await drain(bridge_bot)
    mine = [k for k in standin.created_keys() if f":{wrong}:" in k]
    assert mine == [
        f"orthomatic:{wrong}:{n:04d}:{kind}"
        for n, kind in ((1, "dossier"), (2, "contact"), (3, "contact"))
    ]
    assert {standin.created[k].customer_number for k in mine} == {"10777"}
    assert "klantnummer" in (standin.created[mine[-1]].json or {})["text"]


async def test_without_a_customer_number_nothing_is_sent_and_a_person_is_asked(bridge_bot, standin):
    people = await staff(bridge_bot)
    number = await register(bridge_bot, people, channel="website", customer_number=None)
    await drain(bridge_bot)
    assert standin.requests == []
    [failed] = await bridge_bot.outbox.items(OutboxStatus.FAILED, channel=CHANNEL)
    assert failed.dossier_number == number
    assert "geen klantnummer" in (failed.last_error or "")


async def test_a_wrong_token_is_retried_not_blamed_on_the_dossier(make_bot, standin):
    bot = await make_bot(orthomatic_url=standin.url, orthomatic_token="verkeerd")
    people = await staff(bot)
    number = await register(bot, people)
    await bot.dispatcher.drain()
    assert (await bot.outbox.counts(CHANNEL)) == {"pending": 1}
    assert bot.deliverers[CHANNEL].last_error == "http_401"  # for /healthz: a category
    [item] = await bot.outbox.for_dossier(number, CHANNEL)  # the bridge's words: kept here
    assert item.last_error == "RetryLater: HTTP 401: unauthorized: token onjuist"
    assert standin.created == {}


async def test_a_bridge_that_is_not_there_is_a_backlog_that_drains_later(make_bot, standin):
    url = standin.url
    await standin.stop()  # Orthomatic (and its bridge) is down
    bot = await make_bot(orthomatic_url=url, orthomatic_token=TOKEN)
    people = await staff(bot)
    number = await walk(bot, people)  # the chat keeps working meanwhile
    for _ in range(3):
        await bot.dispatcher.drain()
        bot.dispatcher.clock.now += timedelta(minutes=10)
    counts = await bot.outbox.counts(CHANNEL)
    assert counts == {"pending": len(expected_keys(number))}
    assert bot.dispatcher.outcomes["retry"] == 3  # only the head of the queue was tried

    from tests.adapters.orthomatic.standin import StandInBridge

    back = StandInBridge()
    back_url = await back.start()
    try:
        bot.deliverers[CHANNEL].url = back_url.rstrip("/")
        await drain(bot)
        assert back.created_keys() == expected_keys(number)
    finally:
        await back.stop()
