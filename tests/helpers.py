"""Small builders shared by the tests."""

from __future__ import annotations

from datetime import date
from typing import Any

from sqlalchemy import Table, func, select
from sqlalchemy.ext.asyncio import AsyncEngine

from bot.rules.actions import Register


def registration(**overrides: Any) -> Register:
    data: dict[str, Any] = {
        "channel": "brief",  # a letter: the scan is its copy, so no copy is generated
        "received_on": date(2026, 11, 23),
        "customer_number": "10234",
        "customer_name": "Mevr. E. Bakker",
        "customer_phone": "06-12345678",
        "practitioner": "Jan Willems",
        "product": "Orthopedische schoen links",
        "summary": "Schoen knelt bij de wreef",
        "details": "Sinds de aflevering drukt de schoen op de wreef.",
        "remedy_requested": "Aanpassing van de schacht",
        "severity": "middel",
    }
    data.update(overrides)
    return Register.model_validate(data)


async def rows(engine: AsyncEngine, table: Table) -> int:
    """How many rows `table` holds: what a refused request must not have added."""
    async with engine.connect() as connection:
        return int((await connection.execute(select(func.count()).select_from(table))).scalar_one())
