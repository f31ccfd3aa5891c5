"""Draws Klachtenbot's Teams icons (run once; the PNGs are kept beside this script).

Teams asks for a 192x192 colour icon and a 32x32 outline icon that is white on
a transparent background. Needs Pillow: `python manifest/teams/icons.py`.
"""

from __future__ import annotations

from pathlib import Path

from PIL import Image, ImageDraw

HERE = Path(__file__).resolve().parent
ACCENT = (31, 92, 153, 255)  # the manifest's accentColor, #1F5C99
WHITE = (255, 255, 255, 255)


def _bubble(draw: ImageDraw.ImageDraw, size: int, colour: tuple[int, ...], width: int) -> None:
    """A speech bubble with a check mark: a complaint that gets handled."""
    m = size * 0.16
    draw.rounded_rectangle(
        (m, m, size - m, size * 0.72), radius=size * 0.12, outline=colour, width=width
    )
    draw.polygon(
        [(size * 0.30, size * 0.70), (size * 0.30, size * 0.88), (size * 0.48, size * 0.70)],
        fill=colour,
    )
    draw.line(
        [(size * 0.34, size * 0.44), (size * 0.46, size * 0.56), (size * 0.68, size * 0.32)],
        fill=colour,
        width=width,
        joint="curve",
    )


def colour_icon() -> Image.Image:
    image = Image.new("RGBA", (192, 192), ACCENT)
    _bubble(ImageDraw.Draw(image), 192, WHITE, 12)
    return image


def outline_icon() -> Image.Image:
    image = Image.new("RGBA", (32, 32), (0, 0, 0, 0))
    _bubble(ImageDraw.Draw(image), 32, WHITE, 2)
    return image


if __name__ == "__main__":
    colour_icon().save(HERE / "color.png")
    outline_icon().save(HERE / "outline.png")
