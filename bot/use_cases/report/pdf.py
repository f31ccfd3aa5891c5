"""The annual complaints report for the management review, as a PDF.

On the letters' letterhead (`LetterPdf`): a cover with the key figures, charts per
month, the month table, the tables by channel, severity, product and
practitioner, the overdue, escalated and repeat dossiers by number (never a
customer's name), and a page for the directie's conclusions. Imported only when a
PDF is made: it brings fpdf2 and matplotlib.
"""

from __future__ import annotations

import io
from collections.abc import Iterable

from fpdf.enums import XPos, YPos

from bot.catalogue import t
from bot.use_cases.letters.company import Company
from bot.use_cases.letters.pdf import FAMILY, LetterPdf
from bot.use_cases.report.figures import Report
from bot.views.cards import Chart, Series
from bot.views.chart_png import png
from bot.views.report_card import month_label, period_label

# The dossier numbers a list prints at most; the count before it is always whole.
PRINTED_NUMBERS = 300

_KEY_FIGURES = (
    "received",
    "acknowledged_within_term",
    "acknowledged_within_term_pct",
    "acknowledged_late",
    "acknowledgement_overdue",
    "acknowledgement_working_days_median",
    "acknowledgement_working_days_p90",
    "handled",
    "days_to_handled_median",
    "days_to_handled_p90",
    "responded_within_term",
    "responded_within_term_pct",
    "term_extended",
    "escalated",
    "escalated_pct",
    "reopened",
    "evaluation_agreed",
    "evaluation_disagreed",
    "closed",
    "closed_with_agreement",
    "closed_with_agreement_pct",
    "days_to_closed_median",
    "days_to_closed_p90",
)
_MONTH_COLUMNS = (
    "received",
    "acknowledged_within_term",
    "handled",
    "closed",
    "escalated",
    "days_to_handled_median",
)


def _shown(value: object) -> str:
    if value is None:
        return "-"
    if isinstance(value, float):
        return f"{value:.1f}".replace(".", ",")
    return str(value)


class ReportPdf(LetterPdf):
    def __init__(self, company: Company, title: str, lang: str) -> None:
        self.lang = lang
        super().__init__(company, title)

    def footer(self) -> None:
        self.set_y(-15)
        self.set_font(FAMILY, "", 8)
        page = t("report.pdf_page", self.lang, page=self.page_no())
        self.cell(0, 8, f"{self.letter_title} · {page}", align="C")

    def grid(
        self,
        header: Iterable[str],
        rows: Iterable[Iterable[object]],
        widths: tuple[int, ...] | None = None,
    ) -> None:
        """A plain table; numbers right-aligned."""
        self.set_font(FAMILY, "", 9)
        header = list(header)
        with self.table(
            col_widths=widths,
            text_align=("LEFT", *(["RIGHT"] * (len(header) - 1))),
            line_height=5.5,
            first_row_as_headings=True,
        ) as grid:
            grid.row(header)
            for row in rows:
                grid.row([_shown(v) for v in row])
        self.ln(4)

    def chart(self, chart: Chart) -> None:
        picture = png(chart, width=1000, height=380, dpi=200)
        self.image(io.BytesIO(picture), w=self.epw)
        self.ln(3)


def report_pdf(report: Report, company: Company, lang: str = "nl") -> bytes:
    period = period_label(report.start, report.end, lang)
    title = t("report.title", lang, period=period)
    pdf = ReportPdf(company, title, lang)
    _cover(pdf, report, title, lang)
    _months(pdf, report, lang)
    _tables(pdf, report, lang)
    _lists(pdf, report, lang)
    _conclusions(pdf, lang)
    return pdf.render()


def _label(key: str, lang: str) -> str:
    return t(f"report.k.{key}", lang)


def _cover(pdf: ReportPdf, report: Report, title: str, lang: str) -> None:
    pdf.set_font(FAMILY, "B", 20)
    pdf.multi_cell(0, 10, title, new_x=XPos.LMARGIN, new_y=YPos.NEXT)
    pdf.paragraph(t("report.pdf_subtitle", lang), size=12, gap=1)
    pdf.paragraph(t("report.pdf_period", lang, start=report.start, end=report.end), gap=1)
    pdf.paragraph(t("report.as_of", lang, moment=report.as_of), gap=1)
    pdf.paragraph(t("report.pdf_privacy", lang), size=9, gap=5)
    pdf.heading(t("report.pdf_figures", lang))
    total = report.total.figures()
    rows = [(_label(k, lang), total[k]) for k in _KEY_FIGURES]
    f = report.figures
    rows += [
        (_label("referred_to_committee", lang), report.total.evaluation_disagreed),
        (_label("repeat_customers", lang), f.repeat_customers),
        (_label("open_now", lang), report.open_now),
        (_label("overdue_now", lang), f.overdue_now),
    ]
    pdf.grid([t("report.col_indicator", lang), t("report.col_period", lang)], rows, (75, 25))
    pdf.paragraph(
        t("report.pdf_definitions", lang, days=report.acknowledgement_working_days), size=8
    )


def _months(pdf: ReportPdf, report: Report, lang: str) -> None:
    pdf.add_page()
    pdf.heading(t("report.pdf_months", lang))
    months = report.figures.months
    labels = [month_label(m.month, lang) for m in months]
    pdf.chart(
        Chart(
            title=t("report.chart_ack", lang),
            categories=labels,
            series=[
                Series(name=t("report.series_received", lang), values=[m.received for m in months]),
                Series(
                    name=t("report.series_within", lang),
                    values=[m.acknowledged_within_term for m in months],
                ),
            ],
        )
    )
    pdf.chart(
        Chart(
            title=t("report.chart_days", lang),
            categories=labels,
            series=[
                Series(
                    name=t("report.series_handled", lang),
                    values=[m.days_to_handled_median or 0 for m in months],
                ),
                Series(
                    name=t("report.series_closed", lang),
                    values=[m.days_to_closed_median or 0 for m in months],
                ),
            ],
        )
    )
    header = [t("report.col_month", lang), *(_label(k, lang) for k in _MONTH_COLUMNS)]
    rows = [
        [label, *(getattr(m, k) for k in _MONTH_COLUMNS)]
        for label, m in zip(labels, months, strict=True)
    ]
    pdf.grid(header, rows, (19, 24, 25, 25, 20, 23, 30))


def _tables(pdf: ReportPdf, report: Report, lang: str) -> None:
    pdf.add_page()
    pdf.heading(t("report.pdf_tables", lang))
    f = report.figures
    count = t("report.col_count", lang)
    unknown = t("report.unknown", lang)

    def named(prefix: str | None, values: dict[str, int]) -> list[tuple[str, int]]:
        if prefix is None:
            return [(unknown if k == "onbekend" else k, v) for k, v in values.items()]
        return [(t(f"{prefix}.{k}", lang), v) for k, v in values.items()]

    for key, prefix, values in (
        ("by_channel", "channel", f.by_channel),
        ("by_severity", "severity", f.by_severity),
        ("by_product", None, f.by_product),
        ("by_practitioner", None, f.by_practitioner),
        ("directie_choices", "choice", f.directie_choices),
        ("open_by_stage", "state", f.open_by_stage),
        ("overdue_by_kind", "deadline", f.overdue_by_kind),
    ):
        pdf.grid([t(f"report.t.{key}", lang), count], named(prefix, values), (75, 25))
    owners = [
        (t("report.no_owner", lang) if k == "-" else k, v) for k, v in f.open_by_owner.items()
    ]
    pdf.grid([t("report.t.open_by_owner", lang), count], owners, (75, 25))


def _numbers(pdf: ReportPdf, title: str, numbers: list[str], count: int, lang: str) -> None:
    pdf.heading(title)
    if not numbers:
        pdf.paragraph(t("report.pdf_none", lang), size=10)
        return
    shown = numbers[:PRINTED_NUMBERS]
    text = ", ".join(shown)
    if count > len(shown):
        text += ", " + t("report.pdf_more", lang, count=count - len(shown))
    pdf.paragraph(text, size=9)


def _lists(pdf: ReportPdf, report: Report, lang: str) -> None:
    pdf.add_page()
    pdf.heading(t("report.pdf_lists", lang))
    f = report.figures
    _numbers(
        pdf,
        t("report.pdf_overdue", lang, count=f.overdue_now),
        f.overdue_dossiers,
        f.overdue_now,
        lang,
    )
    _numbers(
        pdf,
        t("report.pdf_escalated", lang, count=report.total.escalated),
        f.escalated_dossiers,
        report.total.escalated,
        lang,
    )
    _numbers(
        pdf,
        t("report.pdf_repeats", lang, count=f.repeat_customers),
        f.repeat_dossiers,
        len(f.repeat_dossiers),
        lang,
    )


def _conclusions(pdf: ReportPdf, lang: str) -> None:
    pdf.add_page()
    pdf.heading(t("report.pdf_conclusions", lang))
    pdf.paragraph(t("report.pdf_conclusions_hint", lang), size=10)
    top = pdf.get_y()
    height = pdf.h - pdf.b_margin - top - 25
    pdf.rect(pdf.l_margin, top, pdf.epw, height)
    pdf.set_y(top + height + 8)
    pdf.paragraph(t("report.pdf_signed", lang), size=10)
