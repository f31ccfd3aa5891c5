"""Repeat complaints: customers with another dossier received within twelve months of one
in the period, and the numbers of those dossiers.

Two dossiers of a customer are within twelve months when the later one is received on
or before the same day a year after the earlier one. Most reports cover at most a year,
so any two dossiers inside the period are within twelve months of each other: one read
of the customer index, in its order, counts per customer how many dossiers fall in the
period and the nearest ones before and after it, and that decides. A longer period sets
each dossier beside the customer's previous and next one instead (a window), which is
slower but holds for any length.
"""

from __future__ import annotations

from sqlalchemy import and_, case, distinct, func, null, or_, select, union_all
from sqlalchemy.ext.asyncio import AsyncConnection
from sqlalchemy.sql.expression import ColumnElement, Select, Subquery

from bot.use_cases.report.ports import FiguresQuery
from storage import tables as t
from storage.report_sql import (
    count_where,
    in_period,
    unindexed,
    year_after,
    year_before,
    year_later,
)

f, d = t.dossier_facts, t.dossiers


async def repeats(c: AsyncConnection, q: FiguresQuery) -> tuple[int, list[str]]:
    """How many customers complained again, and the first of their dossiers in the period,
    in one statement: the customers are counted once, for both."""
    customers, first = _within_a_year(q) if q.end <= year_after(q.start) else _any_period(q)
    numbers = select(d.c.number, first.c.received_on, first.c.dossier_id).select_from(
        first.join(d, d.c.id == first.c.dossier_id)
    )
    count, found = 0, []
    for number, received_on, n in await c.execute(union_all(customers, numbers)):
        if number is None:
            count = int(n)
        else:
            found.append((received_on, int(n), number))
    return count, [number for *_, number in sorted(found)]


def _near(q: FiguresQuery) -> ColumnElement[bool]:
    """A customer's dossiers that can be within twelve months of one in the period."""
    return and_(
        f.c.customer_number.is_not(None),
        f.c.received_on.between(year_before(q.start), year_after(q.end)),
    )


def _within_a_year(q: FiguresQuery) -> tuple[Select, Subquery]:
    """Per customer: two or more dossiers in the period repeat; a single one repeats when the
    customer's last dossier before the period or first after it is within twelve months."""
    inside = f.c.received_on.between(q.start, q.end)
    per_customer = (
        select(
            f.c.customer_number,
            count_where(inside).label("in_period"),
            func.max(case((inside, f.c.received_on))).label("received"),
            func.max(case((f.c.received_on < q.start, f.c.received_on))).label("before"),
            func.min(case((f.c.received_on > q.end, f.c.received_on))).label("after"),
        )
        # Every dossier of every customer, in the customer index's order: a customer's
        # dossiers are counted as they are read, without sorting (the nearest ones before
        # and after the period are found whatever their year).
        .where(f.c.customer_number.is_not(None))
        .group_by(f.c.customer_number)
        .subquery("per_customer")
    )
    pc = per_customer.c
    repeats = or_(
        pc.in_period > 1,
        and_(
            pc.in_period == 1,
            or_(year_later(pc.before) >= pc.received, year_later(pc.received) >= pc.after),
        ),
    )
    repeaters = (
        select(pc.customer_number).where(repeats).cte("repeaters").prefix_with("MATERIALIZED")
    )
    first = (
        select(f.c.dossier_id, f.c.received_on)
        .where(
            in_period(q),
            unindexed(f.c.customer_number).in_(select(repeaters.c.customer_number)),
        )
        # The table's own order (received_month leads): the first ones are read first, and
        # the read stops at the list's limit.
        .order_by(f.c.received_month, f.c.received_on, f.c.dossier_id)
        .limit(q.list_limit)
        .subquery("first")
    )
    return _counted(select(func.count()).select_from(repeaters)), first


def _any_period(q: FiguresQuery) -> tuple[Select, Subquery]:
    """Each dossier beside the same customer's previous and next one, in order of receipt."""
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
        .where(_near(q))
        .cte("near")
        .prefix_with("MATERIALIZED")
    )
    repeat = and_(
        near.c.received_on.between(q.start, q.end),
        (year_later(near.c.before) >= near.c.received_on)
        | (year_later(near.c.received_on) >= near.c.after),
    )
    first = (
        select(near.c.dossier_id, near.c.received_on)
        .where(repeat)
        .order_by(near.c.received_on, near.c.dossier_id)
        .limit(q.list_limit)
        .subquery("first")
    )
    return _counted(select(func.count(distinct(near.c.customer_number))).where(repeat)), first


def _counted(customers: Select) -> Select:
    """The customers' count as a row beside the numbers: no number, no day, the count."""
    return customers.with_only_columns(
        null().label("number"), null().label("received_on"), *customers.selected_columns
    )
