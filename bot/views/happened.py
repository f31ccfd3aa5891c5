"""What a step did, in the past tense, with its essentials: for the timeline on the
card, the line in the dossier's thread, and the answer to whoever took the step.

"Piet Jansen is eigenaar; afspraak in de winkel op di 1 december 2026" says what
happened; "Eigenaar toewijzen" was only the button's name.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from typing import Any

from bot.catalogue import has, t

Names = Callable[[int | None], str]  # a person's id → their name
PERSON_FIELDS = ("owner_id", "contact_by_id", "new_owner_id")


def happened(action: str, data: Mapping[str, Any], lang: str, name: Names) -> str:
    """The sentence for one step; `data` is the event's data (or what a line kept of it)."""
    params: dict[str, Any] = {k: v for k, v in data.items() if isinstance(v, str | int)}
    if action in ("assign", "plan_contact", "decide"):
        params["plan"] = _plan(data, lang)
    if action == "assign" or "new_owner_id" in data:
        params["owner"] = name(data.get("owner_id") or data.get("new_owner_id"))
    if action == "evaluate":
        agrees = data.get("customer_agrees")
        params["agrees"] = t("card.agrees" if agrees else "card.disagrees", lang)
    for field, prefix in (("channel", "channel"), ("method", "method"), ("choice", "decided")):
        if isinstance(data.get(field), str):
            params[field] = t(f"{prefix}.{data[field]}", lang)
    key = f"done.{action}"
    if action == "decide" and data.get("new_owner_id") is not None:
        key = "done.decide_owner"
    if not has(key):
        return t(f"action.{action}", lang)
    try:
        return t(key, lang, **params)
    except (KeyError, IndexError):  # a line stored before a field was kept
        return t(f"action.{action}", lang)


def _plan(data: Mapping[str, Any], lang: str) -> str:
    plan = data.get("plan")
    if not isinstance(plan, str) or not has(f"plan.{plan}"):
        return "-"
    what = t(f"plan.{plan}", lang)
    on = data.get("planned_on")
    if on:
        return t("card.plan", lang, plan=what, on=on)
    return t("card.plan_undated", lang, plan=what)


# What a thread line keeps of an event's data, to say what happened.
ESSENTIALS = (
    "channel",
    "method",
    "sent_on",
    "owner_id",
    "contact_by_id",
    "plan",
    "planned_on",
    "choice",
    "new_owner_id",
    "customer_agrees",
    "title",
    "new_due",
)


def essentials(data: Mapping[str, Any]) -> dict[str, Any]:
    return {k: data[k] for k in ESSENTIALS if data.get(k) is not None}
