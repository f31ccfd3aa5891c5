"""What the bot does with each activity Teams sends: commands, card actions, thread notes.

The flow of DESIGN holds: find the person, turn the payload into the core's
typed action, let the core decide, answer the actor. Everything that others
must see afterwards (the coordinators' card, a DM) goes through the outbox.
A card task (bot.use_cases.tasks: documents, the acknowledgement letter, the Orthomatic
checklist) is answered the same way, with the links it hands out as buttons.
"""

from __future__ import annotations

import asyncio
import logging
import re
from collections.abc import Awaitable, Callable, Sequence
from typing import Any

from adapters.teams import render
from adapters.teams.port import FetchFailed, Files, Inbound, Outgoing, TooLarge, Turn
from adapters.teams.render import CONTROL
from adapters.teams.store import TeamsStore, conversation_key, person_key
from adapters.teams.views import staff_choices
from bot.catalogue import language, t
from bot.chat.commands import Verb, command
from bot.chat.commands import scope as list_scope
from bot.chat.conflicts import retried
from bot.chat.roles import Colleague, grant_role, granted_text
from bot.host import Klachtenbot
from bot.rules.actions import ACTIONS, Action, AddNote, Register
from bot.rules.errors import Refused
from bot.rules.fields import marked
from bot.rules.people import Person
from bot.rules.validation import parse
from bot.use_cases.documents import MAX_BYTES
from bot.use_cases.services import Outcome
from bot.use_cases.tasks import TASKS, task_buttons
from bot.views.cards import Button, Confirm, FieldKind, Form, Link
from bot.views.dossier_card import dossier_card, list_card
from bot.views.forms import form, runs_at_once

log = logging.getLogger(__name__)

CARD_ACTION = "adaptiveCard/action"
# Teams waits 15 seconds for an invoke's answer; answer well before, work on after.
INVOKE_BUDGET = 10.0

FILE_DOWNLOAD_INFO = "application/vnd.microsoft.teams.file.download.info"
CARD_TYPES = ("application/vnd.microsoft.card.",)

Refresh = Callable[[str], Awaitable[None]]  # redraw a dossier's card in the channel


def card_answer(card: dict[str, Any]) -> dict[str, Any]:
    """The body of an Action.Execute answer: this card replaces the clicked one."""
    return {"statusCode": 200, "type": render.CONTENT_TYPE, "value": card}


# A dossier number as people type it: K-2026-0001 (any case, as in `klacht toon`).
DOSSIER_NUMBER = re.compile(r"\bK-\d{4}-\d{4,}\b", re.IGNORECASE)


def attached_files(attachments: list[dict[str, Any]]) -> list[tuple[str, str]]:
    """(where to fetch it, its name) for each file in a message; not the message's own
    HTML body or a card.

    A file shared from Teams' file store says where to download it in its content;
    an inline image or other attachment has its `contentUrl`.
    """
    found = []
    for attachment in attachments:
        content_type = str(attachment.get("contentType") or "")
        content = attachment.get("content")
        if content_type == FILE_DOWNLOAD_INFO and isinstance(content, dict):
            url = content.get("downloadUrl")
        elif content_type.startswith("text/") or content_type.startswith(CARD_TYPES):
            continue
        else:
            url = attachment.get("contentUrl")
        if url:
            found.append((str(url), str(attachment.get("name") or "scan")))
    return found


class TeamsBot:
    def __init__(
        self,
        bot: Klachtenbot,
        store: TeamsStore,
        budget: float = INVOKE_BUDGET,
        files: Files | None = None,
        refresh_card: Refresh | None = None,
    ):
        self.bot = bot
        self.store = store
        self.files = files
        self.refresh_card = refresh_card
        self.budget = budget
        self._later: set[asyncio.Task[Any]] = set()

    # -- every activity -------------------------------------------------------------------

    async def on_activity(self, inbound: Inbound, turn: Turn) -> dict[str, Any] | None:
        lang = language(inbound.locale)
        try:
            person = await self._identify(inbound, turn) if inbound.user_id else None
            await self._remember(inbound, person)
            if inbound.kind == "invoke":
                if inbound.name != CARD_ACTION:
                    return None
                return await self._within_budget(self._card_action(inbound, person, lang), lang)
            if inbound.kind == "message" and inbound.value:  # an Action.Submit
                answer = await self._card_action(inbound, person, lang)
                await turn.reply(Outgoing(card=answer["value"]))
                return None
            if inbound.kind == "message":
                await self._message(inbound, person, turn, lang)
            elif inbound.bot_added and inbound.conversation_type == "personal":
                await turn.reply(Outgoing(card=self._help(lang)))
        except Refused as refused:
            text = t(refused.key, lang, **refused.params)
            if inbound.kind == "invoke":
                return card_answer(render.text_card(text, [], lang))
            await self._say(turn, text)
        except Exception:
            log.exception("Teams activity %s failed", inbound.id)
            if inbound.kind == "invoke":
                return card_answer(render.text_card(t("teams.error", lang), [], lang))
            await self._say(turn, t("teams.error", lang))
        return None

    @staticmethod
    async def _say(turn: Turn, text: str) -> None:
        """Tell the sender what went wrong, if Teams can be reached at all."""
        try:
            await turn.reply(Outgoing(text=text))
        except Exception as error:  # the connector itself is away: the log says so
            log.warning("could not answer in Teams: %s", type(error).__name__)

    async def _identify(self, inbound: Inbound, turn: Turn) -> Person | None:
        """AAD object id first; then the e-mail address Teams gives for the sender."""
        staff = self.bot.staff
        if inbound.aad_id and (person := await staff.by_teams(inbound.aad_id, None)):
            return person if person.active else None
        if inbound.kind not in ("message", "invoke"):
            return None
        email = await turn.member_email()
        person = await staff.by_teams(None, email) if email else None
        if person is None or not person.active:
            return None
        # Only a checked activity links: an unchecked id would be trusted from then on.
        if inbound.authenticated and inbound.aad_id and person.teams_aad_id is None:
            await self.store.link_aad(person.id, inbound.aad_id)
        return person

    async def _remember(self, inbound: Inbound, person: Person | None) -> None:
        """Every conversation the bot meets can be written to later (DMs, channels).

        Only when the Bot Framework vouched for the activity: a reference's `serviceUrl`
        is where later posts go, and an unchecked one (local mode) could send the
        dossiers' cards to anyone's server. Local mode answers within the turn only.
        """
        if not inbound.authenticated:
            return
        if inbound.conversation_type == "personal":
            user = inbound.aad_id or inbound.user_id
            if user:
                key = person_key(user)
                await self.store.remember(key, inbound.reference, person.id if person else None)
        elif inbound.conversation_id:
            await self.store.remember(conversation_key(inbound.conversation_id), inbound.reference)

    async def _within_budget(self, work: Awaitable[dict[str, Any]], lang: str) -> dict[str, Any]:
        task = asyncio.ensure_future(work)
        try:
            return await asyncio.wait_for(asyncio.shield(task), self.budget)
        except TimeoutError:
            # Teams would show an error after 15 s; say it is being done, and do it.
            self._later.add(task)
            task.add_done_callback(self._later.discard)
            return card_answer(render.text_card(t("teams.busy", lang), [], lang))

    # -- messages -------------------------------------------------------------------------

    async def _message(self, inbound: Inbound, person: Person | None, turn: Turn, lang: str):
        said = command(inbound.text)
        in_channel = inbound.conversation_type != "personal"
        if in_channel and said is None and inbound.thread_root:
            number = await self.store.dossier_of(inbound.conversation_id, inbound.thread_root)
            if number:
                await self._thread_note(inbound, person, turn, lang, number)
                return
        if in_channel and not inbound.mentioned:
            return  # ordinary chatter in a channel is not for the bot
        if person is None:
            await turn.reply(Outgoing(card=self._unknown(inbound, lang)))
            return
        if not in_channel and said is None and attached_files(inbound.attachments):
            await self._sent_to_the_bot(inbound, person, turn, lang)
            return
        verb, args = (said.verb, said.args) if said else (Verb.HELP, ())
        if verb is Verb.NEW:
            card = render.render_form(form(Register, lang), lang)
        elif verb is Verb.LIST:
            scope = list_scope(args)
            if scope is None:
                card = self._help(lang)
            else:
                found = await self.bot.complaints.listing(person, scope)
                card = render.render_card(list_card(found.views, lang, found.total), lang)
        elif verb is Verb.SHOW and args:
            card = await self._dossier(person, args[0], lang, inbound.user_id)
        elif verb is Verb.ROLE:
            card = await self._grant(person, args, inbound, turn, lang)
        elif verb is Verb.PROTOCOL:
            card = self._protocol(lang)
        else:
            card = self._help(lang)
        await turn.reply(Outgoing(card=card))

    async def _thread_note(
        self, inbound: Inbound, person: Person | None, turn: Turn, lang: str, number: str
    ) -> None:
        """A message in a dossier's thread is interim communication: it goes in the dossier."""
        if person is None:
            await turn.reply(Outgoing(card=self._unknown(inbound, lang)))
            return
        if inbound.text:
            key = f"teams:activity:{inbound.id}:0" if inbound.id else None
            try:
                note = parse(AddNote, {"text": inbound.text})
                await retried(
                    lambda: self.bot.complaints.act(person, number, note, request_key=key)
                )
            except Refused as refused:
                await turn.reply(Outgoing(text=t(refused.key, lang, **refused.params)))
                return
        await self._attach_all(inbound, person, number, turn, lang)

    async def _sent_to_the_bot(
        self, inbound: Inbound, person: Person, turn: Turn, lang: str
    ) -> None:
        """A scan sent to the bot in a personal chat, with the dossier number it belongs to.

        The text only names the dossier; without a number the file has nowhere to go,
        so the sender is asked to send it again with one (nothing is stored).
        """
        named = DOSSIER_NUMBER.search(inbound.text or "")
        if named is None:
            await turn.reply(Outgoing(text=t("chat.file_needs_number", lang)))
            return
        number = named.group(0).upper()
        kept = await self._attach_all(inbound, person, number, turn, lang)
        if kept:
            await turn.reply(Outgoing(text=t("chat.file_kept", lang, count=kept, number=number)))

    async def _attach_all(
        self, inbound: Inbound, person: Person, number: str, turn: Turn, lang: str
    ) -> int:
        """Every file of the message kept with the dossier; returns how many were kept.

        Each file on its own: one refused file is answered and keeps no other out.
        """
        kept = 0
        for n, (url, name) in enumerate(attached_files(inbound.attachments)):
            key = f"teams:activity:{inbound.id}:file:{n}" if inbound.id else None
            try:
                await self._attach(inbound, person, number, url, name, key)
                kept += 1
            except Refused as refused:
                await turn.reply(Outgoing(text=t(refused.key, lang, **refused.params)))
        return kept

    async def _attach(
        self, inbound: Inbound, person: Person, number: str, url: str, name: str, key: str | None
    ) -> None:
        """A scan attached in the thread: its content is fetched and kept with the dossier.

        The core judges the content (a PDF or a photo of at most 20 MB) and stores
        the file with its `AddDocument` in one transaction; a refusal stores nothing.
        A repeated activity has the same key, so the file is stored once; a repeat
        racing its original on the dossier's version tries again and finds the key.
        """
        if self.files is None:
            raise Refused("teams.file_unavailable", name=name)
        try:
            content = await self.files.fetch(
                url, MAX_BYTES, service_url=inbound.reference.get("serviceUrl")
            )
        except TooLarge as error:
            size = f"{error.size / (1024 * 1024):.1f} MB".replace(".", ",")
            raise Refused("document.too_large", field="file", size=size, max="20 MB") from error
        except FetchFailed as error:
            raise Refused("teams.file_unavailable", name=name) from error
        documents = self.bot.documents
        await retried(lambda: documents.attach(person, number, name, content, request_key=key))

    async def _grant(
        self, actor: Person, args: tuple[str, ...], inbound: Inbound, turn: Turn, lang: str
    ) -> dict[str, Any]:
        """`klacht rol @Piet directie`, or `klacht rol Piet Jansen directie` for someone
        the bot knows: the core decides who that is and whether the asker may."""
        if len(args) < 2:
            return render.text_card(t("teams.role_usage", lang), [], lang)
        if inbound.mentions:
            user_id, shown = inbound.mentions[0]
            member = await turn.member(user_id)
            colleague = Colleague(
                name=(member.name if member and member.name else shown) or user_id,
                teams_aad_id=member.aad_id if member else None,
                email=member.email if member else None,
            )
        else:
            colleague = Colleague(name=" ".join(args[:-1]))
        granted = await grant_role(self.bot.staff, actor, colleague, args[-1])
        return render.text_card(granted_text(granted, lang), [], lang)

    # -- card actions ---------------------------------------------------------------------

    async def _card_action(
        self, inbound: Inbound, person: Person | None, lang: str
    ) -> dict[str, Any]:
        value = inbound.value or {}
        if inbound.kind == "invoke":
            action = value.get("action") or {}
            verb, data = str(action.get("verb") or ""), dict(action.get("data") or {})
        else:
            data = dict(value)
            ctl = data.get(CONTROL) or {}
            verb = str((ctl.get("verb") if isinstance(ctl, dict) else "") or "submit")
        if person is None:
            return card_answer(self._unknown(inbound, lang))
        ctl = data.pop(CONTROL, None) or {}
        name, number = (ctl.get("action"), ctl.get("dossier")) if isinstance(ctl, dict) else ("", 0)
        if not isinstance(number, str | None):  # not a card we drew: nothing to look up
            raise Refused("action.unknown", action=verb)
        if verb in ("refresh", "show") or (verb == "cancel" and number):
            if not number:
                raise Refused("action.unknown", action=verb)
            return card_answer(await self._dossier(person, number, lang, inbound.user_id))
        if verb == "cancel":
            return card_answer(render.text_card(t("teams.cancelled", lang), [], lang))
        key = f"teams:card:{ctl['nonce']}" if ctl.get("nonce") else None
        key = key or (f"teams:activity:{inbound.id}" if inbound.id else None)
        if name in TASKS and self.bot.tasks is not None:
            return await self._task(person, str(name), number, verb, data, key, inbound, lang)
        cls = ACTIONS.get(str(name))
        if cls is None or (cls is not Register and not number):
            raise Refused("action.unknown", action=str(name))
        the_form = form(cls, lang, number)
        if verb == "confirm" and cls is not Register:
            return card_answer(render.confirm_card(self._confirm(cls, number, data, lang), lang))
        presets = {k: str(v) for k, v in data.items()}
        clicked = Button(action=cls.name, label=cls.name, value=number or "-", data=presets)
        if verb == "open" and not runs_at_once(clicked):
            return card_answer(await self._form(the_form, lang, values=data))
        if verb not in ("open", "confirm", "submit"):
            raise Refused("action.unknown", action=verb)
        one_tap = verb != "submit"
        return await self._submit(person, cls, the_form, number, data, key, lang, inbound, one_tap)

    def _confirm(self, cls: type[Action], number: str, data: dict[str, Any], lang: str) -> Button:
        return Button(
            action=cls.name,
            label=t(f"action.{cls.name}", lang),
            value=number,
            data={k: str(v) for k, v in data.items()},
            confirm=Confirm(
                title=t(f"action.{cls.name}", lang),
                text=t("card.close_confirm", lang, number=number)
                if cls.name == "close"
                else t("chat.confirm", lang, action=cls.name, number=number),
                yes=t(f"action.{cls.name}", lang),
                no=t("card.cancel", lang),
            ),
        )

    async def _form(self, the_form: Form, lang: str, **kwargs: Any) -> dict[str, Any]:
        people = []
        if any(f.kind is FieldKind.PERSON for f in the_form.fields):
            people = await staff_choices(self.bot)
        return render.render_form(the_form, lang, people=people, **kwargs)

    async def _submit(
        self,
        person: Person,
        cls: type[Action],
        the_form: Form,
        number: str | None,
        data: dict[str, Any],
        key: str | None,
        lang: str,
        inbound: Inbound,
        one_tap: bool,
    ) -> dict[str, Any]:
        values = self._values(the_form, data)
        try:
            action = parse(cls, values)
            outcome: Outcome
            if isinstance(action, Register):
                outcome = await self.bot.complaints.register(person, action, request_key=key)
            else:
                assert number is not None
                outcome = await retried(
                    lambda: self.bot.complaints.act(person, number, action, request_key=key)
                )
        except Refused as refused:
            if one_tap:  # no form was shown: say why on the dossier's card
                message = t(refused.key, lang, **refused.params)
                return card_answer(await self._refused(person, number, message, lang, inbound))
            errors = {
                name: t(k, lang, **params)
                for name, (k, params) in refused.fields.items()
                if any(f.name == name for f in the_form.fields)
            }
            message = (
                t("teams.fix_errors", lang) if errors else t(refused.key, lang, **refused.params)
            )
            # The answers come back to be fixed; a character that may not be stored shows
            # as "\ufffd" where it was (a lone surrogate could not even be sent to Teams).
            again = {k: marked(v) if isinstance(v, str) else v for k, v in data.items()}
            return card_answer(
                await self._form(the_form, lang, values=again, errors=errors, message=message)
            )
        number = outcome.dossier.number
        if outcome.duplicate:
            note = t("teams.duplicate", lang)
        elif isinstance(action, Register):
            note = t("teams.registered", lang, number=number)
        else:
            note = t("teams.done", lang, action=cls.name, state=outcome.dossier.state.value)
        card = await self._dossier(person, number, lang, inbound.user_id, note=note)
        return card_answer(card)

    @staticmethod
    def _values(the_form: Form, data: dict[str, Any]) -> dict[str, Any]:
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

    # -- card tasks -----------------------------------------------------------------------

    async def _task(
        self,
        person: Person,
        name: str,
        number: str | None,
        verb: str,
        data: dict[str, Any],
        key: str | None,
        inbound: Inbound,
        lang: str,
    ) -> dict[str, Any]:
        """A card task: the clicker's dossier card comes back with what happened on top
        and, right under it, the links handed out (a document, the letter's preview)."""
        assert self.bot.tasks is not None
        # "submit": the button of a card drawn before the verb travelled in its data.
        if not number or verb not in ("open", "confirm", "submit"):
            raise Refused("action.unknown", action=name)
        values = {k: str(v) for k, v in data.items()}
        if verb == "confirm" and (
            asked := await self._task_confirm(person, name, number, values, lang)
        ):
            return card_answer(render.confirm_card(asked, lang))
        try:
            tasks = self.bot.tasks
            reply = await retried(
                lambda: tasks.run(person, name, number, values, lang, request_key=key)
            )
        except Refused as refused:
            message = t(refused.key, lang, **refused.params)
            return card_answer(await self._refused(person, number, message, lang, inbound))
        if reply.card_changed:
            self._refresh_channel_card(number)
        card = await self._dossier(
            person, number, lang, inbound.user_id, note=reply.text, links=reply.links
        )
        return card_answer(card)

    async def _task_confirm(
        self, person: Person, name: str, number: str, data: dict[str, str], lang: str
    ) -> Button | None:
        """The task's button as this person's card offers it, when it asks first.

        A button this person is not offered (someone else's card, or the moment has
        passed) asks nothing: the task runs and the core says why it will not.
        """
        view = await self.bot.complaints.view(person, number)
        for button in task_buttons(view, person, lang):
            if button.action == name and button.data == data and button.confirm:
                return button
        return None

    def _refresh_channel_card(self, number: str) -> None:
        """The coordinators' card catches up now, also with a change that is no step (an
        Orthomatic item ticked off); the clicker's answer does not wait for it."""
        if self.refresh_card is None:
            return

        async def refresh(refresh_card: Refresh) -> None:
            try:
                await refresh_card(number)
            except Exception:  # the task is done; the card catches up with the next step
                log.exception("refreshing the Teams card of %s failed", number)

        task = asyncio.ensure_future(refresh(self.refresh_card))
        self._later.add(task)
        task.add_done_callback(self._later.discard)

    # -- cards ----------------------------------------------------------------------------

    async def _dossier(
        self,
        person: Person,
        number: str,
        lang: str,
        user_id: str | None,
        note: str | None = None,
        good: bool = True,
        links: Sequence[Link] = (),
    ) -> dict[str, Any]:
        """The dossier's card for this person, with `note` on top and its `links` under it.

        Teams redraws a card for its `refresh` users when it is viewed again a minute
        later; a card with links is left alone, so the links stay while they work.
        """
        view = await self.bot.complaints.view(person, number)
        return render.render_card(
            dossier_card(view, person, lang),
            lang,
            note=render.banner(note, good=good, lang=lang) if note else None,
            note_links=links,
            refresh=view.dossier.number,
            refresh_users=[user_id] if user_id and not links else None,
        )

    async def _refused(
        self, person: Person, number: str | None, message: str, lang: str, inbound: Inbound
    ) -> dict[str, Any]:
        """Why a one-tap button did nothing, on the dossier's card; alone when the clicker
        may not see the dossier."""
        try:
            return await self._dossier(
                person, number or "", lang, inbound.user_id, note=message, good=False
            )
        except Refused:
            return render.text_card(message, [], lang)

    def _protocol(self, lang: str) -> dict[str, Any]:
        """The procedure in words for a customer, and the PDF to print when links are on."""
        link = self.bot.tasks.protocol_link(lang) if self.bot.tasks is not None else None
        return render.text_card(
            t("teams.protocol_title", lang),
            t("teams.protocol", lang).split("\n\n"),
            lang,
            links=[link] if link else [],
        )

    @staticmethod
    def _help(lang: str) -> dict[str, Any]:
        return render.text_card(
            t("teams.help_title", lang), t("teams.help", lang).split("\n"), lang
        )

    @staticmethod
    def _unknown(inbound: Inbound, lang: str) -> dict[str, Any]:
        who = inbound.user_name or "?"
        return render.text_card(
            t("teams.unknown_title", lang, name=who),
            [t("teams.unknown", lang, aad=inbound.aad_id or inbound.user_id)],
            lang,
        )
