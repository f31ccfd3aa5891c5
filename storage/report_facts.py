"""A dossier's report facts: the few values the management report counts, kept narrow.

Written with the dossier, in the same transaction, every time the dossier is
written; so the facts are always the dossier as it stands. History that the
dossier forgets (an escalation decided, a reopening) the report reads from the
timeline, which keeps everything.
"""

from __future__ import annotations

from typing import Any

from sqlalchemy.dialects.postgresql import insert as pg_insert
from sqlalchemy.dialects.sqlite import insert as sqlite_insert
from sqlalchemy.ext.asyncio import AsyncConnection

from bot.rules.dossier import Dossier
from bot.rules.workdays import local_date
from storage import tables as t


def facts(d: Dossier) -> dict[str, Any]:
    """The report's columns of one dossier."""
    return {
        "received_on": d.received_on,
        "received_month": f"{d.received_on:%Y-%m}",
        "channel": d.channel.value,
        "severity": d.complaint.severity.value,
        "product": d.complaint.product,
        "practitioner": d.complaint.practitioner,
        "customer_number": d.customer.number,
        "state": d.state.value,
        "owner_id": d.owner_id,
        "acknowledged_on": d.acknowledgement.sent_on if d.acknowledgement else None,
        "handled_on": d.handled_on,
        "responded_on": d.response.sent_on if d.response else None,
        "closed_on": local_date(d.closed_at) if d.closed_at else None,
        "decision_due": d.decision_due,
        "term_extended": d.term_extended,
        "customer_agrees": d.evaluation.customer_agrees if d.evaluation else None,
    }


async def write_facts(connection: AsyncConnection, dossier_id: int, d: Dossier) -> None:
    values = facts(d)
    upsert = pg_insert if connection.dialect.name == "postgresql" else sqlite_insert
    stmt = upsert(t.dossier_facts).values(dossier_id=dossier_id, **values)
    await connection.execute(stmt.on_conflict_do_update(index_elements=["dossier_id"], set_=values))
