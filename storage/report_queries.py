"""The management report's SQL: every figure counted in the database, the same on both engines.

The report reads `dossier_facts` (one narrow row per dossier), the timeline for what
a dossier forgets (an escalation, a reopening, the directie's choice), the pending
deadlines, and `workdays` to count working days with a subtraction. Nothing here
loads a dossier; what comes back is counts, a few percentiles and dossier numbers.
Percentiles are nearest-rank (docs/report.md): the median of n values is the
ceil(n/2)-th smallest, the 90th percentile the ceil(9n/10)-th.
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
    exists,
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
from bot.use_cases.report.figures import Cohort, Figures, Month
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

    async def figures(self, q: FiguresQuery) -> Figures:
        months = await self._cohorts(q)
        for month, (median, p90) in (await self._acknowledgement_days(q)).items():
            _put(months, month, "acknowledgement_working_days", median, p90)
        for month, (median, p90) in (await self._days_to(q, f.c.handled_on)).items():
            _put(months, month, "days_to_handled", median, p90)
        for month, (median, p90) in (await self._days_to(q, f.c.closed_on)).items():
            _put(months, month, "days_to_closed", median, p90)
        for month, action, count in await self._history(q):
            field = "escalated" if action == "escalate" else "reopened"
            setattr(months[month], field, count)
            setattr(months[ALL], field, getattr(months[ALL], field) + count)
        total = months.pop(ALL)
        repeat_customers, repeat_dossiers = await self._repeats(q)
        return Figures(
            total=total,
            months=[m for _, m in sorted(months.items())],
            by_channel=await self._by(q, f.c.channel, [c.value for c in IntakeChannel]),
            by_severity=await self._by(q, f.c.severity, [s.value for s in Severity]),
            by_product=await self._by(q, f.c.product),
            by_practitioner=await self._by(q, f.c.practitioner),
            directie_choices=await self._choices(q),
            open_by_stage=await self._open_by_stage(),
            open_by_owner=await self._open_by_owner(),
            overdue_now=await self._overdue_count(q),
            overdue_by_kind=await self._overdue_by_kind(q),
            overdue_dossiers=await self._overdue_dossiers(q),
            escalated_dossiers=await self._escalated_dossiers(q),
            repeat_customers=repeat_customers,
            repeat_dossiers=repeat_dossiers,
        )

    def _in_period(self, q: FiguresQuery) -> ColumnElement[bool]:
        return f.c.received_on.between(q.start, q.end)

    async def _cohorts(self, q: FiguresQuery) -> dict[str, Cohort]:
        """The counts per month of receipt; the period's are their sums."""
        term = q.acknowledgement_working_days
        acked = f.c.acknowledged_on.is_not(None)
        ack_days = acknowledged_wd.c.ordinal - received_wd.c.ordinal
        # Acknowledged on the term's last working day at the latest: fewer working days,
        # or exactly as many on a working day (a Saturday after it is too late).
        within = and_(
            acked,
            (ack_days < term) | and_(ack_days == term, acknowledged_wd.c.working.is_(True)),
        )
        waited = q.today_number - received_wd.c.ordinal  # working days since receipt, today
        # The term's last working day has ended: on a day off, it may have been yesterday.
        passed = waited > term if q.today_working else waited >= term
        handled = f.c.handled_on.is_not(None)
        agrees = f.c.customer_agrees
        columns = {
            "received": func.count(),
            "acknowledged": _count(acked),
            "acknowledged_within_term": _count(within),
            "acknowledged_late": _count(and_(acked, ~within)),
            "acknowledgement_overdue": _count(and_(~acked, passed)),
            "acknowledgement_pending": _count(and_(~acked, ~passed)),
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
        stmt = (
            select(f.c.received_month, *(c.label(n) for n, c in columns.items()))
            .select_from(
                f.join(received_wd, received_wd.c.day == f.c.received_on).outerjoin(
                    acknowledged_wd, acknowledged_wd.c.day == f.c.acknowledged_on
                )
            )
            .where(self._in_period(q))
            .group_by(f.c.received_month)
        )
        found: dict[str, Cohort] = {ALL: Cohort()}
        for row in await self.c.execute(stmt):
            counts = {name: int(getattr(row, name)) for name in columns}
            found[row.received_month] = Month(month=row.received_month, **counts)
            for name, value in counts.items():
                setattr(found[ALL], name, getattr(found[ALL], name) + value)
        return found

    async def _percentiles(
        self, value: ColumnElement[int], source: Any, where: ColumnElement[bool]
    ) -> dict[str, tuple[int, int]]:
        """The median and 90th percentile of `value`, per month and for the whole period."""
        by_month = select(f.c.received_month.label("grp"), value.label("v"))
        whole = select(literal(ALL).label("grp"), value.label("v"))
        values = union_all(
            by_month.select_from(source).where(where), whole.select_from(source).where(where)
        ).subquery()
        ranked = select(
            values.c.grp,
            values.c.v,
            func.row_number().over(partition_by=values.c.grp, order_by=values.c.v).label("rn"),
            func.count().over(partition_by=values.c.grp).label("n"),
        ).subquery()
        r = ranked.c
        stmt = select(
            r.grp,
            func.max(case((r.rn == (r.n + 1) // 2, r.v))).label("median"),
            func.max(case((r.rn == (9 * r.n + 9) // 10, r.v))).label("p90"),
        ).group_by(r.grp)
        return {row.grp: (int(row.median), int(row.p90)) for row in await self.c.execute(stmt)}

    async def _acknowledgement_days(self, q: FiguresQuery) -> dict[str, tuple[int, int]]:
        source = f.join(received_wd, received_wd.c.day == f.c.received_on).join(
            acknowledged_wd, acknowledged_wd.c.day == f.c.acknowledged_on
        )
        value = acknowledged_wd.c.ordinal - received_wd.c.ordinal
        return await self._percentiles(value, source, self._in_period(q))

    async def _days_to(self, q: FiguresQuery, column: Any) -> dict[str, tuple[int, int]]:
        value = days_between(f.c.received_on, column)
        return await self._percentiles(value, f, and_(self._in_period(q), column.is_not(None)))

    async def _history(self, q: FiguresQuery) -> list[tuple[str, str, int]]:
        """Per month: how many dossiers were ever escalated, and ever reopened."""
        stmt = (
            select(f.c.received_month, e.c.action, func.count(distinct(e.c.dossier_id)))
            .select_from(e.join(f, f.c.dossier_id == e.c.dossier_id))
            .where(e.c.action.in_(("escalate", "reopen")), self._in_period(q))
            .group_by(f.c.received_month, e.c.action)
        )
        return [(m, a, int(n)) for m, a, n in await self.c.execute(stmt)]

    async def _by(
        self, q: FiguresQuery, column: Any, every: list[str] | None = None
    ) -> dict[str, int]:
        """The period's dossiers counted by `column`; `every` value shown, also at zero."""
        stmt = (
            select(column, func.count())
            .where(self._in_period(q))
            .group_by(column)
            .order_by(func.count().desc(), column)
        )
        found = {value: 0 for value in every or ()}
        for value, count in await self.c.execute(stmt):
            key = value if value is not None else UNKNOWN
            found[key] = found.get(key, 0) + int(count)
        return found

    async def _choices(self, q: FiguresQuery) -> dict[str, int]:
        """Each choice the directie made on the period's dossiers (every decision counts)."""
        choice = e.c.data["choice"].as_string()
        stmt = (
            select(choice, func.count())
            .select_from(e.join(f, f.c.dossier_id == e.c.dossier_id))
            .where(e.c.action == "decide", self._in_period(q))
            .group_by(choice)
        )
        found = {c.value: 0 for c in DirectieChoice}
        for value, count in await self.c.execute(stmt):
            found[value] = int(count)
        return found

    async def _open_by_stage(self) -> dict[str, int]:
        stmt = (
            select(f.c.state, func.count())
            .where(f.c.state != State.GESLOTEN.value)
            .group_by(f.c.state)
        )
        counts = {state: int(n) for state, n in await self.c.execute(stmt)}
        return {s.value: counts.get(s.value, 0) for s in State if s is not State.GESLOTEN}

    async def _open_by_owner(self) -> dict[str, int]:
        """Open dossiers by owner's name; "-" for those without an owner yet."""
        p = t.people
        stmt = (
            select(p.c.name, func.count())
            .select_from(f.outerjoin(p, p.c.id == f.c.owner_id))
            .where(f.c.state != State.GESLOTEN.value)
            .group_by(f.c.owner_id, p.c.name)
            .order_by(func.count().desc(), p.c.name)
        )
        found: dict[str, int] = {}
        for name, count in await self.c.execute(stmt):
            key = name if name is not None else "-"
            found[key] = found.get(key, 0) + int(count)
        return found

    def _overdue(self, q: FiguresQuery) -> ColumnElement[bool]:
        return and_(dl.c.met_at.is_(None), dl.c.dropped_at.is_(None), dl.c.due_at < q.now)

    async def _overdue_count(self, q: FiguresQuery) -> int:
        stmt = select(func.count(distinct(dl.c.dossier_id))).where(self._overdue(q))
        return int((await self.c.execute(stmt)).scalar_one())

    async def _overdue_by_kind(self, q: FiguresQuery) -> dict[str, int]:
        stmt = select(dl.c.kind, func.count()).where(self._overdue(q)).group_by(dl.c.kind)
        counts = {kind: int(n) for kind, n in await self.c.execute(stmt)}
        return {k.value: counts.get(k.value, 0) for k in DeadlineKind}

    async def _overdue_dossiers(self, q: FiguresQuery) -> list[str]:
        """The overdue dossiers' numbers, the longest overdue first."""
        stmt = (
            select(d.c.number)
            .select_from(dl.join(d, d.c.id == dl.c.dossier_id))
            .where(self._overdue(q))
            .group_by(d.c.id, d.c.number)
            .order_by(func.min(dl.c.due_at), d.c.number)
            .limit(q.list_limit)
        )
        return list((await self.c.execute(stmt)).scalars())

    async def _escalated_dossiers(self, q: FiguresQuery) -> list[str]:
        escalated = exists().where(e.c.dossier_id == f.c.dossier_id, e.c.action == "escalate")
        stmt = (
            select(d.c.number)
            .select_from(f.join(d, d.c.id == f.c.dossier_id))
            .where(self._in_period(q), escalated)
            .order_by(f.c.received_on, d.c.number)
            .limit(q.list_limit)
        )
        return list((await self.c.execute(stmt)).scalars())

    async def _repeats(self, q: FiguresQuery) -> tuple[int, list[str]]:
        """Customers with another dossier received within twelve months of one in the period."""
        other = f.alias("other")
        repeat = exists().where(
            other.c.customer_number == f.c.customer_number,
            other.c.dossier_id != f.c.dossier_id,
            other.c.received_on <= year_later(f.c.received_on),
            f.c.received_on <= year_later(other.c.received_on),
        )
        where = and_(self._in_period(q), f.c.customer_number.is_not(None), repeat)
        customers = select(func.count(distinct(f.c.customer_number))).where(where)
        numbers = (
            select(d.c.number)
            .select_from(f.join(d, d.c.id == f.c.dossier_id))
            .where(where)
            .order_by(f.c.received_on, d.c.number)
            .limit(q.list_limit)
        )
        count = int((await self.c.execute(customers)).scalar_one())
        return count, list((await self.c.execute(numbers)).scalars())


def _put(
    months: dict[str, Cohort], month: str, name: str, median: int | None, p90: int | None
) -> None:
    setattr(months[month], f"{name}_median", median)
    setattr(months[month], f"{name}_p90", p90)
