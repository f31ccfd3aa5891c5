"""The report's SQL building blocks: the period, a count, and the dates the engines spell apart."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Date, Integer, String, and_, case, func
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.sql.expression import ColumnElement, FunctionElement

from bot.use_cases.report.ports import FiguresQuery
from storage import tables as t

f = t.dossier_facts


def in_period(q: FiguresQuery) -> ColumnElement[bool]:
    """The dossiers received in the period. The months too: they lead the facts' order, so
    the period is read as one stretch of the table."""
    months = f.c.received_month.between(f"{q.start:%Y-%m}", f"{q.end:%Y-%m}")
    return and_(months, f.c.received_on.between(q.start, q.end))


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
    """The same date twelve months later; 29 February becomes 28 February, as in `year_after`."""

    type = Date()
    inherit_cache = True


@compiles(year_later, "sqlite")
def _year_sqlite(element: year_later, compiler: Any, **kw: Any) -> str:
    (day,) = (compiler.process(c, **kw) for c in element.clauses)
    # SQLite rolls 29 February over into March; the month's last day keeps it in February,
    # as PostgreSQL does.
    return f"min(date({day}, '+12 months'), date({day}, 'start of month', '+13 months', '-1 day'))"


@compiles(year_later, "postgresql")
def _year_postgresql(element: year_later, compiler: Any, **kw: Any) -> str:
    (day,) = (compiler.process(c, **kw) for c in element.clauses)
    return f"CAST({day} + interval '12 months' AS DATE)"


def year_before(day: date) -> date:
    return day.replace(year=day.year - 1, day=28 if day.month == 2 and day.day == 29 else day.day)


def year_after(day: date) -> date:
    return day.replace(year=day.year + 1, day=28 if day.month == 2 and day.day == 29 else day.day)


def count_where(condition: ColumnElement[bool]) -> ColumnElement[int]:
    """How many rows meet `condition`: one of many counts in a single read (COUNT skips the
    NULL that CASE gives otherwise, and is 0, not NULL, when there are no rows)."""
    return func.count(case((condition, 1)))


class unindexed(FunctionElement[str]):
    """A text column that neither planner may read by its index, for a condition that only
    filters rows read in another order: SQLite's unary plus, and on PostgreSQL the column
    joined to nothing (its planner then hashes the few values to compare with instead of
    looking each one up)."""

    type = String()
    inherit_cache = True


@compiles(unindexed, "sqlite")
def _unindexed_sqlite(element: unindexed, compiler: Any, **kw: Any) -> str:
    (column,) = (compiler.process(c, **kw) for c in element.clauses)
    return f"+{column}"


@compiles(unindexed, "postgresql")
def _unindexed_postgresql(element: unindexed, compiler: Any, **kw: Any) -> str:
    (column,) = (compiler.process(c, **kw) for c in element.clauses)
    return f"({column} || '')"
