"""What operators see: `klachtenbot mirror ...`, /healthz and /metrics."""

from __future__ import annotations

import asyncio
import json

from aiohttp.test_utils import TestClient, TestServer

from bot.entry.cli import main
from bot.entry.server import make_app
from bot.outbox.mirror import CHANNEL
from tests.adapters.orthomatic.standin import TOKEN
from tests.adapters.orthomatic.test_bridge import drain
from tests.adapters.orthomatic.walk import PDF, register, staff, walk


async def _cli(monkeypatch, capsys, database_url: str, *args: str, **env: str):  # type: ignore[no-untyped-def]
    monkeypatch.setenv("KLACHTENBOT_DATABASE_URL", database_url)
    for name, value in env.items():
        monkeypatch.setenv(name, value)
    code = await asyncio.to_thread(main, list(args))
    out, err = capsys.readouterr()
    return code, out, err


async def test_status_failed_and_retry_from_the_command_line(
    bridge_bot, standin, database_url, monkeypatch, capsys
):
    people = await staff(bridge_bot)
    standin.unknown_customers.add("99999")
    wrong = await register(bridge_bot, people, customer_number="99999")
    await register(bridge_bot, people, customer_number="99999")
    await register(bridge_bot, people)
    await drain(bridge_bot)
    env = {"ORTHOMATIC_URL": standin.url, "ORTHOMATIC_TOKEN": TOKEN}

    code, out, _ = await _cli(monkeypatch, capsys, database_url, "mirror", "status", **env)
    assert code == 0
    assert "Modus: brug" in out and "Geweigerd: 2" in out and "Afgeleverd: 1" in out
    code, out, _ = await _cli(monkeypatch, capsys, database_url, "mirror", "status", "--json")
    status = json.loads(out)
    assert status["by_status"]["failed"] == 2 and status["backlog"] == 2

    code, out, _ = await _cli(monkeypatch, capsys, database_url, "mirror", "failed")
    assert code == 0 and wrong in out and "klantnummer 99999 bestaat niet" in out
    code, out, _ = await _cli(monkeypatch, capsys, database_url, "mirror", "failed", "--json")
    failed = json.loads(out)
    assert failed[0]["dossier_number"] == wrong

    code, _, err = await _cli(monkeypatch, capsys, database_url, "mirror", "retry")
    assert code == 2 and "Geef een itemnummer of --all." in err
    code, out, _ = await _cli(
        monkeypatch, capsys, database_url, "mirror", "retry", str(failed[0]["id"])
    )
    assert code == 0 and "1 item(s) staan weer in de wachtrij." in out
    code, _, err = await _cli(
        monkeypatch, capsys, database_url, "mirror", "retry", str(failed[0]["id"])
    )
    assert code == 2 and "niets opnieuw te proberen" in err
    code, out, _ = await _cli(monkeypatch, capsys, database_url, "mirror", "retry", "--all")
    assert code == 0 and "1 item(s)" in out
    assert (await bridge_bot.outbox.counts(CHANNEL)) == {"pending": 2, "delivered": 1}


async def test_checklist_and_tick_from_the_command_line(
    make_bot, database_url, monkeypatch, capsys, tmp_path
):
    bot = await make_bot()
    people = await staff(bot)
    number = await register(bot, people)
    code, out, _ = await _cli(
        monkeypatch, capsys, database_url, "mirror", "checklist", number, "--as", "Anna de Vries"
    )
    assert code == 0 and "Nieuw dossier onder klantcontact, categorie 'Klacht'" in out
    item = int(out.split("]")[0].lstrip("["))
    code, _, err = await _cli(
        monkeypatch, capsys, database_url, "mirror", "tick", str(item), "--as", "Piet Jansen"
    )
    assert code == 2 and "Alleen de coördinator" in err and "Traceback" not in err
    code, out, _ = await _cli(
        monkeypatch, capsys, database_url, "mirror", "tick", str(item), "--as", "Anna de Vries"
    )
    assert code == 0 and f"Item {item} is afgevinkt." in out
    code, out, _ = await _cli(
        monkeypatch, capsys, database_url, "mirror", "checklist", number, "--as", "Anna de Vries"
    )
    assert f"Niets meer met de hand in te voeren voor {number}." in out


async def test_the_checklist_hands_over_the_document_to_upload(
    make_bot, database_url, monkeypatch, capsys, tmp_path
):
    bot = await make_bot()
    people = await staff(bot)
    number = await walk(bot, people)
    code, out, _ = await _cli(
        monkeypatch,
        capsys,
        database_url,
        "mirror",
        "checklist",
        number,
        "--as",
        "Anna de Vries",
        "--save",
        str(tmp_path / "upload"),
    )
    assert code == 0 and "Document op het prikbord: Klachtbrief (scan)" in out
    [saved] = list((tmp_path / "upload").iterdir())
    assert saved.name.endswith("-klachtbrief.pdf") and saved.read_bytes() == PDF
    assert f"Document: {saved}" in out


async def test_healthz_and_metrics_show_the_backlog(bridge_bot, standin):
    people = await staff(bridge_bot)
    await register(bridge_bot, people)
    await bridge_bot.dispatcher.drain()  # delivered
    standin.fail_next("500")
    await register(bridge_bot, people)
    await bridge_bot.dispatcher.drain()  # waiting to retry

    bridge_bot.dispatcher.poll_seconds = 3600  # the background dispatcher stays out of it
    bridge_bot.dispatcher.stop()
    client = TestClient(TestServer(make_app(bridge_bot)))
    await client.start_server()
    try:
        health = await (await client.get("/healthz")).json()
        assert health["mirror"]["mode"] == "bridge"
        assert health["mirror"]["backlog"] == 1 and health["mirror"]["pending"] == 1
        assert health["mirror"]["oldest_pending_seconds"] >= 0
        assert health["mirror"]["last_error"] == "http_500"

        response = await client.get("/metrics")
        assert response.status == 200
        assert response.headers["Content-Type"].startswith("text/plain; version=0.0.4")
        samples = {}
        for line in (await response.text()).splitlines():
            if line and not line.startswith("#"):
                name, value = line.rsplit(" ", 1)
                samples[name] = float(value)
        assert samples["klachtenbot_mirror_backlog"] == 1
        assert samples['klachtenbot_mirror_items{status="pending"}'] == 1
        assert samples['klachtenbot_mirror_items{status="delivered"}'] == 1
        assert samples["klachtenbot_mirror_oldest_pending_seconds"] >= 0
        assert samples['klachtenbot_outbox_deliveries_total{outcome="delivered"}'] == 1
        assert samples['klachtenbot_outbox_deliveries_total{outcome="retry"}'] == 1
        assert samples['klachtenbot_outbox_deliveries_total{outcome="failed"}'] == 0
    finally:
        await client.close()


async def test_healthz_and_metrics_never_echo_the_bridge_but_mirror_failed_keeps_it(
    bridge_bot, standin, database_url, monkeypatch, capsys
):
    """The health page and the metrics are for anyone: what the bridge answered (which
    may quote a customer) is shown to operators by `mirror failed`, not there."""
    marker = "MARKER-Bakker-0612345678"
    standin.message = f"<script>{marker}</script> klant onbekend"
    people = await staff(bridge_bot)
    standin.fail_next("422")  # refused: the dossier's queue stops for a person
    await register(bridge_bot, people)
    await bridge_bot.dispatcher.drain()
    standin.fail_next("503")  # passing: waits to be retried
    waiting = await register(bridge_bot, people)
    await bridge_bot.dispatcher.drain()

    bridge_bot.dispatcher.poll_seconds = 3600  # the background dispatcher stays out of it
    bridge_bot.dispatcher.stop()
    client = TestClient(TestServer(make_app(bridge_bot)))
    await client.start_server()
    try:
        response = await client.get("/healthz")
        health = await response.text()
        assert json.loads(health)["mirror"]["last_error"] == "http_503"
        assert json.loads(health)["mirror"]["failed"] == 1
        metrics = await (await client.get("/metrics")).text()
    finally:
        await client.close()
    for page in (health, metrics):
        assert marker not in page and "klant onbekend" not in page

    env = {"ORTHOMATIC_URL": standin.url, "ORTHOMATIC_TOKEN": TOKEN}
    code, out, _ = await _cli(monkeypatch, capsys, database_url, "mirror", "failed", **env)
    assert code == 0 and marker in out  # the operator sees the bridge's own words
    # The one waiting to be retried keeps them with the item too.
    [head, *_] = await bridge_bot.outbox.for_dossier(waiting, CHANNEL)
    assert head.status.value == "pending" and marker in (head.last_error or "")


async def test_a_bridge_that_arrives_later_takes_over_the_unticked_items(
    make_bot, standin, database_url, monkeypatch, capsys
):
    by_hand = await make_bot()
    people = await staff(by_hand)
    number = await register(by_hand, people)
    manual = [i for i in await by_hand.outbox.for_dossier(number, CHANNEL)]
    assert manual and all(i.status.value == "manual" for i in manual)

    # Still by hand: nothing to hand over to, and the items stay on the checklist.
    code, _, err = await _cli(monkeypatch, capsys, database_url, "mirror", "retry", "--manual")
    assert code == 2 and "blijven op de afvinklijst" in err and "Traceback" not in err
    code, _, err = await _cli(
        monkeypatch, capsys, database_url, "mirror", "retry", "--manual", "--all"
    )
    assert code == 2

    env = {"ORTHOMATIC_URL": standin.url, "ORTHOMATIC_TOKEN": TOKEN}
    code, out, _ = await _cli(
        monkeypatch, capsys, database_url, "mirror", "retry", "--manual", **env
    )
    assert code == 0 and f"{len(manual)} item(s)" in out
    bridge = await make_bot(orthomatic_url=standin.url, orthomatic_token=TOKEN)
    await drain(bridge)
    assert standin.created_keys() == [manual[0].key]
    assert (await bridge.outbox.counts(CHANNEL)) == {"delivered": len(manual)}
