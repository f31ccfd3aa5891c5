"""Deadlines that cannot be forgotten: the notice policy, the sweep, the digest, the ticks.

The deadlines themselves are rows written by the use cases (`bot.rules.deadlines`);
this package decides who is told what and when, and `plug(bot)` ticks it.
"""

from __future__ import annotations

from bot.use_cases.reminders.scheduler import Reminders, plug, reminders_for

__all__ = ["Reminders", "plug", "reminders_for"]
