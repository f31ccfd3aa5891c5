"""The catalogue: every key the code refuses with exists in Dutch and English."""

from __future__ import annotations

import re
from pathlib import Path

from bot.catalogue import format_date, format_datetime, language, messages, t

ROOT = Path(__file__).resolve().parents[3]
KEY_IN_CODE = re.compile(r"""Refused\(\s*["']([a-z_]+\.[a-z_]+)["']""")


def test_every_refusal_key_is_in_the_catalogue():
    used = set()
    for folder in ("bot", "adapters", "storage"):
        for path in (ROOT / folder).rglob("*.py"):
            used |= set(KEY_IN_CODE.findall(path.read_text(encoding="utf-8")))
    assert used, "the scan found nothing: the pattern is wrong"
    assert sorted(used - set(messages())) == []


def test_both_languages_have_text_and_the_same_placeholders():
    placeholder = re.compile(r"{(\w+)}")
    for key, (nl, en) in messages().items():
        assert nl.strip() and en.strip(), key
        assert set(placeholder.findall(nl)) == set(placeholder.findall(en)), key


def test_dates_read_the_dutch_way_and_times_are_amsterdam():
    from datetime import UTC, date, datetime

    assert format_date(date(2026, 12, 1)) == "di 1 december 2026"
    assert format_date(date(2026, 12, 1), "en") == "Tue 1 December 2026"
    # 1 July is summer time (UTC+2), 1 December winter time (UTC+1).
    assert format_datetime(datetime(2026, 7, 1, 12, 0, tzinfo=UTC)).endswith("14:00")
    assert format_datetime(datetime(2026, 12, 1, 12, 0, tzinfo=UTC)).endswith("13:00")


def test_parameters_are_translated():
    assert t("state.not_allowed", "nl", action="close", state="ontvangen") == (
        "'Dossier sluiten' kan niet in de fase 'ontvangen'."
    )
    assert t("state.not_allowed", "en-GB", action="close", state="ontvangen") == (
        "'Close dossier' is not possible while the dossier is 'received'."
    )
    assert language("en_US") == "en" and language("nl-NL") == "nl" and language(None) == "nl"


def test_every_sentence_of_the_chats_is_said_somewhere():
    """The chat layer's and each platform's sentences are used: a key left behind when a
    sentence moved (from `slack.*` or `teams.*` to `chat.*`) fails here. The keys a rule
    makes are checked where the rule is: `chat.did.*` (tests/bot/chat/test_done.py) and
    `chat.<verb>_usage` (`Usage.key`), one for each verb that has a usage."""
    from bot.chat.answers import Usage
    from bot.chat.commands import Verb

    code = "\n".join(
        path.read_text(encoding="utf-8")
        for folder in ("bot", "adapters", "storage")
        for path in (ROOT / folder).rglob("*.py")
        if "catalogue" not in path.parts
    )
    usages = {Usage(verb).key for verb in (Verb.SHOW, Verb.ROLE)}
    assert all(key in messages() for key in usages)
    unused = [
        key
        for key in messages()
        if key.split(".")[0] in ("chat", "slack", "teams")
        and not key.startswith("chat.did.")
        and key not in usages
        and f'"{key}"' not in code
        and f"'{key}'" not in code
    ]
    assert unused == []
