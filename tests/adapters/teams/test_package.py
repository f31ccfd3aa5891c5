"""The Teams app package: a manifest valid against Teams' schema, the icons Teams asks for."""

from __future__ import annotations

import io
import json
import zipfile

import jsonschema
import pytest
from PIL import Image

from adapters.teams.package import MANIFEST_DIR, manifest
from bot.entry.cli import main
from tests.adapters.teams.client import FIXTURES

BOT_ID = "8a3c2f1e-1111-4222-8333-944455556666"


def _schema() -> dict:
    return json.loads(
        (FIXTURES / "teams-manifest-1.30.schema.json").read_text(encoding="utf-8-sig")
    )


def test_the_manifest_is_valid_for_teams_1_30():
    filled = manifest(BOT_ID)
    jsonschema.Draft4Validator(_schema()).validate(filled)
    assert filled["bots"][0]["botId"] == BOT_ID
    assert filled["webApplicationInfo"]["id"] == BOT_ID
    assert filled["id"] != BOT_ID and manifest(BOT_ID)["id"] == filled["id"]  # stable
    titles = [c["title"] for c in filled["bots"][0]["commandLists"][0]["commands"]]
    assert titles == [
        "klacht nieuw",
        "klacht lijst",
        "klacht toon",
        "klacht protocol",
        "klacht help",
    ]


def test_the_schema_catches_a_broken_manifest():
    broken = manifest(BOT_ID)
    del broken["icons"]
    with pytest.raises(jsonschema.ValidationError):
        jsonschema.Draft4Validator(_schema()).validate(broken)


def test_icons_have_the_sizes_and_colours_teams_asks_for():
    colour = Image.open(MANIFEST_DIR / "color.png")
    assert colour.size == (192, 192)
    outline = Image.open(MANIFEST_DIR / "outline.png").convert("RGBA")
    assert outline.size == (32, 32)
    pixels = [outline.getpixel((x, y)) for x in range(32) for y in range(32)]
    assert any(a == 0 for *_, a in pixels), "the outline icon has a transparent background"
    # Every visible pixel is white (anti-aliased edges only vary in transparency).
    assert all((r, g, b) == (255, 255, 255) for r, g, b, a in pixels if a > 0)


def test_teams_package_writes_the_zip(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("KLACHTENBOT_DATABASE_URL", f"sqlite:///{tmp_path}/kb.db")
    monkeypatch.setenv("MICROSOFT_APP_ID", BOT_ID)
    out = tmp_path / "app" / "klachtenbot.zip"
    assert main(["teams-package", "--out", str(out)]) == 0
    assert str(out) in capsys.readouterr().out
    with zipfile.ZipFile(out) as package:
        assert sorted(package.namelist()) == ["color.png", "manifest.json", "outline.png"]
        packaged = json.loads(package.read("manifest.json"))
        jsonschema.Draft4Validator(_schema()).validate(packaged)
        assert packaged["bots"][0]["botId"] == BOT_ID
        assert Image.open(io.BytesIO(package.read("color.png"))).size == (192, 192)


@pytest.mark.parametrize(
    ("app_id", "message"),
    [(None, "Zet MICROSOFT_APP_ID"), ("not-a-guid", "geen geldige id")],
)
def test_teams_package_without_a_usable_bot_id_says_so(
    tmp_path, monkeypatch, capsys, app_id, message
):
    monkeypatch.setenv("KLACHTENBOT_DATABASE_URL", f"sqlite:///{tmp_path}/kb.db")
    monkeypatch.delenv("MICROSOFT_APP_ID", raising=False)
    if app_id:
        monkeypatch.setenv("MICROSOFT_APP_ID", app_id)
    out = tmp_path / "klachtenbot.zip"
    assert main(["teams-package", "--out", str(out)]) == 2
    err = capsys.readouterr().err
    assert message in err and "Traceback" not in err
    assert not out.exists()
