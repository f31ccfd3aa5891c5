"""The sentence after a step: what it did, in the past tense, for every step there is."""

from __future__ import annotations

from datetime import date

from bot.catalogue import has, t
from bot.chat.done import did, repeated
from bot.rules.actions import (
    ACTIONS,
    Acknowledge,
    Assign,
    Decide,
    Evaluate,
    ExtendTerm,
    PlanContact,
)
from bot.rules.dossier import DirectieChoice

NUMBER = "K-2026-0001"


async def _name(person_id: int) -> str:
    return {7: "Piet Jansen", 8: "Sanne Smit"}[person_id]


def _said(message, lang: str = "nl") -> str:  # type: ignore[no-untyped-def]
    return t(message.key, lang, **message.params)


def test_every_step_and_every_directie_choice_has_its_own_sentence() -> None:
    keys = {f"chat.did.{name}" for name in ACTIONS if name != "decide"}
    keys |= {f"chat.did.decide.{choice.value}" for choice in DirectieChoice}
    assert sorted(k for k in keys if not has(k)) == []


async def test_the_sentence_names_the_dossier_and_what_the_step_holds() -> None:
    cases = [
        (Assign(owner_id=7), "K-2026-0001: Piet Jansen is eigenaar."),
        (
            Acknowledge(sent_on=date(2026, 11, 24), method="post"),
            "K-2026-0001: ontvangstbevestiging verstuurd op di 24 november 2026, per post.",
        ),
        (
            PlanContact(plan="huisbezoek", planned_on=date(2026, 12, 1)),
            "K-2026-0001: contact met de klant gepland, huisbezoek op di 1 december 2026.",
        ),
        (
            Decide(choice="nieuwe_eigenaar", text="Sanne neemt het", new_owner_id=8),
            "K-2026-0001: Sanne Smit is de nieuwe eigenaar.",
        ),
        (
            Decide(choice="directie_neemt_over", text="Ik bel zelf"),
            "K-2026-0001: de directie neemt de klacht over.",
        ),
        (
            Evaluate(outcome="Tevreden", customer_agrees=True),
            "K-2026-0001: evaluatie vastgelegd; de klant is akkoord.",
        ),
        (
            Evaluate(outcome="Niet tevreden", customer_agrees=False),
            "K-2026-0001: evaluatie vastgelegd; de klant is nog niet akkoord.",
        ),
        (
            ExtendTerm(reason="Leverancier", new_due=date(2027, 1, 20), customer_informed=True),
            "K-2026-0001: beslistermijn verlengd tot wo 20 januari 2027.",
        ),
    ]
    for action, sentence in cases:
        assert _said(await did(action, NUMBER, _name)) == sentence


async def test_a_repeat_says_nothing_was_recorded_twice_in_both_languages() -> None:
    assert _said(repeated(NUMBER)).startswith("K-2026-0001: dit was al verwerkt")
    assert "nothing was recorded twice" in _said(repeated(NUMBER), "en")
    assert _said(await did(Assign(owner_id=7), NUMBER, _name), "en") == (
        "K-2026-0001: Piet Jansen is the owner."
    )
