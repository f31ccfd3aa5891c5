"""Render every Teams card Klachtenbot sends to PNGs, as Teams would draw them.

    cd tools/render_cards && npm install   # once: the official renderer and Teams' host config
    .venv/bin/python -m tools.render_cards.render [--out DIR] [--only PREFIX] [--lang nl|en]

Run from the repository root. It draws every card of `tests/cards/gallery.py` (the
README's example dossier at every stage, for every reader, every direct message,
notice, list and form) with Microsoft's Adaptive Cards renderer (npm `adaptivecards`)
and Teams' light host config (npm `adaptivecards-designer`) in headless Chromium, at
390 px (a phone) and 760 px (a laptop's chat column). For each card it writes
`NAME-390.png`, `NAME-760.png`, and with `--expand` also the card with "Meer…" opened;
`report.json` holds the measures. It prints, per dossier card, how far down its
first button ends at 390 px, and exits 1 when one passes the phone budget (one
screen, 844 px) or when the renderer cut a button's label short.
"""

from __future__ import annotations

import argparse
import asyncio
import base64
import json
import sys
import tempfile
from pathlib import Path

from tests.adapters.intake.cdp import Browser, find_chromium
from tests.cards.gallery import gallery

HERE = Path(__file__).resolve().parent
DESIGNER = HERE / "node_modules/adaptivecards-designer"
HOST_CONFIG = DESIGNER / "lib/hostConfigs/microsoft-teams-light.json"
PHONE, LAPTOP = 390, 760
PHONE_SCREEN = 844  # CSS pixels of a common phone's screen (iPhone 12-15)


def _file_name(name: str) -> str:
    return name.replace("/", "__")


async def _draw(browser: Browser, card: dict, width: int, expand: bool) -> tuple[dict, bytes]:
    await browser.send(
        "Emulation.setDeviceMetricsOverride",
        width=width + 16,
        height=PHONE_SCREEN,
        deviceScaleFactor=1,
        mobile=False,
    )
    measured = await browser.evaluate(
        f"renderCard({json.dumps(card)}, {width}, {json.dumps(expand)})"
    )
    shot = await browser.send(
        "Page.captureScreenshot",
        format="png",
        captureBeyondViewport=True,
        clip={"x": 0, "y": 0, "width": measured["width"], "height": measured["height"], "scale": 1},
    )
    return measured, base64.b64decode(shot["data"])


async def main(out: Path, only: str, lang: str, expand: bool) -> int:
    executable = find_chromium()
    if executable is None:
        print("Chromium is not installed.", file=sys.stderr)
        return 2
    if not HOST_CONFIG.exists():
        print("Run `npm install` in tools/render_cards first.", file=sys.stderr)
        return 2
    out.mkdir(parents=True, exist_ok=True)
    report: dict[str, dict] = {}
    failed = False
    with tempfile.TemporaryDirectory() as profile:
        browser = await Browser.start(executable, Path(profile))
        try:
            await browser.open((HERE / "page.html").as_uri())
            await browser.evaluate(f"useHostConfig({HOST_CONFIG.read_text(encoding='utf-8')})")
            for drawn in gallery(lang):
                if not drawn.teams or not drawn.name.startswith(only):
                    continue
                entry: dict = {}
                for width in (PHONE, LAPTOP):
                    for opened in (False, True) if expand else (False,):
                        measured, png = await _draw(browser, drawn.teams, width, opened)
                        suffix = f"-{width}" + ("-open" if opened else "")
                        (out / f"{_file_name(drawn.name)}{suffix}.png").write_bytes(png)
                        entry[suffix[1:]] = measured
                report[drawn.name] = entry
                phone = entry[str(PHONE)]
                over = drawn.budget and (phone["firstActionBottom"] or 0) > PHONE_SCREEN
                cut = phone["cut"] or entry[str(LAPTOP)]["cut"]
                failed |= bool(over or cut)
                if drawn.budget or cut:
                    print(
                        f"{drawn.name:55} {phone['height']:5} px high, first button ends at"
                        f" {phone['firstActionBottom']} px"
                        + (" OVER ONE SCREEN" if over else "")
                        + (f"; cut labels: {cut}" if cut else "")
                    )
        finally:
            await browser.close()
    (out / "report.json").write_text(json.dumps(report, indent=1, ensure_ascii=False))
    print(f"{len(report)} cards drawn into {out}")
    return 1 if failed else 0


if __name__ == "__main__":
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", type=Path, default=Path("build/cards"))
    parser.add_argument("--only", default="", help="only cards whose name starts with this")
    parser.add_argument("--lang", default="nl", choices=("nl", "en"))
    parser.add_argument("--expand", action="store_true", help="also draw with 'Meer…' opened")
    args = parser.parse_args()
    sys.exit(asyncio.run(main(args.out, args.only, args.lang, args.expand)))
