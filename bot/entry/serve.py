"""`klachtenbot serve`: upgrade the database, then run the web app until stopped."""

from __future__ import annotations

import asyncio
import contextlib
import signal
import sys

from aiohttp import web

from bot.catalogue import language, t
from bot.entry.bootstrap import build
from bot.entry.heap import settle
from bot.entry.server import make_app
from bot.settings import Settings
from storage.migrate import upgrade


def serve(settings: Settings, host: str | None = None, port: int | None = None) -> int:
    try:
        return asyncio.run(_serve(settings, host or settings.host, port or settings.port))
    except KeyboardInterrupt:
        return 0


async def _serve(settings: Settings, host: str, port: int) -> int:
    lang = language(settings.language)
    try:
        await upgrade(settings.database_url)
    except Exception as error:  # any driver or migration failure: say it in one line
        detail = str(error).splitlines()[0][:200] if str(error) else type(error).__name__
        print(t("serve.database_unreachable", lang, error=detail), file=sys.stderr)
        return 1
    bot = build(settings)
    runner = web.AppRunner(make_app(bot), handle_signals=False)
    await runner.setup()
    try:
        await web.TCPSite(runner, host, port).start()
    except OSError as error:
        print(
            t("serve.port_taken", lang, host=host, port=port, error=error.strerror), file=sys.stderr
        )
        await runner.cleanup()
        await bot.close()
        return 1
    settle()
    for note in bot.startup_notes:
        print(note, flush=True)
    print(t("serve.listening", lang, host=host, port=port), flush=True)

    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for sig in (signal.SIGINT, signal.SIGTERM):
        with contextlib.suppress(NotImplementedError):
            loop.add_signal_handler(sig, stop.set)
    await stop.wait()
    await runner.cleanup()
    await bot.close()
    return 0
