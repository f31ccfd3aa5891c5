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

from sqlalchemy import CTE, and_, case, distinct, func, literal, select, union_all
from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncConnection, AsyncEngine

from bot.rules.deadlines import DeadlineKind
from bot.rules.dossier import OPEN_STATES, DirectieChoice, IntakeChannel, Severity, State
from bot.use_cases.report.figures import Cohort, Figures, Month, nearest_rank
from bot.use_cases.report.ports import FiguresQuery
from storage import tables as t
from storage.report_repeats import repeats
from storage.report_sql import count_where, days_between, in_period
from storage.uow import SqlUnitOfWork

f, e, dl, d = t.dossier_facts, t.events, t.deadlines, t.dossiers
received_wd = t.workdays.alias("received_wd")
acknowledged_wd = t.workdays.alias("acknowledged_wd")
ALL = "*"  # the group of the whole period, beside its months
UNKNOWN = "onbekend"  # a product or practitioner that was not recorded


@contextlib.asynccontextmanager
async def report_transaction(engine: AsyncEngine) -> AsyncIterator[SqlReportQueries]:
    """One transaction for one report: it reads, and writes only working-day numbers."""
    async with SqlUnitOfWork(engine) as uow:
        assert uow.connection is not None
        yield SqlReportQueries(uow.connection)
        await uow.commit()


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
    # Each statement reads the period's facts once in an order an index already has, so
    # the database counts as it reads instead of sorting 100,000 rows first: per month
    # (the table's own order), per day of receipt and of acknowledgement, handling or
    # closing (an index each), per product or practitioner (an index each). What it
    # hands back is counts: a few hundred rows for a year, whatever the number of dossiers.
    # What a dossier forgets comes from the timeline's few rows, and what is overdue from
    # the pending deadlines alone.

    async def figures(self, q: FiguresQuery) -> Figures:
        months, by_channel, by_severity = await self._cohorts(q)
        _percentiles(
            months, "acknowledgement_working_days", await self._acknowledgements(q, months)
        )
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
        repeat_customers, repeat_dossiers = await repeats(self.c, q)
        return Figures(
            total=total,
            months=[m for _, m in sorted(months.items())],
            by_channel=by_channel,
            by_severity=by_severity,
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

    async def _cohorts(
        self, q: FiguresQuery
    ) -> tuple[dict[str, Cohort], dict[str, int], dict[str, int]]:
        """The counts per month of receipt (the period's are their sums), and the period's
        dossiers by channel and by severity: one read of the period in the table's order,
        every count a sum over the month's rows."""
        responded = f.c.responded_on.is_not(None)
        agrees = f.c.customer_agrees
        counted = {
            "received": func.count(),
            "handled": func.count(f.c.handled_on),
            "responded_within_term": count_where(
                and_(responded, f.c.responded_on <= f.c.decision_due)
            ),
            "response_overdue": count_where(and_(~responded, f.c.decision_due < q.today)),
            "term_extended": count_where(f.c.term_extended.is_(True)),
            "evaluated": func.count(agrees),
            "evaluation_agreed": count_where(agrees.is_(True)),
            "evaluation_disagreed": count_where(agrees.is_(False)),
            "closed": func.count(f.c.closed_on),
            "closed_with_agreement": count_where(
                and_(f.c.closed_on.is_not(None), agrees.is_(True))
            ),
        }
        # Channels and severities are few and known: a sum each, in the same read.
        channels = {c.value: count_where(f.c.channel == c.value) for c in IntakeChannel}
        severities = {s.value: count_where(f.c.severity == s.value) for s in Severity}
        stmt = (
            select(
                f.c.received_month,
                *(c.label(name) for name, c in counted.items()),
                *(c.label(f"channel_{i}") for i, c in enumerate(channels.values())),
                *(c.label(f"severity_{i}") for i, c in enumerate(severities.values())),
            )
            .where(in_period(q))
            .group_by(f.c.received_month)
        )
        found: dict[str, Cohort] = {ALL: Cohort()}
        by_channel = dict.fromkeys(channels, 0)
        by_severity = dict.fromkeys(severities, 0)
        for row in await self.c.execute(stmt):
            counts = {name: int(getattr(row, name)) for name in counted}
            _add(found.setdefault(row.received_month, Month(month=row.received_month)), counts)
            _add(found[ALL], counts)
            for i, value in enumerate(channels):
                by_channel[value] += int(getattr(row, f"channel_{i}"))
            for i, value in enumerate(severities):
                by_severity[value] += int(getattr(row, f"severity_{i}"))
        return found, by_channel, by_severity

    async def _acknowledgements(self, q: FiguresQuery, months: dict[str, Cohort]) -> Histograms:
        """Each acknowledgement's outcome, counted into `months`, and how many working days
        each took. The period is first counted per day of receipt and day of
        acknowledgement (in an index's order); only those few pairs meet the calendar."""
        pairs = (
            select(
                f.c.received_month.label("month"),
                f.c.received_on,
                f.c.acknowledged_on,
                func.count().label("n"),
            )
            .where(in_period(q))
            .group_by(f.c.received_month, f.c.received_on, f.c.acknowledged_on)
            .subquery("pairs")
        )
        term = q.acknowledgement_working_days
        acked = pairs.c.acknowledged_on.is_not(None)
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
            select(pairs.c.month, kind.label("kind"), days.label("days"), func.sum(pairs.c.n))
            .select_from(
                pairs.join(received_wd, received_wd.c.day == pairs.c.received_on).outerjoin(
                    acknowledged_wd, acknowledged_wd.c.day == pairs.c.acknowledged_on
                )
            )
            .group_by(pairs.c.month, kind, days)
        )
        field = {
            "within": "acknowledged_within_term",
            "late": "acknowledged_late",
            "overdue": "acknowledgement_overdue",
            "pending": "acknowledgement_pending",
        }
        histograms: Histograms = {}
        for month, kind_, days_, n in await self.c.execute(stmt):
            counts = {field[kind_]: int(n)}
            if kind_ in ("within", "late"):
                counts["acknowledged"] = int(n)
                for key in (month, ALL):
                    bins = histograms.setdefault(key, {})
                    bins[int(days_)] = bins.get(int(days_), 0) + int(n)
            _add(months[month], counts)
            _add(months[ALL], counts)
        return histograms

    async def _days_to(self, q: FiguresQuery) -> dict[str, Histograms]:
        """How many dossiers took each number of days from receipt to handled and to closed:
        counted per day of receipt and day handled (or closed) first, in an index's order."""
        parts = []
        for name, column in (
            ("days_to_handled", f.c.handled_on),
            ("days_to_closed", f.c.closed_on),
        ):
            pairs = (
                select(
                    f.c.received_month.label("month"),
                    f.c.received_on,
                    column.label("reached_on"),
                    func.count().label("n"),
                )
                .where(in_period(q), column.is_not(None))
                .group_by(f.c.received_month, f.c.received_on, column)
                .subquery(name)
            )
            days = days_between(pairs.c.received_on, pairs.c.reached_on)
            parts.append(
                select(
                    literal(name).label("measure"), pairs.c.month, days, func.sum(pairs.c.n)
                ).group_by(pairs.c.month, days)
            )
        found: dict[str, Histograms] = {"days_to_handled": {}, "days_to_closed": {}}
        for measure, month, days_, n in await self.c.execute(union_all(*parts)):
            for key in (month, ALL):
                bins = found[measure].setdefault(key, {})
                bins[int(days_)] = bins.get(int(days_), 0) + int(n)
        return found

    def _timeline(self, *actions: str) -> CTE:
        """The timeline's entries of these actions (few, found by the action index), read
        before the facts, so each dossier's facts are one lookup (the joins below name
        only the days of receipt, not the months, for the same reason)."""
        choice = case((e.c.action == "decide", e.c.data["choice"].as_string()), else_=None)
        return (
            select(e.c.dossier_id, e.c.action, choice.label("choice"))
            .where(e.c.action.in_(actions))
            .cte("timeline")
            .prefix_with("MATERIALIZED")
        )

    async def _history(
        self, q: FiguresQuery
    ) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
        """From the timeline: per month, the dossiers ever escalated and ever reopened; and
        each choice the directie made on the period's dossiers (every decision counts)."""
        tl = self._timeline("escalate", "reopen", "decide")
        stmt = (
            select(
                f.c.received_month,
                tl.c.action,
                tl.c.choice,
                func.count().label("events"),
                func.count(distinct(tl.c.dossier_id)).label("dossiers"),
            )
            .select_from(tl.join(f, f.c.dossier_id == tl.c.dossier_id))
            .where(f.c.received_on.between(q.start, q.end))
            .group_by(f.c.received_month, tl.c.action, tl.c.choice)
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
        """The period's dossiers by product and by practitioner: each counted per month and
        value in the order of its index, the months added up here."""
        parts = [
            select(literal(name).label("by"), f.c[name].label("value"), func.count())
            .where(in_period(q))
            .group_by(f.c.received_month, f.c[name])
            for name in ("product", "practitioner")
        ]
        found: dict[str, dict[str, int]] = {"product": {}, "practitioner": {}}
        for by, value, count in await self.c.execute(union_all(*parts)):
            key = value if value is not None else UNKNOWN
            found[by][key] = found[by].get(key, 0) + int(count)
        return found

    async def _open_now(self) -> tuple[dict[str, int], dict[str, int]]:
        """Every open dossier now, by stage and by owner ("-": no owner yet): counted in the
        order of the state-and-owner index, the owners' names looked up per group."""
        p = t.people
        grouped = (
            select(f.c.state, f.c.owner_id, func.count().label("n"))
            .where(f.c.state.in_(sorted(OPEN_STATES)))
            .group_by(f.c.state, f.c.owner_id)
            .subquery("grouped")
        )
        stmt = select(grouped.c.state, p.c.name, grouped.c.n).select_from(
            grouped.outerjoin(p, p.c.id == grouped.c.owner_id)
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
        (the longest overdue first). Both statements read only the pending deadlines' index."""
        overdue = and_(dl.c.met_at.is_(None), dl.c.dropped_at.is_(None), dl.c.due_at < q.now)
        kinds = list(DeadlineKind)
        counts = select(
            func.count(distinct(dl.c.dossier_id)),
            *(count_where(dl.c.kind == k.value) for k in kinds),
        ).where(overdue)
        dossiers, *by_kind = (await self.c.execute(counts)).one()
        first = (
            select(dl.c.dossier_id, func.min(dl.c.due_at).label("due_at"))
            .where(overdue)
            .group_by(dl.c.dossier_id)
            .order_by(func.min(dl.c.due_at), dl.c.dossier_id)
            .limit(q.list_limit)
            .subquery("first")
        )
        numbers = (
            select(d.c.number)
            .select_from(first.join(d, d.c.id == first.c.dossier_id))
            .order_by(first.c.due_at, first.c.dossier_id)
        )
        return (
            int(dossiers),
            {k.value: int(n) for k, n in zip(kinds, by_kind, strict=True)},
            list((await self.c.execute(numbers)).scalars()),
        )

    async def _escalated_dossiers(self, q: FiguresQuery) -> list[str]:
        """The period's escalated dossiers, found from the timeline's few escalations."""
        tl = self._timeline("escalate")
        first = (
            select(f.c.dossier_id, f.c.received_on)
            .select_from(tl.join(f, f.c.dossier_id == tl.c.dossier_id))
            .where(f.c.received_on.between(q.start, q.end))
            .distinct()
            .order_by(f.c.received_on, f.c.dossier_id)
            .limit(q.list_limit)
            .subquery("first")
        )
        stmt = (
            select(d.c.number)
            .select_from(first.join(d, d.c.id == first.c.dossier_id))
            .order_by(first.c.received_on, first.c.dossier_id)
        )
        return list((await self.c.execute(stmt)).scalars())


Histograms = dict[str, dict[int, int]]  # month (or ALL) -> days -> how many dossiers


def _add(total: Cohort, counts: dict[str, int]) -> None:
    for name, value in counts.items():
        setattr(total, name, getattr(total, name) + value)


def _largest_first(counts: dict[str, int]) -> dict[str, int]:
    return dict(sorted(counts.items(), key=lambda item: (-item[1], item[0])))


def _percentiles(months: dict[str, Cohort], name: str, histograms: Histograms) -> None:
    for month, bins in histograms.items():
        setattr(months[month], f"{name}_median", nearest_rank(bins, 1, 2))
        setattr(months[month], f"{name}_p90", nearest_rank(bins, 9, 10))
