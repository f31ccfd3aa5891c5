"""The outbox dispatcher on real databases: order, retries, refusals, crashes."""

from __future__ import annotations

from datetime import timedelta

from bot.outbox.messages import OutboxMessage, OutboxStatus, Rejected, RetryLater
from storage.uow import SqlUnitOfWork
from tests.conftest import LiveClock


class Recorder:
    """A deliverer that records what it gets and fails as told."""

    def __init__(self) -> None:
        self.delivered: list[str] = []
        self.fail: dict[str, Exception] = {}

    async def deliver(self, item) -> None:  # type: ignore[no-untyped-def]
        error = self.fail.get(item.key)
        if error is not None:
            raise error
        self.delivered.append(item.key)


async def _enqueue(bot, *messages: tuple[str, str]) -> None:  # type: ignore[no-untyped-def]
    async with SqlUnitOfWork(bot.engine) as uow:
        for queue, key in messages:
            await uow.outbox.add(OutboxMessage(channel="test", key=key, queue=queue, payload={}))
        await uow.commit()


async def test_each_queue_in_order_and_a_key_once(bot):
    recorder = Recorder()
    bot.deliverers["test"] = recorder
    await _enqueue(bot, ("a", "a1"), ("b", "b1"), ("a", "a2"), ("a", "a3"), ("b", "b2"))
    await _enqueue(bot, ("a", "a1"))  # the same key again is the same message
    assert await bot.dispatcher.drain() == 5
    assert [k for k in recorder.delivered if k.startswith("a")] == ["a1", "a2", "a3"]
    assert [k for k in recorder.delivered if k.startswith("b")] == ["b1", "b2"]
    assert (await bot.outbox.counts()) == {"delivered": 5}


async def test_a_passing_failure_is_retried_later(bot):
    recorder = Recorder()
    bot.deliverers["test"] = recorder
    clock = LiveClock()  # the outbox stamps items with real time
    bot.dispatcher.clock = clock
    recorder.fail["a1"] = RetryLater("503")
    await _enqueue(bot, ("a", "a1"), ("a", "a2"), ("b", "b1"))
    await bot.dispatcher.drain()
    # a2 waits behind a1; b is not held up.
    assert recorder.delivered == ["b1"]
    del recorder.fail["a1"]
    clock.advance(bot.dispatcher.backoff(1) * 2 + timedelta(seconds=5))
    await bot.dispatcher.drain()
    assert recorder.delivered == ["b1", "a1", "a2"]


async def test_a_refusal_stops_the_queue_until_retried(bot):
    recorder = Recorder()
    bot.deliverers["test"] = recorder
    clock = LiveClock()  # the outbox stamps items with real time
    bot.dispatcher.clock = clock
    told: list[str] = []

    async def tell(item, reason):  # type: ignore[no-untyped-def]
        told.append(f"{item.key}: {reason}")

    bot.dispatcher.on_failed.append(tell)
    recorder.fail["a1"] = Rejected("onbekend klantnummer")
    await _enqueue(bot, ("a", "a1"), ("a", "a2"))
    await bot.dispatcher.drain()
    assert recorder.delivered == [] and told == ["a1: onbekend klantnummer"]
    failed = await bot.outbox.items(OutboxStatus.FAILED)
    assert [i.key for i in failed] == ["a1"] and failed[0].last_error == "onbekend klantnummer"
    clock.advance(timedelta(hours=1))
    assert await bot.dispatcher.drain() == 0  # still held

    del recorder.fail["a1"]
    assert await bot.outbox.retry(failed[0].id, clock()) == 1
    await bot.dispatcher.drain()
    assert recorder.delivered == ["a1", "a2"]


async def test_a_crash_after_claiming_delivers_after_the_lease(bot):
    recorder = Recorder()
    bot.deliverers["test"] = recorder
    clock = LiveClock()  # the outbox stamps items with real time
    bot.dispatcher.clock = clock
    await _enqueue(bot, ("a", "a1"))
    # A process claims the item and dies before it delivers or records anything.
    claimed = await bot.outbox.claim(clock(), 10, bot.dispatcher.lease, ["test"])
    assert [i.key for i in claimed] == ["a1"]
    assert await bot.dispatcher.drain() == 0  # leased: nobody else takes it meanwhile
    clock.advance(bot.dispatcher.lease + timedelta(seconds=1))
    await bot.dispatcher.drain()
    assert recorder.delivered == ["a1"]
