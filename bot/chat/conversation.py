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
    Overview,
    Protocol,
    TaskDone,
    Unknown,
    Usage,
)
from bot.chat.commands import Command, Verb, unprefixed
from bot.chat.commands import scope as list_scope
from bot.chat.conflicts import retried
from bot.chat.done import did, repeated
from bot.chat.roles import (
    Colleague,
    activate,
    activated,
    deactivate,
    deactivated,
    grant_role,
    granted,
    revoke_role,
    revoked,
)
from bot.host import Klachtenbot
from bot.rules.actions import ACTIONS, Action, AddNote, Decide, LiftHold, Register, SetHold
from bot.rules.errors import Refused
from bot.rules.people import Person
from bot.rules.validation import parse
from bot.rules.workdays import local_date
from bot.use_cases.access_log import Access
from bot.use_cases.letters.kinds import BY_FORM, BY_NAME, LetterKind, letter_for_step
from bot.use_cases.letters.offers import default_fields, letter_methods
from bot.use_cases.report.period import period as report_period
from bot.use_cases.services import DossierView, Outcome, Scope
from bot.use_cases.surfaces import Surface
from bot.use_cases.tasks import TASKS, Task, task_buttons
from bot.views.cards import Button, Confirm, FieldKind, Form, Link, Option
from bot.views.dossier_card import dossier_card, list_card
from bot.views.forms import form, form_named, letter_form, registration_form, runs_at_once
from bot.views.report_card import report_card

log = logging.getLogger(__name__)

# A dossier number as people type it: K-2026-0001 (any case, as in `klacht toon`).
DOSSIER_NUMBER = re.compile(r"\bK-\d{4}-\d{4,}\b", re.IGNORECASE)


@dataclass(frozen=True)
class Asker:
    """Who is asking, as the platform found them, and the language to answer in.

    `platform_id` is the id the chat knows them by (a Slack user id, an Entra id): what
    someone who is not known yet hands to whoever adds them.

    `inactive`: the platform found someone a beheerder deactivated; they are served
    no more than someone unknown (see `identified`).
    """

    person: Person | None
    lang: str
    platform_id: str = ""
    inactive: bool = False

    def unknown(self) -> Unknown:
        """What someone the bot does not serve is told."""
        return Unknown(self.platform_id, self.inactive)


def identified(person: Person | None, lang: str, platform_id: str = "") -> Asker:
    """The asker a chat found: a deactivated person is refused here, at once, in every
    chat, before any command, click or message of theirs is read."""
    if person is not None and not person.active:
        return Asker(None, lang, platform_id, inactive=True)
    return Asker(person, lang, platform_id)


@dataclass(frozen=True)
class Upload:
    """A file someone sent: `fetch` gets its content (and raises `Refused` when it cannot)."""

    name: str | None
    fetch: Callable[[], Awaitable[bytes]]
    key: str | None
    title: str | None = None


def _role_word(args: tuple[str, ...], mentioned: Colleague | None) -> str | None:
    """The role typed after the colleague, None when there is none. A chat that writes a
    mention out as the name (Teams) leaves the name's last word where the role would be."""
    if len(args) < 2:
        return None
    if mentioned is not None and " ".join(args).endswith(mentioned.name):
        return None
    return args[-1]


def refusal(refused: Refused) -> Message:
    return Message(refused.key, dict(refused.params), good=False)


class Conversation:
    """The chat layer: one function per kind of request, called by every chat.

    `redraws_card`: the platform answers a click by redrawing the card it came from
    (Teams); otherwise a step is answered with a sentence (Slack). `surface` names
    the chat in the read log and the staff log.
    """

    def __init__(
        self, bot: Klachtenbot, redraws_card: bool = False, surface: Surface = Surface.CHAT
    ) -> None:
        self.bot = bot
        self.redraws_card = redraws_card
        self.surface = surface

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
            typed = unprefixed(text)[:100]
            return Help(Message("chat.unknown_command", {"text": typed}) if typed else None)
        if said.verb is Verb.HELP:
            return Help()
        if said.verb is Verb.PROTOCOL:
            return self.protocol(asker)
        person = asker.person
        if person is None:
            return asker.unknown()
        if said.verb is Verb.NEW:
            return self.registration(asker)
        if said.verb is Verb.LIST:
            return await self.listing(person, said.args, asker.lang)
        if said.verb is Verb.SHOW:
            if len(said.args) != 1:
                return Usage(Verb.SHOW)
            return await self.show(asker, said.args[0])
        if said.verb is Verb.ROLE:
            return await self.role(person, said.args, mentioned, asker.lang)
        if said.verb in (Verb.HOLD, Verb.RELEASE):
            return await self.hold(person, said.verb, said.args)
        if said.verb is Verb.REPORT:
            return await self.report(person, said.args, asker.lang)
        return await self.colleague(person, said, mentioned, asker.lang)

    def protocol(self, asker: Asker) -> Protocol:
        tasks = self.bot.tasks
        return Protocol(tasks.protocol_link(asker.lang) if tasks is not None else None)

    def registration(self, asker: Asker) -> OpenForm:
        today = local_date(self.bot.complaints.clock()).isoformat()
        return OpenForm(registration_form(asker.lang), Register.name, values={"received_on": today})

    async def listing(self, person: Person, args: tuple[str, ...], lang: str) -> Answer:
        scope = list_scope(args)
        if scope is None:  # a word that is no scope: the help lists the scopes
            return Help(Message("chat.unknown_scope", {"text": " ".join(args)[:100]}))
        found = await self.bot.complaints.listing(person, scope, surface=self.surface)
        return Listing(list_card(found.views, lang, found.total))

    async def look(self, asker: Asker, number: str) -> Answer:
        """The dossier's card again (a card asks to be redrawn, a form is cancelled)."""
        if asker.person is None:
            return asker.unknown()
        return await self.show(asker, number)

    async def show(
        self,
        asker: Asker,
        number: str,
        note: Message | None = None,
        links: Iterable[Link] = (),
    ) -> Dossier:
        """The dossier's card as this person may see it (the core refuses otherwise)."""
        assert asker.person is not None
        view = await self.bot.complaints.view(asker.person, number, Access(self.surface))
        card = dossier_card(view, asker.person, asker.lang)
        return Dossier(card, view.dossier.number, view.dossier.version, note, tuple(links))

    async def report(self, person: Person, args: tuple[str, ...], lang: str) -> Answer:
        """`rapport [maand|kwartaal|jaar|VAN TOT]`: the report's card, for who may read it."""
        reports = self.bot.reports
        reports.check_reader(person)
        chosen = report_period(args, local_date(self.bot.complaints.clock()))
        if chosen is None:
            return Usage(Verb.REPORT)
        report = await reports.report(person, chosen, self.surface)
        tasks = self.bot.tasks
        link = tasks.report_link(person, chosen, lang) if tasks is not None else None
        note = None if link is not None else t("report.pdf_off", lang)
        return Overview(report_card(report, lang, link, note))

    async def role(
        self, actor: Person, args: tuple[str, ...], mentioned: Colleague | None, lang: str
    ) -> Answer:
        """`rol @Piet directie`, or `rol Piet Jansen directie` for someone the bot knows."""
        role_word = _role_word(args, mentioned)
        if role_word is None:
            return Usage(Verb.ROLE)
        colleague = mentioned or Colleague(name=" ".join(args[:-1]))
        person = await grant_role(self.bot.staff, actor, colleague, role_word, self.surface)
        return granted(person, lang)

    async def colleague(
        self, actor: Person, said: Command, mentioned: Colleague | None, lang: str
    ) -> Answer:
        """`intrekken @Piet directie`, `deactiveer @Piet`, `activeer Piet Jansen`: the
        staff's own checks decide whether `actor` may (an active beheerder, not on
        themselves where that would raise their own rights)."""
        args, staff, surface = said.args, self.bot.staff, self.surface
        if said.verb is Verb.REVOKE:
            role_word = _role_word(args, mentioned)
            if role_word is None:
                return Message("chat.revoke_usage", good=False)
            colleague = mentioned or Colleague(name=" ".join(args[:-1]))
            person, role = await revoke_role(staff, actor, colleague, role_word, surface)
            return revoked(person, role, lang)
        if not args:
            return Message(f"chat.{said.verb.value}_usage", good=False)
        colleague = mentioned or Colleague(name=" ".join(args))
        if said.verb is Verb.DEACTIVATE:
            return deactivated(await deactivate(staff, actor, colleague, surface))
        return activated(await activate(staff, actor, colleague, surface))

    async def hold(self, person: Person, verb: Verb, args: tuple[str, ...]) -> Answer:
        """`bewaar K-2026-0001 klant is naar de commissie` keeps a closed dossier past its
        retention period; `vrijgeven K-2026-0001` lifts that. The core checks the role."""
        if (
            not args
            or not DOSSIER_NUMBER.fullmatch(args[0])
            or (verb is Verb.HOLD) != (len(args) > 1)
        ):
            return Usage(verb)
        number = args[0].upper()
        if verb is Verb.HOLD:
            action: Action = parse(SetHold, {"reason": " ".join(args[1:])})
        else:
            action = LiftHold()
        await self.act(person, number, action, None)
        return Message(
            "chat.hold_set" if verb is Verb.HOLD else "chat.hold_lifted", {"number": number}
        )

    async def open_dossiers(self, asker: Asker) -> list[DossierView]:
        """What a person's own page shows (Slack's App Home): a list, logged as read."""
        if asker.person is None:
            return []
        return await self.bot.complaints.dossiers(asker.person, Scope.OPEN, self.surface)

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
            return asker.unknown()
        if name == Task.LETTER_WRITE and number and self.bot.tasks is not None:
            kind = BY_NAME.get(str(data.get("letter") or ""))
            if kind is None:
                raise Refused("action.unknown", action=name)
            return await self.letter(asker, kind, number, version)
        if name in TASKS and self.bot.tasks is not None:
            return await self.task(asker, name, number, data, key)
        cls = ACTIONS.get(name)
        if cls is None or cls is Register or not number:
            raise Refused("action.unknown", action=name)
        if (kind := letter_for_step(cls)) is not None and self.bot.tasks is not None:
            return await self.letter(asker, kind, number, version)
        presets = {k: str(v) for k, v in data.items()}
        if runs_at_once(Button(action=cls.name, label=cls.name, value=number, data=presets)):
            return await self.submit(asker, name, number, data, key, one_tap=True)
        the_form = await self.form(cls, asker.lang, number, asker.person)
        return OpenForm(the_form, cls.name, number, version, dict(data))

    async def letter(
        self, asker: Asker, kind: LetterKind, number: str, version: int | None
    ) -> OpenForm:
        """A letter's form, to write it (or edit its usual text) before it is previewed.

        It offers only the ways this customer can be reached, and starts from the draft
        of the same letter when there is one, else from the letter's usual text.
        """
        assert asker.person is not None
        view = await self.bot.complaints.view(asker.person, number)
        methods = letter_methods(view.dossier, view.email_letters)
        values: dict[str, Any] = default_fields(kind, view.dossier)
        if view.draft is not None and view.draft.kind == kind.name:
            values = {k: str(v) for k, v in view.draft.fields.items()}
        the_form = letter_form(kind, asker.lang, view.dossier.number, methods)
        return OpenForm(the_form, kind.form_name, view.dossier.number, version, values)

    async def ask_first(
        self, asker: Asker, name: str, number: str | None, data: Mapping[str, Any], key: str | None
    ) -> Answer:
        """A button that asks to be confirmed: the question, or the step when it need not ask.

        A task's button asks only when this person's card offers it with a question
        (someone else's card, or a moment that has passed, asks nothing: the task runs
        and the core says why it will not).
        """
        if asker.person is None:
            return asker.unknown()
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
                lambda: tasks.run(
                    person, name, number, values, asker.lang, request_key=key, surface=self.surface
                )
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
    ) -> Answer:
        """A filled-in form (or a one-tap button's data): the step, or why it was refused.

        A person field holds the core's own id of someone from `Staff.owners`, the
        choice every chat's form offers.
        """
        person = asker.person
        if person is None:
            return asker.unknown()
        cls = ACTIONS.get(name)
        letter = BY_FORM.get(name) if self.bot.tasks is not None else None
        if (cls is None and letter is None) or (cls is not Register and not number):
            raise Refused("action.unknown", action=name)
        if letter is not None:
            assert number is not None
            drafted = form_named(name, asker.lang, number)
            assert drafted is not None
            values = _values(drafted, data)
            return await self._write(asker, letter, number, drafted, values, data, key)
        assert cls is not None
        the_form = await self.form(cls, asker.lang, number, asker.person)
        values = _values(the_form, data)
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
        number = outcome.dossier.number
        said = repeated(number) if outcome.duplicate else await did(action, number, self._name)
        card = await self.show(asker, number) if self.redraws_card else None
        return Done(cls.name, number, said, outcome.duplicate, card)

    async def form(
        self, cls: type[Action], lang: str, number: str | None, person: Person | None = None
    ) -> Form:
        """The step's form, its person fields offering who may own a dossier: the core's
        list, the same in every chat. Dates that are usually today start today, and the
        directie's decision keeps the escalation in view."""
        today = local_date(self.bot.complaints.clock())
        view = None
        if cls is Decide and number and person is not None:
            # Not theirs to read: the form opens without it, and the step says why.
            with contextlib.suppress(Refused):
                view = await self.bot.complaints.view(person, number)
        the_form = form(cls, lang, number, today=today, view=view)
        people = [f for f in the_form.fields if f.kind is FieldKind.PERSON]
        if people:
            owners = [Option(value=str(p.id), label=p.name) for p in await self.bot.staff.owners()]
            for field in people:
                field.options = owners
        return the_form

    async def _name(self, person_id: int) -> str:
        person = await self.bot.complaints.person(person_id)
        return person.name if person is not None else str(person_id)

    async def _write(
        self,
        asker: Asker,
        kind: LetterKind,
        number: str,
        the_form: Form,
        values: dict[str, Any],
        data: Mapping[str, Any],
        key: str | None,
    ) -> Answer:
        """A letter's form: kept as the draft, and answered with its preview and the card."""
        tasks, person = self.bot.tasks, asker.person
        assert tasks is not None and person is not None
        try:
            reply = await retried(
                lambda: tasks.write(person, kind, number, values, asker.lang, request_key=key)
            )
        except Refused as refused:
            fields = {
                field: Message(k, dict(params), good=False)
                for field, (k, params) in refused.fields.items()
            }
            return FormErrors(the_form, fields, refusal(refused), dict(data))
        card = await self.show(asker, number) if self.redraws_card else None
        return TaskDone(number.upper(), reply.text, tuple(reply.links), reply.card_changed, card)

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
            return asker.unknown()
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
            return asker.unknown()
        named = DOSSIER_NUMBER.search(text or "")
        if named is None:
            return Message("chat.file_needs_number", good=False)
        return await self.keep(asker, named.group(0).upper(), uploads)


def _values(the_form: Form, data: Mapping[str, Any]) -> dict[str, Any]:
    """The form's answers as the action's fields; an empty input is no answer."""
    values: dict[str, Any] = {}
    for f in the_form.fields:
        raw = data.get(f.name)
        if raw is None or (isinstance(raw, str) and not raw.strip()):
            continue
        if f.kind is FieldKind.PERSON and str(raw).strip().isdigit():
            raw = int(str(raw).strip())
        values[f.name] = raw
    return values
