"""One request from a chat, handled the same way whichever chat it came from.

Every request takes one path: who is asking (the platform looks the person up and
hands over an `Asker`), what they ask (a command, a click, a form, a note, a
file), the core acts (through the one retry after a lost race), and the answer
(`bot.chat.answers`) goes back for the platform to draw. A refusal becomes an
answer with its catalogue key, so each platform escapes the user's text for its
own markup; who may see or do what is decided here or deeper, never by a chat.
"""

from __future__ import annotations

import contextlib
import logging
import re
from collections.abc import Awaitable, Callable, Iterable, Mapping
from dataclasses import dataclass
from typing import Any

from bot.catalogue import t
from bot.chat.answers import (
    Answer,
    AskFirst,
    Done,
    Dossier,
    Failed,
    FormErrors,
    Help,
    Kept,
    Listing,
    Message,
    OpenForm,
    Protocol,
    TaskDone,
    Unknown,
    Usage,
)
from bot.chat.commands import Command, Verb
from bot.chat.commands import scope as list_scope
from bot.chat.conflicts import retried
from bot.chat.roles import Colleague, grant_role, granted
from bot.host import Klachtenbot
from bot.rules.actions import ACTIONS, Action, AddNote, Decide, Register
from bot.rules.errors import Refused
from bot.rules.people import Person
from bot.rules.validation import parse
from bot.rules.workdays import local_date
from bot.use_cases.services import DossierView, Outcome, Scope
from bot.use_cases.tasks import TASKS, task_buttons
from bot.views.cards import Button, Confirm, FieldKind, Form, Link
from bot.views.dossier_card import dossier_card, list_card
from bot.views.forms import form, registration_form, runs_at_once

log = logging.getLogger(__name__)

# A dossier number as people type it: K-2026-0001 (any case, as in `klacht toon`).
DOSSIER_NUMBER = re.compile(r"\bK-\d{4}-\d{4,}\b", re.IGNORECASE)

FindPerson = Callable[[str], Awaitable[Person | None]]  # a platform's id → the person


@dataclass(frozen=True)
class Asker:
    """Who is asking, as the platform found them, and the language to answer in."""

    person: Person | None
    lang: str


@dataclass(frozen=True)
class Upload:
    """A file someone sent: `fetch` gets its content (and raises `Refused` when it cannot)."""

    name: str | None
    fetch: Callable[[], Awaitable[bytes]]
    key: str | None
    title: str | None = None


def refusal(refused: Refused) -> Message:
    return Message(refused.key, dict(refused.params), good=False)


class Conversation:
    """The chat layer: one function per kind of request, called by every chat.

    `redraws_card`: the platform answers a click by redrawing the card it came from
    (Teams); otherwise a step is answered with a sentence (Slack).
    """

    def __init__(self, bot: Klachtenbot, redraws_card: bool = False) -> None:
        self.bot = bot
        self.redraws_card = redraws_card

    async def answered(self, work: Awaitable[Answer], what: str) -> Answer:
        """`work`'s answer; a refusal said as such, a fault as `Failed`, never a traceback."""
        try:
            return await work
        except Refused as refused:
            return refusal(refused)
        except Exception:
            log.exception("chat request %s failed", what)
            return Failed()

    async def act(self, person: Person, number: str, action: Action, key: str | None) -> Outcome:
        """The core's `act`, once per request, again if it lost a race."""
        return await retried(
            lambda: self.bot.complaints.act(person, number, action, request_key=key)
        )

    # -- commands ---------------------------------------------------------------------------

    async def command(
        self, asker: Asker, said: Command | None, text: str, mentioned: Colleague | None = None
    ) -> Answer:
        """A typed command. Help and the protocol are for anyone; the rest for people the
        bot knows. `mentioned` is the colleague a platform found in the text, for `rol`."""
        if said is None:
            typed = text.strip()[:100]
            return Help(Message("chat.unknown_command", {"text": typed}) if typed else None)
        if said.verb is Verb.HELP:
            return Help()
        if said.verb is Verb.PROTOCOL:
            return self.protocol(asker)
        person = asker.person
        if person is None:
            return Unknown()
        if said.verb is Verb.NEW:
            return self.registration(asker)
        if said.verb is Verb.LIST:
            return await self.listing(person, said.args, asker.lang)
        if said.verb is Verb.SHOW:
            if len(said.args) != 1:
                return Usage(Verb.SHOW)
            return await self.show(asker, said.args[0])
        return await self.role(person, said.args, mentioned, asker.lang)

    def protocol(self, asker: Asker) -> Protocol:
        tasks = self.bot.tasks
        return Protocol(tasks.protocol_link(asker.lang) if tasks is not None else None)

    def registration(self, asker: Asker) -> OpenForm:
        today = local_date(self.bot.complaints.clock()).isoformat()
        return OpenForm(registration_form(asker.lang), Register.name, values={"received_on": today})

    async def listing(self, person: Person, args: tuple[str, ...], lang: str) -> Answer:
        scope = list_scope(args)
        if scope is None:  # a word that is no scope: the help lists the scopes
            return Help()
        found = await self.bot.complaints.listing(person, scope)
        return Listing(list_card(found.views, lang, found.total))

    async def show(
        self,
        asker: Asker,
        number: str,
        note: Message | None = None,
        links: Iterable[Link] = (),
    ) -> Dossier:
        """The dossier's card as this person may see it (the core refuses otherwise)."""
        assert asker.person is not None
        view = await self.bot.complaints.view(asker.person, number)
        card = dossier_card(view, asker.person, asker.lang)
        return Dossier(card, view.dossier.number, view.dossier.version, note, tuple(links))

    async def role(
        self, actor: Person, args: tuple[str, ...], mentioned: Colleague | None, lang: str
    ) -> Answer:
        """`rol @Piet directie`, or `rol Piet Jansen directie` for someone the bot knows."""
        if len(args) < 2:
            return Usage(Verb.ROLE)
        colleague = mentioned or Colleague(name=" ".join(args[:-1]))
        return granted(await grant_role(self.bot.staff, actor, colleague, args[-1]), lang)

    async def open_dossiers(self, asker: Asker) -> list[DossierView]:
        if asker.person is None:
            return []
        return await self.bot.complaints.dossiers(asker.person, Scope.OPEN)

    # -- buttons ----------------------------------------------------------------------------

    async def click(
        self,
        asker: Asker,
        name: str,
        number: str | None,
        data: Mapping[str, Any],
        key: str | None,
        version: int | None = None,
    ) -> Answer:
        """A button on a card: a card task, a one-tap step, or the form the step needs."""
        if asker.person is None:
            return Unknown()
        if name in TASKS and self.bot.tasks is not None:
            return await self.task(asker, name, number, data, key)
        cls = ACTIONS.get(name)
        if cls is None or cls is Register or not number:
            raise Refused("action.unknown", action=name)
        presets = {k: str(v) for k, v in data.items()}
        if runs_at_once(Button(action=cls.name, label=cls.name, value=number, data=presets)):
            return await self.submit(asker, name, number, data, key, one_tap=True)
        the_form = await self.form_for(asker, cls, number)
        return OpenForm(the_form, cls.name, number, version, dict(data))

    async def form_for(self, asker: Asker, cls: type[Action], number: str | None) -> Form:
        """The step's form: dates that are usually today start today, and the directie's
        decision keeps the escalation in view."""
        today = local_date(self.bot.complaints.clock())
        view = None
        if cls is Decide and number and asker.person is not None:
            # Not theirs to read: the form opens without it, and the step says why.
            with contextlib.suppress(Refused):
                view = await self.bot.complaints.view(asker.person, number)
        return form(cls, asker.lang, number, today=today, view=view)

    async def ask_first(
        self, asker: Asker, name: str, number: str | None, data: Mapping[str, Any], key: str | None
    ) -> Answer:
        """A button that asks to be confirmed: the question, or the step when it need not ask.

        A task's button asks only when this person's card offers it with a question
        (someone else's card, or a moment that has passed, asks nothing: the task runs
        and the core says why it will not).
        """
        if asker.person is None:
            return Unknown()
        values = {k: str(v) for k, v in data.items()}
        if name in TASKS and self.bot.tasks is not None:
            if not number:
                raise Refused("action.unknown", action=name)
            view = await self.bot.complaints.view(asker.person, number)
            for button in task_buttons(view, asker.person, asker.lang):
                if button.action == name and button.data == values and button.confirm:
                    return AskFirst(button)
            return await self.task(asker, name, number, data, key)
        cls = ACTIONS.get(name)
        if cls is None or cls is Register or not number:
            raise Refused("action.unknown", action=name)
        lang = asker.lang
        label = t(f"action.{cls.name}", lang)
        question = (
            t("card.close_confirm", lang, number=number)
            if cls.name == "close"
            else t("chat.confirm", lang, action=cls.name, number=number)
        )
        confirm = Confirm(title=label, text=question, yes=label, no=t("card.cancel", lang))
        return AskFirst(
            Button(action=cls.name, label=label, value=number, data=values, confirm=confirm)
        )

    async def task(
        self,
        asker: Asker,
        name: str,
        number: str | None,
        data: Mapping[str, Any],
        key: str | None,
    ) -> Answer:
        """A card task (documents, the letter, the checklist): what happened, and its links."""
        tasks, person = self.bot.tasks, asker.person
        assert tasks is not None and person is not None
        if not number:
            raise Refused("action.unknown", action=name)
        values = {k: str(v) for k, v in data.items()}
        try:
            reply = await retried(
                lambda: tasks.run(person, name, number, values, asker.lang, request_key=key)
            )
        except Refused as refused:
            return await self._refused_on_card(asker, number, refused)
        card = None
        if self.redraws_card:
            card = await self.show(asker, number)
        return TaskDone(number, reply.text, tuple(reply.links), reply.card_changed, card)

    # -- forms ------------------------------------------------------------------------------

    async def submit(
        self,
        asker: Asker,
        name: str,
        number: str | None,
        data: Mapping[str, Any],
        key: str | None,
        one_tap: bool = False,
        find_person: FindPerson | None = None,
    ) -> Answer:
        """A filled-in form (or a one-tap button's data): the step, or why it was refused.

        `find_person` turns a platform's user id picked in a person field into the
        person the core knows (Slack's user picker); otherwise the field holds the
        core's own id (Teams' choice of staff).
        """
        person = asker.person
        if person is None:
            return Unknown()
        cls = ACTIONS.get(name)
        if cls is None or (cls is not Register and not number):
            raise Refused("action.unknown", action=name)
        the_form = await self.form_for(asker, cls, number)
        values, errors = await self._values(the_form, data, find_person)
        if errors:
            return FormErrors(the_form, errors, values=dict(data))
        try:
            action = parse(cls, values)
            if isinstance(action, Register):
                outcome = await self.bot.complaints.register(person, action, request_key=key)
            else:
                assert number is not None
                outcome = await self.act(person, number, action, key)
        except Refused as refused:
            if one_tap:  # no form was shown: say why, on the card where there is one
                return await self._refused_on_card(asker, number, refused)
            fields = {
                field: Message(k, dict(params), good=False)
                for field, (k, params) in refused.fields.items()
            }
            return FormErrors(the_form, fields, refusal(refused), dict(data))
        dossier = outcome.dossier
        card = await self.show(asker, dossier.number) if self.redraws_card else None
        return Done(cls.name, dossier.number, dossier.state.value, outcome.duplicate, card)

    async def _values(
        self, the_form: Form, data: Mapping[str, Any], find_person: FindPerson | None
    ) -> tuple[dict[str, Any], dict[str, Message]]:
        """The form's answers as the action's fields; an empty input is no answer."""
        values: dict[str, Any] = {}
        errors: dict[str, Message] = {}
        for f in the_form.fields:
            raw = data.get(f.name)
            if raw is None or (isinstance(raw, str) and not raw.strip()):
                continue
            if f.kind is FieldKind.PERSON:
                if find_person is not None:
                    found = await find_person(str(raw))
                    if found is None:
                        errors[f.name] = Message("chat.person_not_known", good=False)
                        continue
                    raw = found.id
                elif str(raw).strip().isdigit():
                    raw = int(str(raw).strip())
            values[f.name] = raw
        return values, errors

    async def _refused_on_card(self, asker: Asker, number: str | None, refused: Refused) -> Answer:
        """Why a click did nothing: on the dossier's card where the platform redraws it,
        alone when the clicker may not see the dossier."""
        said = refusal(refused)
        if not self.redraws_card or not number:
            return said
        try:
            return await self.show(asker, number, note=said)
        except Refused:
            return said

    # -- what people write ------------------------------------------------------------------

    async def note(self, asker: Asker, number: str, text: str, key: str | None) -> Answer | None:
        """A message in a dossier's thread is interim communication: it goes in the dossier."""
        if asker.person is None:
            return Unknown()
        if not text.strip():
            return None
        try:
            await self.act(asker.person, number, parse(AddNote, {"text": text.strip()}), key)
        except Refused as refused:
            return refusal(refused)
        return None

    async def keep(self, asker: Asker, number: str, uploads: Iterable[Upload]) -> Kept:
        """Every file kept with the dossier, each on its own: a refused one keeps no other out.

        The core judges the content (a PDF or a photo of at most 20 MB) and stores it
        with its step in one transaction; a repeat carries the same key and is kept once.
        """
        person = asker.person
        assert person is not None
        documents = self.bot.documents
        kept, refused = 0, []
        for upload in uploads:
            try:
                content = await upload.fetch()
                await retried(
                    lambda upload=upload, content=content: documents.attach(
                        person,
                        number,
                        upload.name,
                        content,
                        title=upload.title,
                        request_key=upload.key[:200] if upload.key else None,
                    )
                )
                kept += 1
            except Refused as error:
                refused.append((upload.name or "", refusal(error)))
            except Exception:
                log.exception("keeping a file for %s failed", number)
                refused.append((upload.name or "", Failed()))
        return Kept(number, kept, tuple(refused))

    async def sent_to_the_bot(self, asker: Asker, text: str, uploads: list[Upload]) -> Answer:
        """Files sent to the bot itself, with the number of the dossier they belong to.

        Without a number a file has nowhere to go: nothing is stored, and the sender
        is asked to send it again with one.
        """
        if asker.person is None:
            return Unknown()
        named = DOSSIER_NUMBER.search(text or "")
        if named is None:
            return Message("chat.file_needs_number", good=False)
        return await self.keep(asker, named.group(0).upper(), uploads)
