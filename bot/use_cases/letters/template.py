"""Editable letter templates: plain text with $placeholders, paragraphs and headings.

Kept deliberately small so that the company can change its letters without a
programmer: "# " starts a comment line, a blank line starts a paragraph, "## "
makes a heading and "[handtekening]" places the signature image.
"""

from __future__ import annotations

from pathlib import Path
from string import Template

from bot.use_cases.letters.pdf import LetterPdf

TEMPLATES = Path(__file__).parent / "templates"
SIGNATURE = "[handtekening]"


def load(name: str, override: Path | None = None) -> str:
    path = override if override is not None and override.is_file() else TEMPLATES / name
    return path.read_text(encoding="utf-8")


def fill(template: str, values: dict[str, str]) -> list[str]:
    """The template's paragraphs with every known placeholder filled in.

    Values are inserted as they are (a customer's "$" stays a "$"); an unknown
    placeholder is left visible, so a typo in an edited template shows.
    """
    lines = [s for s in template.splitlines() if not (s.startswith("#") and not s.startswith("##"))]
    text = Template("\n".join(lines)).safe_substitute(values)
    blocks, current = [], []
    for line in text.splitlines():
        if line.strip():
            current.append(line.rstrip())
        elif current:
            blocks.append("\n".join(current))
            current = []
    if current:
        blocks.append("\n".join(current))
    return blocks


def render(pdf: LetterPdf, blocks: list[str]) -> None:
    for block in blocks:
        if block.startswith("## "):
            pdf.heading(block[3:].strip())
            continue
        before, marker, after = block.partition(SIGNATURE)
        if before.strip():
            pdf.paragraph(before.strip("\n"), gap=0 if marker else 3)
        if marker:
            pdf.signature()
            if after.strip():
                pdf.paragraph(after.strip("\n"))
