"""The Teams app package: the manifest with this installation's bot id, and the icons."""

from __future__ import annotations

import json
import uuid
import zipfile
from pathlib import Path
from typing import Any

from bot.rules.errors import Refused

MANIFEST_DIR = Path(__file__).resolve().parents[2] / "manifest" / "teams"
ICONS = ("color.png", "outline.png")
DEFAULT_WEBSITE = "https://www.buchrnhornen.nl"


def app_id(bot_id: str) -> str:
    """The Teams app's own id: stable for a bot, so a new upload replaces the old app."""
    return str(uuid.uuid5(uuid.NAMESPACE_URL, f"klachtenbot:teams:{bot_id}"))


def manifest(bot_id: str, website: str = DEFAULT_WEBSITE) -> dict[str, Any]:
    try:
        bot_id = str(uuid.UUID(bot_id))
    except (ValueError, AttributeError, TypeError):
        raise Refused("teams.package_bad_app_id", app_id=str(bot_id)) from None
    text = (MANIFEST_DIR / "manifest.json").read_text(encoding="utf-8")
    filled = {"{{BOT_ID}}": bot_id, "{{APP_ID}}": app_id(bot_id), "{{WEBSITE}}": website}
    for placeholder, value in filled.items():
        text = text.replace(placeholder, json.dumps(value)[1:-1])
    return json.loads(text)


def write_package(out: Path, bot_id: str | None, website: str = DEFAULT_WEBSITE) -> Path:
    if not bot_id:
        raise Refused("teams.package_needs_app_id")
    content = json.dumps(manifest(bot_id, website), ensure_ascii=False, indent=2)
    out.parent.mkdir(parents=True, exist_ok=True)
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as package:
        # Teams wants the three files at the root of the zip.
        package.writestr("manifest.json", content)
        for icon in ICONS:
            package.write(MANIFEST_DIR / icon, icon)
    return out
