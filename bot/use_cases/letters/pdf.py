"""A letter page: the company's letterhead, an embedded Unicode font, page numbers."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos

from bot.catalogue import t
from bot.use_cases.letters.company import Company

FONTS = Path(__file__).parent / "fonts"
FAMILY = "DejaVu"
_MONTHS = (
    "januari", "februari", "maart", "april", "mei", "juni",
    "juli", "augustus", "september", "oktober", "november", "december",
)  # fmt: skip


def long_date(day: date) -> str:
    """'24 november 2026', as a Dutch letter dates itself."""
    return f"{day.day} {_MONTHS[day.month - 1]} {day.year}"


class LetterPdf(FPDF):
    def __init__(self, company: Company, title: str) -> None:
        super().__init__(format="A4")
        self.company = company
        self.letter_title = title
        # fpdf2 has no font of its own that knows é, ë or ï: embed DejaVu Sans.
        self.add_font(FAMILY, "", FONTS / "DejaVuSans.ttf")
        self.add_font(FAMILY, "B", FONTS / "DejaVuSans-Bold.ttf")
        self.set_title(title)
        self.set_author(company.name)
        self.set_creator("Klachtenbot")
        self.set_margins(22, 18, 22)
        self.set_auto_page_break(True, margin=22)
        self.add_page()

    def header(self) -> None:
        top = self.t_margin
        if self.company.logo is not None and self.company.logo.is_file():
            self.image(self.company.logo, x=self.w - self.r_margin - 40, y=top, h=16)
        self.set_xy(self.l_margin, top)
        self.set_font(FAMILY, "B", 13)
        self.cell(0, 7, self.company.name, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(FAMILY, "", 9)
        contact = [*self.company.address]
        contact += [x for x in (self.company.phone, self.company.email, self.company.website) if x]
        for line in contact:
            self.cell(0, 4.5, line, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(6)
        self.set_font(FAMILY, "", 11)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font(FAMILY, "", 8)
        page = t("letter.page", page=self.page_no(), pages="{nb}")
        self.cell(0, 8, f"{self.letter_title} · {page}", align="C")

    def heading(self, text: str) -> None:
        self.set_font(FAMILY, "B", 12)
        self.multi_cell(0, 7, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(FAMILY, "", 11)
        self.ln(1)

    def paragraph(self, text: str, *, size: float = 11, gap: float = 3) -> None:
        self.set_font(FAMILY, "", size)
        self.multi_cell(0, size * 0.52, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.ln(gap)

    def facts(self, rows: list[tuple[str, str]]) -> None:
        """Label and value in two columns; long values wrap under their own column."""
        label_width = 52
        for label, value in rows:
            self.set_font(FAMILY, "B", 10)
            y = self.get_y()
            self.multi_cell(label_width, 5.5, label, align="L", new_x=XPos.RIGHT, new_y=YPos.TOP)
            self.set_font(FAMILY, "", 10)
            self.multi_cell(0, 5.5, value or "-", align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
            self.set_y(max(self.get_y(), y + 5.5))
        self.ln(3)

    def signature(self) -> None:
        if self.company.signature is not None and self.company.signature.is_file():
            self.image(self.company.signature, x=self.l_margin, h=16)
        else:
            self.ln(10)

    def render(self) -> bytes:
        return bytes(self.output())
