"""The staff log and the read log: who changed who may use the bot, and who saw what.

Both are append-only, enforced by the database as for the timeline: triggers refuse
UPDATE and DELETE on either engine.

Revision ID: 0004
Revises: 0003
"""

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_LOGS = ("staff_log", "read_log")


def upgrade() -> None:
    op.create_table(
        "staff_log",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("actor_id", sa.Integer(), nullable=True),
        sa.Column("actor_name", sa.String(length=200), nullable=False),
        sa.Column("surface", sa.String(length=10), nullable=False),
        sa.Column("change", sa.String(length=20), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("person_name", sa.String(length=200), nullable=False),
        sa.Column("role", sa.String(length=20), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_staff_log")),
    )
    op.create_index("ix_staff_log_person", "staff_log", ["person_id", "id"])
    op.create_table(
        "read_log",
        sa.Column("id", _ID, autoincrement=True, nullable=False),
        sa.Column("at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("person_id", sa.Integer(), nullable=False),
        sa.Column("person_name", sa.String(length=200), nullable=False),
        sa.Column("dossier_number", sa.String(length=20), nullable=False),
        sa.Column("surface", sa.String(length=10), nullable=False),
        sa.Column("what", sa.String(length=20), nullable=False),
        sa.Column("item", sa.String(length=40), nullable=True),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_read_log")),
    )
    op.create_index("ix_read_log_dossier", "read_log", ["dossier_number", "at"])
    op.create_index("ix_read_log_person", "read_log", ["person_id", "at"])

    if op.get_bind().dialect.name == "postgresql":
        op.execute(
            """
            CREATE FUNCTION log_append_only() RETURNS trigger AS $$
            BEGIN
                RAISE EXCEPTION 'the % is append-only', TG_TABLE_NAME;
            END $$ LANGUAGE plpgsql
            """
        )
        for table in _LOGS:
            op.execute(
                f"CREATE TRIGGER {table}_append_only BEFORE UPDATE OR DELETE ON {table} "
                "FOR EACH ROW EXECUTE FUNCTION log_append_only()"
            )
    else:
        for table in _LOGS:
            for verb in ("UPDATE", "DELETE"):
                op.execute(
                    f"CREATE TRIGGER {table}_no_{verb.lower()} BEFORE {verb} ON {table} "
                    f"BEGIN SELECT RAISE(ABORT, 'the {table} is append-only'); END"
                )


def downgrade() -> None:
    if op.get_bind().dialect.name == "postgresql":
        for table in _LOGS:
            op.execute(f"DROP TRIGGER IF EXISTS {table}_append_only ON {table}")
        op.execute("DROP FUNCTION IF EXISTS log_append_only()")
    op.drop_index("ix_read_log_person", table_name="read_log")
    op.drop_index("ix_read_log_dossier", table_name="read_log")
    op.drop_table("read_log")
    op.drop_index("ix_staff_log_person", table_name="staff_log")
    op.drop_table("staff_log")
