"""Indexes for the management report, so a year of 100,000 dossiers counts in under a second.

Each of the report's reads of the period follows one index's order, so both engines
count as they read rather than sorting the period's rows first:

- the days of receipt beside the day acknowledged, handled and closed;
- the month beside the product, and beside the practitioner;
- the state and owner of the open dossiers (replacing the index on the state alone);
- the pending deadlines by due time now also name their dossier, so what is overdue is
  counted from that index alone.

Revision ID: 0007
Revises: 0006
"""

import sqlalchemy as sa
from alembic import op

revision = "0007"
down_revision = "0006"
branch_labels = None
depends_on = None

_PENDING = "met_at IS NULL AND dropped_at IS NULL"
_FACTS = {
    "ix_dossier_facts_acknowledged": ["received_month", "received_on", "acknowledged_on"],
    "ix_dossier_facts_handled": ["received_month", "received_on", "handled_on"],
    "ix_dossier_facts_closed": ["received_month", "received_on", "closed_on"],
    "ix_dossier_facts_product": ["received_month", "product"],
    "ix_dossier_facts_practitioner": ["received_month", "practitioner"],
    "ix_dossier_facts_state_owner": ["state", "owner_id"],
}


def upgrade() -> None:
    for name, columns in _FACTS.items():
        op.create_index(name, "dossier_facts", columns)
    op.drop_index("ix_dossier_facts_state", table_name="dossier_facts")
    _pending_due(["due_at", "kind", "dossier_id"])


def downgrade() -> None:
    _pending_due(["due_at", "kind"])
    op.create_index("ix_dossier_facts_state", "dossier_facts", ["state"])
    for name in reversed(_FACTS):
        op.drop_index(name, table_name="dossier_facts")


def _pending_due(columns: list[str]) -> None:
    op.drop_index("ix_deadlines_pending_due", table_name="deadlines")
    op.create_index(
        "ix_deadlines_pending_due",
        "deadlines",
        columns,
        sqlite_where=sa.text(_PENDING),
        postgresql_where=sa.text(_PENDING),
    )
