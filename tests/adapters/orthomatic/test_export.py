"""The folder export: one JSON file per item plus its document, read back and checked."""

from __future__ import annotations

import hashlib
import json
import os

from adapters.orthomatic.requests import PATHS
from bot.outbox.messages import OutboxStatus
from bot.outbox.mirror import CHANNEL, ItemKind
from tests.adapters.orthomatic.contract import _validator, spec
from tests.adapters.orthomatic.test_bridge import drain
from tests.adapters.orthomatic.walk import PDF, expected_keys, staff, walk


async def test_each_item_is_one_whole_file_named_by_its_key(make_bot, tmp_path):
    folder = tmp_path / "orthomatic-import"
    bot = await make_bot(orthomatic_export_dir=folder)
    assert bot.startup_notes[-1].startswith("Orthomatic: elke stap wordt als bestand")
    people = await staff(bot)
    number = await walk(bot, people)

    await drain(bot)

    keys = expected_keys(number)
    stems = [k.replace(":", "_") for k in keys]
    files = sorted(os.listdir(folder))
    assert files == sorted([f"{s}.json" for s in stems] + [f"{stems[6]}.pdf"])
    assert not [f for f in files if f.endswith(".tmp")]
    records = [json.loads((folder / f"{s}.json").read_text(encoding="utf-8")) for s in stems]
    assert [r["idempotency_key"] for r in records] == keys
    schemas = {"dossier": "Dossier", "contact": "Contact", "pinboard": "PinboardDocument"}
    for record in records:
        assert record["customer_number"] == "10234"
        assert record["path"] == f"/customers/10234/{PATHS[ItemKind(record['kind'])]}"
        body = dict(record["body"])
        if record["kind"] == "pinboard":
            body["file"] = record["document"]["file"]
        schema = f"/components/schemas/{schemas[record['kind']]}"
        assert list(_validator(schema).iter_errors(body)) == [], record
    assert spec()["openapi"] == "3.1.0"
    dossier, pinboard = records[0], records[6]
    assert dossier["body"]["category"] == "Klacht"
    assert dossier["body"]["subject"] == f"Klacht {number}: Schoen knelt bij de wreef"
    assert records[1]["body"]["text"].startswith("Ontvangstbevestiging verstuurd op ")
    document = (folder / pinboard["document"]["file"]).read_bytes()
    assert document == PDF
    assert pinboard["document"]["sha256"] == hashlib.sha256(PDF).hexdigest()
    assert pinboard["document"]["filename"] == "klachtbrief.pdf"


async def test_a_repeat_rewrites_the_same_file_and_skips_what_was_imported(make_bot, tmp_path):
    folder = tmp_path / "export"
    bot = await make_bot(orthomatic_export_dir=folder)
    people = await staff(bot)
    number = await walk(bot, people)
    await drain(bot)
    delivered = await bot.outbox.items(OutboxStatus.DELIVERED, channel=CHANNEL)
    exporter = bot.deliverers[CHANNEL]
    before = sorted(os.listdir(folder))

    await exporter.deliver(delivered[2])  # delivered again, as after a crash
    assert sorted(os.listdir(folder)) == before

    # The import job read the first file and moved it away: a repeat must not bring it back.
    (folder / "imported").mkdir()
    first = f"orthomatic_{number}_0001_dossier.json"
    os.replace(folder / first, folder / "imported" / first)
    await exporter.deliver(delivered[0])
    assert not (folder / first).exists()


async def test_a_folder_that_cannot_be_written_is_retried_later(make_bot, tmp_path):
    blocked = tmp_path / "not-a-folder"
    blocked.write_text("a file where the folder should be")
    bot = await make_bot(orthomatic_export_dir=blocked)
    people = await staff(bot)
    await walk(bot, people)
    await bot.dispatcher.drain()
    counts = await bot.outbox.counts(CHANNEL)
    assert counts == {"pending": 13}
    assert bot.dispatcher.outcomes["retry"] == 1
    assert "FileExistsError" in (bot.deliverers[CHANNEL].last_error or "")
