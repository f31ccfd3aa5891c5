"""A letter page: the company's letterhead, an embedded Unicode font, the address for
a window envelope.

The page follows the usual Dutch business letter: the letterhead at the top (logo on
the left, the company's name and contact lines on the right), the customer's address
where a standard window envelope (venster links) shows it, then place and date, the
subject and the text. On pre-printed letterhead paper nothing of the letterhead is
printed, and the rest stays where it is, so one template suits both papers.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from fpdf import FPDF
from fpdf.enums import XPos, YPos
from PIL import Image

from bot.catalogue import t
from bot.use_cases.letters.company import Company

FONTS = Path(__file__).parent / "fonts"
FAMILY = "DejaVu"

MARGIN = 22.0  # mm, left and right
TOP = 15.0  # mm, where the letterhead starts
# The box the logo must fit in, whatever its shape (mm): wide logos meet its width,
# tall ones its height, and neither ever reaches the address window below it.
LOGO_BOX = (60.0, 24.0)
# The address window of a standard window envelope (EA5/6 and C5/6, window on the left):
# 20 mm from the left edge and 50 mm from the top, 90 × 40 mm; the address sits inside
# it with a little room on every side, so that folding never hides a line.
WINDOW = (22.0, 52.0, 85.0, 36.0)  # x, y, width, height in mm
BODY_TOP = WINDOW[1] + WINDOW[3] + 8.0  # place and date, then the letter's text
HEAD_END = TOP + LOGO_BOX[1] + 6.0  # where a page without an address starts its text


@dataclass(frozen=True)
class Placed:
    """Where an image was drawn, in mm: what a test of the layout can check."""

    x: float
    y: float
    w: float
    h: float


def fit(pixels: tuple[int, int], box: tuple[float, float]) -> tuple[float, float]:
    """The largest size with the image's own proportions that fits in `box`."""
    width, height = pixels
    if width <= 0 or height <= 0:
        return box
    scale = min(box[0] / width, box[1] / height)
    return width * scale, height * scale


class LetterPdf(FPDF):
    def __init__(self, company: Company, title: str) -> None:
        super().__init__(format="A4")
        self.company = company
        self.letter_title = title
        self.logo: Placed | None = None
        # fpdf2 has no font of its own that knows é, ë or ï: embed DejaVu Sans.
        self.add_font(FAMILY, "", FONTS / "DejaVuSans.ttf")
        self.add_font(FAMILY, "B", FONTS / "DejaVuSans-Bold.ttf")
        self.set_title(title)
        self.set_author(company.name)
        self.set_creator("Klachtenbot")
        self.set_margins(MARGIN, TOP, MARGIN)
        self.set_auto_page_break(True, margin=22)
        self.add_page()

    # -- what every page has ------------------------------------------------------------

    def header(self) -> None:
        # The letterhead is on the first page only, as on printed letterhead paper; with
        # that paper in the printer its room is left blank.
        if self.page_no() == 1 and not self.company.letterhead_paper:
            self._letterhead()
        elif self.page_no() == 1:
            self.set_y(HEAD_END)
        self.set_font(FAMILY, "", 11)

    def _letterhead(self) -> None:
        logo = self.company.logo
        if logo is not None and logo.is_file():
            with Image.open(logo) as image:
                w, h = fit(image.size, LOGO_BOX)
            self.image(logo, x=self.l_margin, y=TOP, w=w, h=h)
            self.logo = Placed(self.l_margin, TOP, w, h)
        # The company's name and contact lines, right-aligned beside the logo.
        self.set_xy(self.l_margin, TOP)
        self.set_font(FAMILY, "B", 12)
        self.cell(0, 6, self.company.name, align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(FAMILY, "", 8.5)
        for line in self.company.letterhead_lines():
            self.cell(0, 4.2, line, align="R", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_y(max(self.get_y() + 6, HEAD_END))

    def footer(self) -> None:
        # No "pagina 1 van 1": the first page carries no number, the ones after it do.
        if self.page_no() == 1:
            return
        self.set_y(-15)
        self.set_font(FAMILY, "", 8)
        page = t("letter.page", page=self.page_no(), pages="{nb}")
        self.cell(0, 8, f"{self.letter_title} · {page}", align="C")

    # -- the parts of a letter ------------------------------------------------------------

    def address(self, lines: list[str]) -> None:
        """The customer's name and address in the envelope's window, then room for the date."""
        x, y, width, _ = WINDOW
        self.set_xy(x, y)
        self.set_font(FAMILY, "", 10.5)
        for line in lines:
            self.set_x(x)
            self.multi_cell(width, 5, line, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_y(max(self.get_y(), BODY_TOP))

    def heading(self, text: str) -> None:
        self.set_font(FAMILY, "B", 11.5)
        self.multi_cell(0, 6.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
        self.set_font(FAMILY, "", 11)
        self.ln(1)

    def paragraph(self, text: str, *, size: float = 10.5, gap: float = 3) -> None:
        self.set_font(FAMILY, "", size)
        self.multi_cell(0, size * 0.5, text, align="L", new_x=XPos.LMARGIN, new_y=YPos.NEXT)
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
            with Image.open(self.company.signature) as image:
                w, h = fit(image.size, (50.0, 16.0))
            self.image(self.company.signature, x=self.l_margin, w=w, h=h)
        else:
            self.ln(10)

    def render(self) -> bytes:
        return bytes(self.output())
