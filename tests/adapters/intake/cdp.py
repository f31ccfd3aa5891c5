"""A small Chrome DevTools Protocol client: enough to open a page, type and submit.

Drives the Chromium the machine has (no browser is downloaded), over the
DevTools WebSocket with aiohttp, which the bot depends on anyway.
"""

from __future__ import annotations

import asyncio
import contextlib
import itertools
import json
import shutil
from pathlib import Path
from typing import Any

from aiohttp import ClientSession, WSMsgType

CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def find_chromium() -> str | None:
    for name in CANDIDATES:
        if found := shutil.which(name):
            return found
    return None


class Browser:
    def __init__(self, process: asyncio.subprocess.Process, session: ClientSession, ws) -> None:  # type: ignore[no-untyped-def]
        self.process = process
        self.session = session
        self.ws = ws
        self.ids = itertools.count(1)
        self.events: asyncio.Queue[dict[str, Any]] = asyncio.Queue()

    @classmethod
    async def start(cls, executable: str, profile: Path, timeout: float = 60) -> Browser:
        process = await asyncio.create_subprocess_exec(
            executable,
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-background-networking",
            "--no-first-run",
            "--no-default-browser-check",
            f"--user-data-dir={profile}",
            "--remote-debugging-port=0",
            "about:blank",
            stdout=asyncio.subprocess.DEVNULL,
            stderr=asyncio.subprocess.DEVNULL,
        )
        # Chromium writes the port it chose into the profile.
        active = profile / "DevToolsActivePort"
        async with asyncio.timeout(timeout):
            while not (active.exists() and len(active.read_text().splitlines()) >= 2):
                if process.returncode is not None:
                    raise RuntimeError(f"Chromium stopped with code {process.returncode}")
                await asyncio.sleep(0.1)
        port = int(active.read_text().splitlines()[0])
        session = ClientSession()
        try:
            async with asyncio.timeout(timeout):
                while True:
                    async with session.get(f"http://127.0.0.1:{port}/json/list") as response:
                        pages = [t for t in await response.json() if t["type"] == "page"]
                    if pages:
                        break
                    await asyncio.sleep(0.1)
            ws = await session.ws_connect(pages[0]["webSocketDebuggerUrl"], max_msg_size=0)
        except BaseException:
            await session.close()
            process.kill()
            await process.wait()
            raise
        return cls(process, session, ws)

    async def send(self, method: str, **params: Any) -> dict[str, Any]:
        call = next(self.ids)
        await self.ws.send_str(json.dumps({"id": call, "method": method, "params": params}))
        async with asyncio.timeout(60):
            while True:
                message = await self.ws.receive()
                if message.type is not WSMsgType.TEXT:
                    raise RuntimeError(f"DevTools connection ended: {message.type}")
                data = json.loads(message.data)
                if data.get("id") == call:
                    if "error" in data:
                        raise RuntimeError(f"{method}: {data['error']}")
                    return data.get("result", {})
                if "method" in data:
                    await self.events.put(data)

    async def wait_for(self, event: str) -> dict[str, Any]:
        async with asyncio.timeout(60):
            while True:
                while not self.events.empty():
                    data = self.events.get_nowait()
                    if data["method"] == event:
                        return data
                message = await self.ws.receive()
                if message.type is not WSMsgType.TEXT:
                    raise RuntimeError(f"DevTools connection ended: {message.type}")
                data = json.loads(message.data)
                if data.get("method") == event:
                    return data

    async def evaluate(self, expression: str) -> Any:
        result = await self.send("Runtime.evaluate", expression=expression, returnByValue=True)
        if "exceptionDetails" in result:
            raise RuntimeError(f"{expression}: {result['exceptionDetails']}")
        return result["result"].get("value")

    async def open(self, url: str) -> None:
        await self.send("Page.enable")
        await self.send("Page.navigate", url=url)
        await self.wait_for("Page.loadEventFired")

    async def type_into(self, element_id: str, text: str) -> None:
        """Focus a field and type into it, as a keyboard would (diacritics included)."""
        await self.evaluate(f"document.getElementById({json.dumps(element_id)}).focus()")
        await self.send("Input.insertText", text=text)

    async def close(self) -> None:
        with contextlib.suppress(Exception):
            await self.ws.close()
        await self.session.close()
        if self.process.returncode is None:
            self.process.terminate()
            try:
                async with asyncio.timeout(10):
                    await self.process.wait()
            except TimeoutError:
                self.process.kill()
                await self.process.wait()
