"""Personal data apart from the timeline, so a dossier can be anonymised.

Adds `event_details` (the personal part of each event's data) with triggers that
refuse any UPDATE and allow DELETE only for an anonymised dossier; moves the
personal fields of every existing event there, leaving the plain part on the event
(the append-only trigger is lifted for this one move and put back); adds
`dossiers.anonymised_at` and the index retention reads.

Revision ID: 0005
Revises: 0004
"""

import json

import sqlalchemy as sa
from alembic import op
from sqlalchemy.dialects import postgresql

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

_ID = sa.BigInteger().with_variant(sa.Integer(), "sqlite")
_JSON = sa.JSON().with_variant(postgresql.JSONB(astext_type=sa.Text()), "postgresql")
_RETENTION_WHERE = "closed_at IS NOT NULL AND anonymised_at IS NULL"
_DELETE_GUARD = (
    "(SELECT anonymised_at FROM dossiers WHERE dossiers.id = OLD.dossier_id) IS NULL"
)


def upgrade() -> None:
    postgres = op.get_bind().dialect.name == "postgresql"
    with op.batch_alter_table("dossiers") as batch:
        batch.add_column(sa.Column("anonymised_at", sa.DateTime(timezone=True), nullable=True))
    op.create_index(
        "ix_dossiers_retention",
        "dossiers",
        ["closed_at"],
        sqlite_where=sa.text(_RETENTION_WHERE),
        postgresql_where=sa.text(_RETENTION_WHERE),
    )
    op.create_table(
        "event_details",
        sa.Column("event_id", _ID, autoincrement=False, nullable=False),
        sa.Column("dossier_id", _ID, nullable=False),
        sa.Column("data", _JSON, nullable=False),
        sa.ForeignKeyConstraint(
            ["event_id"], ["events.id"], name=op.f("fk_event_details_event_id_events")
        ),
        sa.ForeignKeyConstraint(
            ["dossier_id"], ["dossiers.id"], name=op.f("fk_event_details_dossier_id_dossiers")
        ),
        sa.PrimaryKeyConstraint("event_id", name=op.f("pk_event_details")),
    )
    op.create_index("ix_event_details_dossier_id", "event_details", ["dossier_id"])
    _move_personal_fields(postgres)
    _guard_event_details(postgres)


def _move_personal_fields(postgres: bool) -> None:
    # The newest rule of what is personal decides, also for old rows.
    from bot.rules.personal import split_event_data

    if postgres:
        op.execute("ALTER TABLE events DISABLE TRIGGER events_append_only")
    else:
        # Overwrite what the move frees, so no old copy stays in the file's free space.
        op.execute("PRAGMA secure_delete = ON")
        op.execute("DROP TRIGGER events_no_update")
    bind = op.get_bind()
    events = sa.table(
        "events",
        sa.column("id", _ID),
        sa.column("dossier_id", _ID),
        sa.column("action", sa.String),
        sa.column("data", _JSON),
    )
    details = sa.table(
        "event_details",
        sa.column("event_id", _ID),
        sa.column("dossier_id", _ID),
        sa.column("data", _JSON),
    )
    rows = bind.execute(sa.select(events.c.id, events.c.dossier_id, events.c.action, events.c.data))
    for row in rows.fetchall():
        data = row.data if isinstance(row.data, dict) else json.loads(row.data)
        plain, personal = split_event_data(row.action, data)
        if not personal:
            continue
        bind.execute(sa.update(events).where(events.c.id == row.id).values(data=plain))
        bind.execute(
            sa.insert(details).values(event_id=row.id, dossier_id=row.dossier_id, data=personal)
        )
    if postgres:
        op.execute("ALTER TABLE events ENABLE TRIGGER events_append_only")
    else:
        op.execute(
            "CREATE TRIGGER events_no_update BEFORE UPDATE ON events "
            "BEGIN SELECT RAISE(ABORT, 'the timeline is append-only'); END"
        )


def _guard_event_details(postgres: bool) -> None:
    """Never rewritten; removed only with the whole dossier's personal data."""
    if postgres:
        op.execute(
            f"""
            CREATE FUNCTION event_details_guard() RETURNS trigger AS $$
            BEGIN
                IF TG_OP = 'UPDATE' THEN
                    RAISE EXCEPTION 'event details are never rewritten';
                END IF;
                IF {_DELETE_GUARD} THEN
                    RAISE EXCEPTION 'event details go only when their dossier is anonymised';
                END IF;
                RETURN OLD;
            END $$ LANGUAGE plpgsql
            """
        )
        op.execute(
            "CREATE TRIGGER event_details_guard BEFORE UPDATE OR DELETE ON event_details "
            "FOR EACH ROW EXECUTE FUNCTION event_details_guard()"
        )
        return
    op.execute(
        "CREATE TRIGGER event_details_no_update BEFORE UPDATE ON event_details "
        "BEGIN SELECT RAISE(ABORT, 'event details are never rewritten'); END"
    )
    op.execute(
        "CREATE TRIGGER event_details_no_delete BEFORE DELETE ON event_details "
        f"WHEN {_DELETE_GUARD} "
        "BEGIN SELECT RAISE(ABORT, 'event details go only when their dossier is anonymised'); END"
    )


def downgrade() -> None:
    # The personal parts go back onto their events (nothing anonymised comes back).
    postgres = op.get_bind().dialect.name == "postgresql"
    if postgres:
        op.execute("DROP TRIGGER IF EXISTS event_details_guard ON event_details")
        op.execute("DROP FUNCTION IF EXISTS event_details_guard()")
        op.execute("ALTER TABLE events DISABLE TRIGGER events_append_only")
        op.execute(
            "UPDATE events SET data = events.data || d.data "
            "FROM event_details d WHERE d.event_id = events.id"
        )
        op.execute("ALTER TABLE events ENABLE TRIGGER events_append_only")
    else:
        op.execute("DROP TRIGGER IF EXISTS event_details_no_update")
        op.execute("DROP TRIGGER IF EXISTS event_details_no_delete")
        op.execute("DROP TRIGGER events_no_update")
        op.execute(
            "UPDATE events SET data = json_patch(data, "
            "(SELECT d.data FROM event_details d WHERE d.event_id = events.id)) "
            "WHERE id IN (SELECT event_id FROM event_details)"
        )
        op.execute(
            "CREATE TRIGGER events_no_update BEFORE UPDATE ON events "
            "BEGIN SELECT RAISE(ABORT, 'the timeline is append-only'); END"
        )
    op.drop_index("ix_event_details_dossier_id", table_name="event_details")
    op.drop_table("event_details")
    op.drop_index("ix_dossiers_retention", table_name="dossiers")
    with op.batch_alter_table("dossiers") as batch:
        batch.drop_column("anonymised_at")
