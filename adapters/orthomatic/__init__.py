"""The Orthomatic mirror: every step of a dossier on the customer's card in Orthomatic.

`plug(bot)` chooses how, from the settings: the HTTP bridge
(`ORTHOMATIC_URL` + `ORTHOMATIC_TOKEN`), the folder export
(`ORTHOMATIC_EXPORT_DIR`), or by hand (neither: a checklist per dossier).
"""

from __future__ import annotations

from enum import StrEnum
from functools import partial
from typing import TYPE_CHECKING

from bot.catalogue import language, t
from bot.host import DigestSection, Plug, WebHook
from bot.outbox.mirror import CHANNEL, mirror_items
from bot.outbox.mirror_checklist import digest_section
from bot.settings import Settings
from bot.views.cards import Section
from storage.mirror_records import MirrorRecords

if TYPE_CHECKING:
    from bot.host import Klachtenbot


class Mode(StrEnum):
    BRIDGE = "bridge"
    FOLDER = "folder"
    MANUAL = "manual"  # by hand


def choose_mode(settings: Settings) -> Mode:
    if settings.orthomatic_url and settings.orthomatic_token:
        return Mode.BRIDGE
    if settings.orthomatic_export_dir:
        return Mode.FOLDER
    return Mode.MANUAL


def plug(bot: Klachtenbot) -> Plug:
    # The HTTP client and server parts are imported here, not above: the command line
    # imports this package for `klachtenbot mirror` and must start quickly.
    from .bridge import HttpBridge
    from .export import FolderExport
    from .notify import TellCoordinator
    from .observe import health_check, metrics_route

    settings: Settings = bot.settings
    lang = language(settings.language)
    mode = choose_mode(settings)
    records = MirrorRecords(bot.engine)
    deliverer: HttpBridge | FolderExport | None = None
    notes: list[str] = []
    web: list[WebHook] = []
    if bool(settings.orthomatic_url) != bool(settings.orthomatic_token):
        notes.append(t("mirror.mode.incomplete", lang))
    if mode is Mode.BRIDGE:
        assert settings.orthomatic_url and settings.orthomatic_token
        bridge = HttpBridge(settings.orthomatic_url, settings.orthomatic_token, records)
        web.append(lambda app: app.on_cleanup.append(lambda _app: bridge.close()))
        deliverer = bridge
        notes.append(t("mirror.mode.bridge", lang, url=bridge.url))
    elif mode is Mode.FOLDER:
        assert settings.orthomatic_export_dir is not None
        deliverer = FolderExport(settings.orthomatic_export_dir, records)
        notes.append(t("mirror.mode.folder", lang, folder=deliverer.folder))
    else:
        notes.append(t("mirror.mode.manual", lang))
    digest: tuple[DigestSection, ...] = ()
    checklist = bot.checklist
    if mode is Mode.MANUAL and checklist is not None:

        async def unticked(lang: str) -> Section | None:
            # What has waited a whole working day to be entered by hand.
            return digest_section(await checklist.overdue(settings.terms.calendar), lang)

        digest = (unticked,)
    web.append(metrics_route(bot))
    return Plug(
        notes=tuple(notes),
        reactors=(partial(mirror_items, manual=mode is Mode.MANUAL),),
        deliverers={CHANNEL: deliverer} if deliverer is not None else {},
        web=tuple(web),
        health={"mirror": health_check(bot, mode.value, deliverer)},
        digest_sections=digest,
        on_failed=(TellCoordinator(bot),),
    )
