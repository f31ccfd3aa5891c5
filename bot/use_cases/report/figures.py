"""The management report's figures: one field per indicator, as the JSON shows them.

Every field is defined once, in docs/report.md. "Of those received" means the
dossiers received in the period (the cohort), each as it stands at the moment of
the report; "now" means all dossiers, at that moment. The report holds numbers
and dossier numbers only: no customer's name, no complaint's text.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime

from pydantic import BaseModel

# The dossier numbers a list shows at most (oldest first); its count is always whole.
LIST_LIMIT = 1000


def pct(part: int, whole: int) -> float | None:
    """`part` of `whole` in percent, to one decimal; None when there is no whole."""
    return round(100 * part / whole, 1) if whole else None


def nearest_rank(counts: Mapping[int, int], part: int, whole: int) -> int | None:
    """The `part`/`whole` percentile of values given as value -> how many: the smallest
    value that at least that share of them does not exceed (nearest rank)."""
    total = sum(counts.values())
    seen = 0
    for value in sorted(counts):
        seen += counts[value]
        if seen * whole >= total * part:
            return value
    return None


class Cohort(BaseModel):
    """What the dossiers received in one stretch (the period, or a month of it) came to."""

    received: int = 0
    acknowledged: int = 0
    acknowledged_within_term: int = 0
    acknowledged_late: int = 0
    acknowledgement_overdue: int = 0  # not acknowledged, and the term has passed
    acknowledgement_pending: int = 0  # not acknowledged, and the term still runs
    acknowledgement_working_days_median: int | None = None
    acknowledgement_working_days_p90: int | None = None
    handled: int = 0
    days_to_handled_median: int | None = None
    days_to_handled_p90: int | None = None
    responded_within_term: int = 0  # the written response sent by the decision term
    response_overdue: int = 0  # no written response, and the decision term has passed
    term_extended: int = 0
    escalated: int = 0
    reopened: int = 0
    evaluated: int = 0
    evaluation_agreed: int = 0
    evaluation_disagreed: int = 0
    closed: int = 0
    closed_with_agreement: int = 0
    days_to_closed_median: int | None = None
    days_to_closed_p90: int | None = None

    @property
    def acknowledged_within_term_pct(self) -> float | None:
        return pct(self.acknowledged_within_term, self.received)

    @property
    def responded_within_term_pct(self) -> float | None:
        return pct(self.responded_within_term, self.received)

    @property
    def escalated_pct(self) -> float | None:
        return pct(self.escalated, self.received)

    @property
    def closed_with_agreement_pct(self) -> float | None:
        return pct(self.closed_with_agreement, self.received)

    def figures(self) -> dict[str, int | float | None]:
        """The cohort's fields and percentages, in the JSON's order."""
        out: dict[str, int | float | None] = {}
        for name, value in self.model_dump().items():
            out[name] = value
            if f"{name}_pct" in _PERCENTAGES:
                out[f"{name}_pct"] = getattr(self, f"{name}_pct")
        return out


_PERCENTAGES = {
    "acknowledged_within_term_pct",
    "responded_within_term_pct",
    "escalated_pct",
    "closed_with_agreement_pct",
}


class Month(Cohort):
    month: str  # "2026-01"


class Figures(BaseModel):
    """What storage counts for a report (see `ReportQueries.figures`)."""

    total: Cohort
    months: list[Month]
    by_channel: dict[str, int]
    by_severity: dict[str, int]
    by_product: dict[str, int]
    by_practitioner: dict[str, int]
    directie_choices: dict[str, int]
    open_by_stage: dict[str, int]
    open_by_owner: dict[str, int]
    overdue_now: int
    overdue_by_kind: dict[str, int]
    overdue_dossiers: list[str]
    escalated_dossiers: list[str]
    repeat_customers: int
    repeat_dossiers: list[str]


class Report(BaseModel):
    """A whole report: the period, the moment it was made, and its figures."""

    start: date
    end: date
    as_of: datetime
    acknowledgement_working_days: int  # the term it was measured against
    figures: Figures

    @property
    def total(self) -> Cohort:
        return self.figures.total

    @property
    def open_now(self) -> int:
        return sum(self.figures.open_by_stage.values())

    @property
    def named_dossiers(self) -> list[str]:
        """Every dossier number the report names (overdue, escalated, repeated), once."""
        f = self.figures
        return list(dict.fromkeys([*f.overdue_dossiers, *f.escalated_dossiers, *f.repeat_dossiers]))

    def as_json(self) -> dict[str, object]:
        """The JSON of `klachtenbot rapport --json`: one key per indicator (docs/report.md)."""
        f = self.figures
        return {
            "period": {"from": self.start.isoformat(), "to": self.end.isoformat()},
            "as_of": self.as_of.isoformat(),
            "acknowledgement_term_working_days": self.acknowledgement_working_days,
            **self.total.figures(),
            "by_channel": f.by_channel,
            "by_severity": f.by_severity,
            "by_product": f.by_product,
            "by_practitioner": f.by_practitioner,
            "directie_choices": f.directie_choices,
            "referred_to_committee": self.total.evaluation_disagreed,
            "escalated_dossiers": f.escalated_dossiers,
            "repeat_customers": f.repeat_customers,
            "repeat_dossiers": f.repeat_dossiers,
            "open_now": self.open_now,
            "open_by_stage": f.open_by_stage,
            "open_by_owner": f.open_by_owner,
            "overdue_now": f.overdue_now,
            "overdue_by_kind": f.overdue_by_kind,
            "overdue_dossiers": f.overdue_dossiers,
            "months": [{"month": m.month, **m.figures()} for m in f.months],
        }
