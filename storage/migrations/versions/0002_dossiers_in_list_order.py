"""Dossiers in list order, so that a list reads only the rows it shows.

SQLite uses (state, received_on, id), which also serves every lookup by state and so
replaces the index on state alone; PostgreSQL uses (received_on, id).

Revision ID: 0002
Revises: 0001
"""

from alembic import op

revision = "0002"
down_revision = "0001"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_dossiers_state_received", "dossiers", ["state", "received_on", "id"])
    op.create_index("ix_dossiers_received", "dossiers", ["received_on", "id"])
    op.drop_index("ix_dossiers_state", table_name="dossiers")


def downgrade() -> None:
    op.create_index("ix_dossiers_state", "dossiers", ["state"])
    op.drop_index("ix_dossiers_received", table_name="dossiers")
    op.drop_index("ix_dossiers_state_received", table_name="dossiers")
