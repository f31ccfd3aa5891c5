"""Storage: SQLAlchemy tables, the unit of work, the outbox, Alembic migrations."""
