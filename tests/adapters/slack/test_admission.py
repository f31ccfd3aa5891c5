"""After-ack work is bounded: a few at a time, a short queue, then a polite refusal."""

from __future__ import annotations

import asyncio

from adapters.slack.admission import Admission


async def test_work_beyond_the_queue_is_refused_and_must_not_lose_work_waits():
    admission = Admission(running=1, waiting=1)
    release = asyncio.Event()
    order: list[str] = []

    async def work(name: str, may_refuse: bool = True) -> None:
        async with admission.slot(may_refuse=may_refuse) as admitted:
            order.append(f"{name}:{'in' if admitted else 'refused'}")
            if admitted and name == "first":
                await release.wait()

    first = asyncio.create_task(work("first"))
    await asyncio.sleep(0)
    queued = asyncio.create_task(work("queued"))
    await asyncio.sleep(0)
    assert admission.full()  # a command would now be answered "busy" in its ack
    await work("shed")  # the queue is full: answered at once
    kept = asyncio.create_task(work("thread-message", may_refuse=False))
    await asyncio.sleep(0)
    release.set()
    await asyncio.gather(first, queued, kept)
    assert not admission.full()
    assert order == ["first:in", "shed:refused", "queued:in", "thread-message:in"]


def test_a_person_turned_away_is_told_once_in_a_while_not_per_request():
    now = [100.0]
    admission = Admission(quiet=2.0, clock=lambda: now[0])
    assert admission.worth_telling("UANNA")
    assert not admission.worth_telling("UANNA")  # the same tap, repeated
    assert admission.worth_telling("UPIET")  # somebody else is told for themselves
    now[0] += 2.0
    assert admission.worth_telling("UANNA")  # a retry a few seconds later is answered
