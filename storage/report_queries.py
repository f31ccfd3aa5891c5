"""The management report's SQL: every figure counted in the database, the same on both engines.

The report reads `dossier_facts` (one narrow row per dossier), the timeline for what
a dossier forgets (an escalation, a reopening, the directie's choice), the pending
deadlines, and `workdays` to count working days with a subtraction. Nothing here
loads a dossier; what comes back is counts, a few percentiles and dossier numbers.
Percentiles are nearest-rank (docs/report.md): the median of n values is the
ceil(n/2)-th smallest, the 90th percentile the ceil(9n/10)-th; SQL counts how many
dossiers took each number of days and reads them from those counts.
"""

from __future__ import annotations

import contextlib
from collections.abc import AsyncIterator, Mapping
from datetime import date
from typing import Any

from sqlalchemy import (
    Date,
    Integer,
    and_,
    case,
    distinct,
    func,
    literal,
    select,
    union_all,
)
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement, FunctionElement

from bot.rules.deadlines import DeadlineKind
from bot.rules.dossier import DirectieChoice, IntakeChannel, Severity, State
from bot.use_cases.report.figures import Cohort, Figures, Month, nearest_rank
from bot.use_cases.report.ports import FiguresQuery
from storage import tables as t
from storage.uow import SqlUnitOfWork

f, e, dl, d = t.dossier_facts, t.events, t.deadlines, t.dossiers
received_wd = t.workdays.alias("received_wd")
acknowledged_wd = t.workdays.alias("acknowledged_wd")
ALL = "*"  # the group of the whole period, beside its months
UNKNOWN = "onbekend"  # a product or practitioner that was not recorded


class days_between(FunctionElement[int]):
    """The calendar days from the first date to the second."""

    type = Integer()
    inherit_cache = True


@compiles(days_between, "sqlite")
def _days_sqlite(element: days_between, compiler: Any, **kw: Any) -> str:
    first, second = (compiler.process(c, **kw) for c in element.clauses)
    return f"CAST(julianday({second}) - julianday({first}) AS INTEGER)"


@compiles(days_between, "postgresql")
def _days_postgresql(element: days_between, compiler: Any, **kw: Any) -> str:
    first, second = (compiler.process(c, **kw) for c in element.clauses)
    return f"({second} - {first})"


class year_later(FunctionElement[date]):
    """The same date twelve months later."""

    type = Date()
    inherit_cache = True


@compiles(year_later, "sqlite")
def _year_sqlite(element: year_later, compiler: Any, **kw: Any) -> str:
    (day,) = (compiler.process(c, **kw) for c in element.clauses)
    return f"date({day}, '+12 months')"


@compiles(year_later, "postgresql")
def _year_postgresql(element: year_later, compiler: Any, **kw: Any) -> str:
    (day,) = (compiler.process(c, **kw) for c in element.clauses)
    return f"CAST({day} + interval '12 months' AS DATE)"


@contextlib.asynccontextmanager
async def report_transaction(engine: AsyncEngine) -> AsyncIterator[SqlReportQueries]:
    """One transaction for one report: it reads, and writes only working-day numbers."""
    async with SqlUnitOfWork(engine) as uow:
        assert uow.connection is not None
        yield SqlReportQueries(uow.connection)
        await uow.commit()


def _count(condition: ColumnElement[bool]) -> ColumnElement[int]:
    return func.coalesce(func.sum(case((condition, 1), else_=0)), 0)


class SqlReportQueries:
    def __init__(self, connection: AsyncConnection) -> None:
        self.c = connection

    # -- the working-day numbers ------------------------------------------------------------

    async def workdays(self, first: date, last: date) -> dict[date, tuple[int, bool]]:
        w = t.workdays
        rows = await self.c.execute(select(w).where(w.c.day.between(first, last)))
        return {r.day: (r.ordinal, bool(r.working)) for r in rows}

    async def keep_workdays(self, days: Mapping[date, tuple[int, bool]]) -> None:
        if not days:
            return
        upsert = pg_insert if self.c.dialect.name == "postgresql" else sqlite_insert
        stmt = upsert(t.workdays)
        stmt = stmt.on_conflict_do_update(
            index_elements=["day"],
            set_={"ordinal": stmt.excluded.ordinal, "working": stmt.excluded.working},
        )
        # In day order, so two reports filling the same days lock them in the same order.
        rows = [{"day": k, "ordinal": n, "working": w} for k, (n, w) in sorted(days.items())]
        await self.c.execute(stmt, rows)

    # -- the figures ------------------------------------------------------------------------
    # Each statement reads the period's facts once (or only the timeline's few rows, or
    # the pending deadlines) and hands back counts: a year of 100,000 dossiers is a
    # handful of scans, whatever the number of figures.

    async def figures(self, q: FiguresQuery) -> Figures:
        months, acknowledgement_days = await self._cohorts(q)
        _percentiles(months, "acknowledgement_working_days", acknowledgement_days)
        for name, histogram in (await self._days_to(q)).items():
            _percentiles(months, name, histogram)
        escalated, reopened, choices = await self._history(q)
        for field, counts in (("escalated", escalated), ("reopened", reopened)):
            for month, count in counts.items():
                setattr(months[month], field, count)
                setattr(months[ALL], field, getattr(months[ALL], field) + count)
        total = months.pop(ALL)
        by = await self._breakdowns(q)
        open_by_stage, open_by_owner = await self._open_now()
        overdue_now, overdue_by_kind, overdue_dossiers = await self._overdue(q)
        repeat_customers, repeat_dossiers = await self._repeats(q)
        return Figures(
            total=total,
            months=[m for _, m in sorted(months.items())],
            by_channel={c.value: by["channel"].get(c.value, 0) for c in IntakeChannel},
            by_severity={s.value: by["severity"].get(s.value, 0) for s in Severity},
            by_product=_largest_first(by["product"]),
            by_practitioner=_largest_first(by["practitioner"]),
            directie_choices={c.value: choices.get(c.value, 0) for c in DirectieChoice},
            open_by_stage=open_by_stage,
            open_by_owner=open_by_owner,
            overdue_now=overdue_now,
            overdue_by_kind=overdue_by_kind,
            overdue_dossiers=overdue_dossiers,
            escalated_dossiers=await self._escalated_dossiers(q),
            repeat_customers=repeat_customers,
            repeat_dossiers=repeat_dossiers,
        )

    def _in_period(self, q: FiguresQuery) -> ColumnElement[bool]:
        # The months too: they lead the table's order, so the period is read as a stretch.
        months = f.c.received_month.between(f"{q.start:%Y-%m}", f"{q.end:%Y-%m}")
        return and_(months, f.c.received_on.between(q.start, q.end))

    async def _cohorts(self, q: FiguresQuery) -> tuple[dict[str, Cohort], Histograms]:
        """The counts per month of receipt (the period's are their sums), and how many
        working days each acknowledgement took: one read of the period, counted per
        month, per outcome of the acknowledgement and per number of working days."""
        handled = f.c.handled_on.is_not(None)
        agrees = f.c.customer_agrees
        counted = {
            "received": func.count(),
            "handled": _count(handled),
            "responded_within_term": _count(and_(handled, f.c.handled_on <= f.c.decision_due)),
            "response_overdue": _count(and_(~handled, f.c.decision_due < q.today)),
            "term_extended": _count(f.c.term_extended.is_(True)),
            "evaluated": _count(agrees.is_not(None)),
            "evaluation_agreed": _count(agrees.is_(True)),
            "evaluation_disagreed": _count(agrees.is_(False)),
            "closed": _count(f.c.closed_on.is_not(None)),
            "closed_with_agreement": _count(and_(f.c.closed_on.is_not(None), agrees.is_(True))),
        }
        term = q.acknowledgement_working_days
        acked = f.c.acknowledged_on.is_not(None)
        days = acknowledged_wd.c.ordinal - received_wd.c.ordinal
        # Acknowledged on the term's last working day at the latest: fewer working days,
        # or exactly as many on a working day (a Saturday after it is too late).
        within = (days < term) | and_(days == term, acknowledged_wd.c.working.is_(True))
        waited = q.today_number - received_wd.c.ordinal  # working days since receipt, today
        # The term's last working day has ended: on a day off, it may have been yesterday.
        passed = waited > term if q.today_working else waited >= term
        kind = case(
            (and_(acked, within), "within"),
            (acked, "late"),
            (passed, "overdue"),
            else_="pending",
        )
        stmt = (
            select(
                f.c.received_month,
                kind.label("kind"),
                days.label("days"),
                *(c.label(name) for name, c in counted.items()),
            )
            .select_from(
                f.join(received_wd, received_wd.c.day == f.c.received_on).outerjoin(
                    acknowledged_wd, acknowledged_wd.c.day == f.c.acknowledged_on
                )
            )
            .where(self._in_period(q))
            .group_by(f.c.received_month, kind, days)
        )
        found: dict[str, Cohort] = {ALL: Cohort()}
        histograms: Histograms = {}
        field = {
            "within": "acknowledged_within_term",
            "late": "acknowledged_late",
            "overdue": "acknowledgement_overdue",
            "pending": "acknowledgement_pending",
        }
        for row in await self.c.execute(stmt):
            month = found.setdefault(row.received_month, Month(month=row.received_month))
            counts = {name: int(getattr(row, name)) for name in counted}
            counts[field[row.kind]] = counts["received"]
            if row.kind in ("within", "late"):
                counts["acknowledged"] = counts["received"]
                for key in (row.received_month, ALL):
                    bins = histograms.setdefault(key, {})
                    bins[int(row.days)] = bins.get(int(row.days), 0) + counts["received"]
            _add(month, counts)
            _add(found[ALL], counts)
        return found, histograms

    async def _days_to(self, q: FiguresQuery) -> dict[str, Histograms]:
        """How many dossiers took each number of days from receipt to handled and to closed."""
        parts = []
        for name, column in (
            ("days_to_handled", f.c.handled_on),
            ("days_to_closed", f.c.closed_on),
        ):
            days = days_between(f.c.received_on, column)
            parts.append(
                select(
                    literal(name).label("measure"),
                    f.c.received_month.label("month"),
                    days.label("days"),
                    func.count().label("n"),
                )
                .where(self._in_period(q), column.is_not(None))
                .group_by(f.c.received_month, days)
            )
        found: dict[str, Histograms] = {"days_to_handled": {}, "days_to_closed": {}}
        for measure, month, days, n in await self.c.execute(union_all(*parts)):
            for key in (month, ALL):
                bins = found[measure].setdefault(key, {})
                bins[int(days)] = bins.get(int(days), 0) + int(n)
        return found

    async def _history(
        self, q: FiguresQuery
    ) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
        """From the timeline: per month, the dossiers ever escalated and ever reopened; and
        each choice the directie made on the period's dossiers (every decision counts)."""
        choice = case((e.c.action == "decide", e.c.data["choice"].as_string()), else_=None)
        stmt = (
            select(
                f.c.received_month,
                e.c.action,
                choice.label("choice"),
                func.count().label("events"),
                func.count(distinct(e.c.dossier_id)).label("dossiers"),
            )
            .select_from(e.join(f, f.c.dossier_id == e.c.dossier_id))
            .where(e.c.action.in_(("escalate", "reopen", "decide")), self._in_period(q))
            .group_by(f.c.received_month, e.c.action, choice)
        )
        escalated: dict[str, int] = {}
        reopened: dict[str, int] = {}
        choices: dict[str, int] = {}
        for row in await self.c.execute(stmt):
            if row.action == "escalate":
                escalated[row.received_month] = int(row.dossiers)
            elif row.action == "reopen":
                reopened[row.received_month] = int(row.dossiers)
            else:
                choices[row.choice] = choices.get(row.choice, 0) + int(row.events)
        return escalated, reopened, choices

    async def _breakdowns(self, q: FiguresQuery) -> dict[str, dict[str, int]]:
        """The period's dossiers by channel, severity, product and practitioner, in one read:
        counted per combination first, then per each."""
        combined = (
            select(
                f.c.channel, f.c.severity, f.c.product, f.c.practitioner, func.count().label("n")
            )
            .where(self._in_period(q))
            .group_by(f.c.channel, f.c.severity, f.c.product, f.c.practitioner)
            .cte("combined")
        )
        parts = [
            select(
                literal(name).label("by"), combined.c[name].label("value"), func.sum(combined.c.n)
            ).group_by(combined.c[name])
            for name in ("channel", "severity", "product", "practitioner")
        ]
        found: dict[str, dict[str, int]] = {
            "channel": {},
            "severity": {},
            "product": {},
            "practitioner": {},
        }
        for by, value, count in await self.c.execute(union_all(*parts)):
            key = value if value is not None else UNKNOWN
            found[by][key] = found[by].get(key, 0) + int(count)
        return found

    async def _open_now(self) -> tuple[dict[str, int], dict[str, int]]:
        """Every open dossier now, by stage and by owner ("-": no owner yet)."""
        p = t.people
        stmt = (
            select(f.c.state, p.c.name, func.count())
            .select_from(f.outerjoin(p, p.c.id == f.c.owner_id))
            .where(f.c.state != State.GESLOTEN.value)
            .group_by(f.c.state, f.c.owner_id, p.c.name)
        )
        by_stage: dict[str, int] = {s.value: 0 for s in State if s is not State.GESLOTEN}
        by_owner: dict[str, int] = {}
        for state, name, count in await self.c.execute(stmt):
            by_stage[state] = by_stage.get(state, 0) + int(count)
            key = name if name is not None else "-"
            by_owner[key] = by_owner.get(key, 0) + int(count)
        return by_stage, _largest_first(by_owner)

    async def _overdue(self, q: FiguresQuery) -> tuple[int, dict[str, int], list[str]]:
        """The deadlines past due now: the dossiers, the deadlines by kind, and the numbers
        (the longest overdue first)."""
        overdue = and_(dl.c.met_at.is_(None), dl.c.dropped_at.is_(None), dl.c.due_at < q.now)
        by_kind = select(dl.c.kind, func.count()).where(overdue).group_by(dl.c.kind)
        kinds = {kind: int(n) for kind, n in await self.c.execute(by_kind)}
        dossiers = select(func.count(distinct(dl.c.dossier_id))).where(overdue)
        numbers = (
            select(d.c.number)
            .select_from(dl.join(d, d.c.id == dl.c.dossier_id))
            .where(overdue)
            .group_by(d.c.id, d.c.number)
            .order_by(func.min(dl.c.due_at), d.c.number)
            .limit(q.list_limit)
        )
        return (
            int((await self.c.execute(dossiers)).scalar_one()),
            {k.value: kinds.get(k.value, 0) for k in DeadlineKind},
            list((await self.c.execute(numbers)).scalars()),
        )

    async def _escalated_dossiers(self, q: FiguresQuery) -> list[str]:
        """The period's escalated dossiers, found from the timeline's few escalations."""
        stmt = (
            select(d.c.number)
            .select_from(
                e.join(f, f.c.dossier_id == e.c.dossier_id).join(d, d.c.id == e.c.dossier_id)
            )
            .where(e.c.action == "escalate", self._in_period(q))
            .group_by(d.c.number, f.c.received_on)
            .order_by(f.c.received_on, d.c.number)
            .limit(q.list_limit)
        )
        return list((await self.c.execute(stmt)).scalars())

    async def _repeats(self, q: FiguresQuery) -> tuple[int, list[str]]:
        """Customers with another dossier received within twelve months of one in the period.

        Each dossier is set beside the same customer's previous and next one (in the
        order of the customer index), so no dossier is looked up twice.
        """
        window = {
            "partition_by": f.c.customer_number,
            "order_by": (f.c.received_on, f.c.dossier_id),
        }
        near = (
            select(
                f.c.dossier_id,
                f.c.customer_number,
                f.c.received_on,
                func.lag(f.c.received_on).over(**window).label("before"),
                func.lead(f.c.received_on).over(**window).label("after"),
            )
            .where(
                f.c.customer_number.is_not(None),
                f.c.received_on.between(_year_before(q.start), _year_after(q.end)),
            )
            .subquery("near")
        )
        repeat = and_(
            near.c.received_on.between(q.start, q.end),
            (year_later(near.c.before) >= near.c.received_on)
            | (year_later(near.c.received_on) >= near.c.after),
        )
        customers = select(func.count(distinct(near.c.customer_number))).where(repeat)
        numbers = (
            select(d.c.number)
            .select_from(near.join(d, d.c.id == near.c.dossier_id))
            .where(repeat)
            .order_by(near.c.received_on, d.c.number)
            .limit(q.list_limit)
        )
        count = int((await self.c.execute(customers)).scalar_one())
        return count, list((await self.c.execute(numbers)).scalars())


Histograms = dict[str, dict[int, int]]  # month (or ALL) -> days -> how many dossiers


def _year_before(day: date) -> date:
    return day.replace(year=day.year - 1, day=28 if day.month == 2 and day.day == 29 else day.day)


def _year_after(day: date) -> date:
    return day.replace(year=day.year + 1, day=28 if day.month == 2 and day.day == 29 else day.day)


def _add(total: Cohort, counts: dict[str, int]) -> None:
    for name, value in counts.items():
        setattr(total, name, getattr(total, name) + value)


def _largest_first(counts: dict[str, int]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _percentiles(months: dict[str, Cohort], name: str, histograms: Histograms) -> None:
    for month, bins in histograms.items():
        setattr(months[month], f"{name}_median", nearest_rank(bins, 1, 2))
        setattr(months[month], f"{name}_p90", nearest_rank(bins, 9, 10))
