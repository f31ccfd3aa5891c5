"""The management report's card: the headline figures, a chart per month, the PDF's button.

Read on a phone: the few figures the directie asks first, each with its share, and
the months as bars. Everything else is in the PDF. Numbers only: no names of
customers, no complaint text.
"""

from __future__ import annotations

from datetime import date, timedelta

from bot.catalogue import month_abbreviation, month_name, t
from bot.use_cases.report.figures import Report
from bot.views.cards import Card, Chart, Fact, Link, Section, Series

# Slack's chart names a month in at most 20 characters and draws at most this many
# bars a series; a longer period is drawn by its last months.
CHART_MONTHS = 12


def period_label(start: date, end: date, lang: str) -> str:
    """'2026', 'april 2026', 'april – mei 2026', or '1 april 2026 – 10 juni 2026'."""
    whole_months = start.day == 1 and (end + timedelta(days=1)).day == 1
    if not whole_months:
        return f"{_day(start, lang)} – {_day(end, lang)}"
    if (start.month, end.month) == (1, 12) and start.year == end.year:
        return str(start.year)
    first = f"{month_name(start.month, lang)} {start.year}"
    if (start.year, start.month) == (end.year, end.month):
        return first
    if start.year == end.year:
        return f"{month_name(start.month, lang)} – {month_name(end.month, lang)} {end.year}"
    return f"{first} – {month_name(end.month, lang)} {end.year}"


def _day(day: date, lang: str) -> str:
    return f"{day.day} {month_name(day.month, lang)} {day.year}"


def month_label(month: str, lang: str) -> str:
    """'2026-04' as 'apr 2026'."""
    year, number = month.split("-")
    return f"{month_abbreviation(int(number), lang)} {year}"


def _share(part: int, whole: int, pct: float | None, lang: str) -> str:
    shown = f" ({pct:.0f}%)" if pct is not None else ""
    return t("report.of", lang, part=part, whole=whole, pct=shown)


def report_card(
    report: Report, lang: str, pdf: Link | None = None, note: str | None = None
) -> Card:
    """The card for `report`; `pdf` its download button, or `note` saying how to get it."""
    total, f = report.total, report.figures
    days = total.days_to_handled_median
    facts = [
        Fact(label=t("report.received", lang), value=str(total.received)),
        Fact(
            label=t("report.acknowledged_within", lang, days=report.acknowledgement_working_days),
            value=_share(
                total.acknowledged_within_term,
                total.received,
                total.acknowledged_within_term_pct,
                lang,
            ),
        ),
        Fact(
            label=t("report.handled", lang),
            value=t("report.median_days", lang, count=total.handled, days=days)
            if days is not None
            else str(total.handled),
        ),
        Fact(
            label=t("report.closed_agreed", lang),
            value=_share(
                total.closed_with_agreement, total.received, total.closed_with_agreement_pct, lang
            ),
        ),
        Fact(
            label=t("report.escalated", lang),
            value=_share(total.escalated, total.received, total.escalated_pct, lang),
        ),
        Fact(
            label=t("report.open_now", lang),
            value=t("report.open_overdue", lang, open=report.open_now, overdue=f.overdue_now),
        ),
        Fact(label=t("report.repeat", lang), value=str(f.repeat_customers)),
    ]
    channels = " · ".join(
        f"{t(f'channel.{channel}', lang)} {count}" for channel, count in f.by_channel.items()
    )
    sections = [Section(title=t("report.by_channel", lang), text=channels)]
    if note:
        sections.append(Section(text=note))
    months = f.months[-CHART_MONTHS:]
    chart = Chart(
        title=t("report.chart_title", lang),
        categories=[month_label(m.month, lang) for m in months],
        series=[
            Series(name=t("report.series_received", lang), values=[m.received for m in months]),
            Series(
                name=t("report.series_within", lang),
                values=[m.acknowledged_within_term for m in months],
            ),
        ],
    )
    return Card(
        title=t("report.title", lang, period=period_label(report.start, report.end, lang)),
        subtitle=t("report.as_of", lang, moment=report.as_of),
        facts=facts,
        sections=sections,
        chart=chart,
        links=[pdf] if pdf else [],
    )
