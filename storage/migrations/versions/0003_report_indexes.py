"""What the management report reads: each dossier's facts, working days, and indexes.

- `dossier_facts`: one narrow row per dossier with what the report counts, filled here
  from every dossier already stored and from then on written with the dossier;
- `workdays`: a working-day number per calendar day, filled by the report itself;
- indexes for the timeline's actions (escalated, reopened, decided) and for the
  deadlines that are still pending (overdue now).

Revision ID: 0003
Revises: 0002
"""

from alembic import op
import sqlalchemy as sa

from bot.rules.dossier import Dossier
from storage.report_facts import facts

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None

_PENDING = "met_at IS NULL AND dropped_at IS NULL"
_BATCH = 1000


def upgrade() -> None:
    op.create_table(
        "dossier_facts",
        sa.Column(
            "dossier_id",
            sa.BigInteger().with_variant(sa.Integer(), "sqlite"),
            autoincrement=False,
            nullable=False,
        ),
        sa.Column("received_on", sa.Date(), nullable=False),
        sa.Column("received_month", sa.String(length=7), nullable=False),
        sa.Column("channel", sa.String(length=30), nullable=False),
        sa.Column("severity", sa.String(length=10), nullable=False),
        sa.Column("product", sa.String(length=200), nullable=True),
        sa.Column("practitioner", sa.String(length=200), nullable=True),
        sa.Column("customer_number", sa.String(length=20), nullable=True),
        sa.Column("state", sa.String(length=20), nullable=False),
        sa.Column("owner_id", sa.Integer(), nullable=True),
        sa.Column("acknowledged_on", sa.Date(), nullable=True),
        sa.Column("handled_on", sa.Date(), nullable=True),
        sa.Column("closed_on", sa.Date(), nullable=True),
        sa.Column("decision_due", sa.Date(), nullable=False),
        sa.Column("term_extended", sa.Boolean(), nullable=False),
        sa.Column("customer_agrees", sa.Boolean(), nullable=True),
        sa.ForeignKeyConstraint(
            ["dossier_id"],
            ["dossiers.id"],
            name=op.f("fk_dossier_facts_dossier_id_dossiers"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "received_month", "received_on", "dossier_id", name=op.f("pk_dossier_facts")
        ),
        sa.UniqueConstraint("dossier_id", name=op.f("uq_dossier_facts_dossier_id")),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_dossier_facts_state", "dossier_facts", ["state"])
    op.create_index(
        "ix_dossier_facts_customer", "dossier_facts", ["customer_number", "received_on"]
    )
    op.create_table(
        "workdays",
        sa.Column("day", sa.Date(), nullable=False),
        sa.Column("ordinal", sa.Integer(), nullable=False),
        sa.Column("working", sa.Boolean(), nullable=False),
        sa.PrimaryKeyConstraint("day", name=op.f("pk_workdays")),
        sqlite_with_rowid=False,
    )
    op.create_index("ix_events_action_dossier", "events", ["action", "dossier_id"])
    op.create_index(
        "ix_deadlines_pending_due",
        "deadlines",
        ["due_at", "kind"],
        sqlite_where=sa.text(_PENDING),
        postgresql_where=sa.text(_PENDING),
    )
    _fill_facts()


def _fill_facts() -> None:
    """The facts of every dossier stored before this revision, a batch at a time."""
    bind = op.get_bind()
    dossiers = sa.table("dossiers", sa.column("id", sa.Integer), sa.column("data", sa.JSON))
    target = sa.table("dossier_facts", *(sa.column(name) for name in ("dossier_id", *_COLUMNS)))
    last = 0
    while True:
        rows = bind.execute(
            sa.select(dossiers.c.id, dossiers.c.data)
            .where(dossiers.c.id > last)
            .order_by(dossiers.c.id)
            .limit(_BATCH)
        ).all()
        if not rows:
            return
        bind.execute(
            sa.insert(target),
            [{"dossier_id": r.id, **_known(facts(Dossier.model_validate(r.data)))} for r in rows],
        )
        last = rows[-1].id


def _known(values: dict) -> dict:
    """The facts this revision's table has (later revisions add columns of their own)."""
    return {k: v for k, v in values.items() if k in _COLUMNS}


_COLUMNS = (
    "received_on",
    "received_month",
    "channel",
    "severity",
    "product",
    "practitioner",
    "customer_number",
    "state",
    "owner_id",
    "acknowledged_on",
    "handled_on",
    "closed_on",
    "decision_due",
    "term_extended",
    "customer_agrees",
)


def downgrade() -> None:
    op.drop_index("ix_deadlines_pending_due", table_name="deadlines")
    op.drop_index("ix_events_action_dossier", table_name="events")
    op.drop_table("workdays")
    op.drop_index("ix_dossier_facts_customer", table_name="dossier_facts")
    op.drop_index("ix_dossier_facts_state", table_name="dossier_facts")
    op.drop_table("dossier_facts")
