"""The report counts the written response: the day it went, beside each dossier's facts.

The decision term is met by the written, reasoned response (step `respond`), not by
marking a dossier handled; the facts keep the day it was sent, filled here for the
dossiers that already have one.

Revision ID: 0008
Revises: 0007
"""

from datetime import date

import sqlalchemy as sa
from alembic import op

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("dossier_facts", sa.Column("responded_on", sa.Date(), nullable=True))
    bind = op.get_bind()
    dossiers = sa.table("dossiers", sa.column("id", sa.Integer), sa.column("data", sa.JSON))
    facts = sa.table(
        "dossier_facts", sa.column("dossier_id", sa.Integer), sa.column("responded_on", sa.Date)
    )
    sent = [
        (row.id, date.fromisoformat(str(row.data["response"]["sent_on"])[:10]))
        for row in bind.execute(sa.select(dossiers.c.id, dossiers.c.data))
        if (row.data or {}).get("response")
    ]
    for dossier_id, day in sent:
        bind.execute(facts.update().where(facts.c.dossier_id == dossier_id).values(responded_on=day))


def downgrade() -> None:
    op.drop_column("dossier_facts", "responded_on")
