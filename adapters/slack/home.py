"""The App Home: what is open for this person, at a glance.

The coordinator sees every open dossier grouped by stage, overdue ones first; an
owner sees their own; the directie sees the open escalations. Text only and
bounded: a long list is cut with a marker pointing at `/klacht lijst`.
"""

from __future__ import annotations

from datetime import datetime

from adapters.slack.answers import reply
from adapters.slack.blocks import SECTION_TEXT, VIEW_BLOCKS, Block, escape, mrkdwn, plain
from bot.catalogue import t
from bot.chat.answers import Unknown
from bot.rules.dossier import State
from bot.rules.people import Person
from bot.rules.roles import Role
from bot.use_cases.services import DossierView
from bot.views.cards import without_bidi_controls

LINES_PER_GROUP = 25


def _overdue(view: DossierView, now: datetime) -> bool:
    return any(d.pending and d.due_at <= now for d in view.deadlines)


def _group(title: str, views: list[DossierView], lang: str, now: datetime) -> list[Block]:
    """One section per group: as many lines as fit, then how many more there are."""
    views = sorted(views, key=lambda v: (not _overdue(v, now), v.dossier.number))
    text = f"*{escape(title)}*"
    room = SECTION_TEXT - 100  # kept free for the "and N more" line
    shown = 0
    for v in views[:LINES_PER_GROUP]:
        d = v.dossier
        late = f" · *{t('slack.home_overdue', lang)}*" if _overdue(v, now) else ""
        # Shown like a card's text: without bidi controls (see bot.cards).
        name, summary = (without_bidi_controls(x) for x in (d.customer.name, d.complaint.summary))
        line = f"\n`{d.number}` · {escape(name[:60])} · {escape(summary[:80])}{late}"
        if len(text) + len(line) > room:
            break
        text += line
        shown += 1
    if shown < len(views):
        text += "\n" + t("slack.home_more", lang, count=len(views) - shown)
    return [{"type": "section", "text": {"type": "mrkdwn", "text": text}}]


def home_view(
    person: Person | None,
    views: list[DossierView],
    lang: str,
    now: datetime,
    refused: Unknown | None = None,
) -> Block:
    blocks: list[Block] = [{"type": "header", "text": plain(t("slack.home_title", lang), 150)}]
    if person is None:  # the chat layer's word to someone it does not know, as in a reply
        text, _ = reply(refused or Unknown(), lang)
        blocks.append({"type": "section", "text": mrkdwn(text, 3000, lang)})
        return {"type": "home", "blocks": blocks}

    def intro(text: str) -> None:
        blocks.append({"type": "context", "elements": [mrkdwn(text, 3000, lang)]})

    if person.has(Role.COORDINATOR):
        intro(t("slack.home_coordinator", lang, count=len(views)))
        for state in State:
            group = [v for v in views if v.dossier.state is state]
            if group:
                blocks += _group(
                    f"{t(f'state.{state.value}', lang)} ({len(group)})", group, lang, now
                )
    else:
        if person.has(Role.DIRECTIE):
            escalated = [v for v in views if v.dossier.state is State.GEESCALEERD]
            intro(t("slack.home_directie", lang, count=len(escalated)))
            if escalated:
                blocks += _group(t("state.geescaleerd", lang), escalated, lang, now)
        mine = [v for v in views if person.id in _involved(v)]
        intro(t("slack.home_owner", lang, count=len(mine)))
        if mine:
            blocks += _group(t("slack.home_owner", lang, count=len(mine)), mine, lang, now)
    if len(blocks) == 1 or not views:
        blocks.append({"type": "section", "text": mrkdwn(t("slack.home_empty", lang), 3000, lang)})
    return {"type": "home", "blocks": blocks[:VIEW_BLOCKS]}


def _involved(view: DossierView) -> set[int]:
    a = view.dossier.assignment
    return {a.owner_id, a.contact_by_id} if a else set()
