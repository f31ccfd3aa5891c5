"""The README's configuration table and the settings stay in step."""

from __future__ import annotations

from pathlib import Path

from bot.settings import Settings

README = Path(__file__).resolve().parents[2] / "README.md"


def test_every_setting_is_documented_with_its_default():
    text = README.read_text(encoding="utf-8")
    for name, field in Settings.model_fields.items():
        variable = field.validation_alias.choices[0]  # type: ignore[union-attr]
        assert f"| `{variable}` |" in text, f"{variable} ({name}) is missing from the README"


def test_closed_days_and_terms_come_from_the_environment(monkeypatch):
    from datetime import date

    monkeypatch.setenv("KLACHTENBOT_CLOSED_DAYS", "2026-12-28, 2026-12-29")
    monkeypatch.setenv("KLACHTENBOT_ACK_WORKING_DAYS", "3")
    settings = Settings()
    assert settings.terms.acknowledgement_working_days == 3
    # Received Wednesday 23 December 2026: Thursday 24 counts, then Christmas, the weekend
    # and two closed days pass; Wednesday 30 and Thursday 31 December count.
    assert settings.terms.acknowledgement_due(date(2026, 12, 23)) == date(2026, 12, 31)
