"""The folder export: each mirror item as one JSON file (plus its document) for an import job.

Files appear whole or not at all: each is written under a temporary name in the
same folder, flushed to disk, then renamed. The document goes first, so a JSON
file never points at a file that is not there yet. Names come from the
idempotency key, so a repeated delivery rewrites the same file; an import job
that moves what it has read into `imported/` is never given an item twice.
"""

from __future__ import annotations

import asyncio
import json
import os
import re
from pathlib import Path

from bot.outbox.messages import OutboxItem, RetryLater
from storage.mirror_records import MirrorRecords

from .requests import BridgeRequest, prepare

IMPORTED = "imported"  # where the import job puts what it has read
_UNSAFE = re.compile(r"[^A-Za-z0-9._-]")
_EXTENSIONS = {
    "application/pdf": ".pdf",
    "image/jpeg": ".jpg",
    "image/png": ".png",
    "image/heic": ".heic",
}


def file_stem(key: str) -> str:
    """A file name from a key, safe on every file system ('orthomatic:K-2026-0001:0003:contact'
    → 'orthomatic_K-2026-0001_0003_contact')."""
    return _UNSAFE.sub("_", key)


class FolderExport:
    def __init__(self, folder: Path, records: MirrorRecords) -> None:
        self.folder = Path(folder)
        self.records = records
        self.last_error: str | None = None

    async def deliver(self, item: OutboxItem) -> None:
        request = await prepare(item, self.records)
        try:
            await asyncio.to_thread(self._write, request)
        except OSError as error:  # a full disk, a share that is away: it may pass
            self.last_error = f"{type(error).__name__}: {error}"
            raise RetryLater(self.last_error) from error
        self.last_error = None

    def _write(self, request: BridgeRequest) -> None:
        stem = file_stem(request.key)
        if (self.folder / IMPORTED / f"{stem}.json").exists():
            return  # read by the import job already: this is a repeat
        self.folder.mkdir(parents=True, exist_ok=True)
        record: dict = {  # type: ignore[type-arg]
            "idempotency_key": request.key,
            "kind": request.kind.value,
            "customer_number": request.customer_number,
            "path": request.path,
            "body": request.body,
        }
        if request.document is not None:
            doc = request.document
            name = stem + _EXTENSIONS.get(doc.content_type, Path(doc.filename).suffix or ".bin")
            _atomic_write(self.folder / name, doc.content)
            record["document"] = {
                "file": name,
                "filename": doc.filename,
                "content_type": doc.content_type,
                "sha256": doc.sha256,
                "size": len(doc.content),
            }
        data = json.dumps(record, ensure_ascii=False, indent=2).encode()
        _atomic_write(self.folder / f"{stem}.json", data)


def _atomic_write(path: Path, data: bytes) -> None:
    temporary = path.with_name(f".{path.name}.tmp")
    with open(temporary, "wb") as file:
        file.write(data)
        file.flush()
        os.fsync(file.fileno())
    os.replace(temporary, path)
