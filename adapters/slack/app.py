"""The Slack app: `/klacht`, buttons, modals, thread messages and the App Home.

Each listener acks first and hands its work to a background task (bolt answers
Slack when the listener returns, so nothing slow may run in it). The one
exception is a modal's submission, whose answer *is* the ack: inline errors or
the result. It waits for the core at most `ACK_BUDGET` seconds, then acks anyway
and reports the result by DM.

Everything here translates: a payload becomes a typed action of the core for a
known person; the core decides. Repeats are caught by the core's `request_key`
(a unique row in the database), never by memory.
"""

from __future__ import annotations

import asyncio
import hashlib
import logging
import re
from collections.abc import Awaitable, Callable
from typing import Any

from slack_bolt.async_app import AsyncApp
from slack_sdk.web.async_client import AsyncWebClient
from slack_sdk.webhook.async_client import AsyncWebhookClient

from adapters.slack.admission import Admission
from adapters.slack.blocks import SECTION_TEXT, card_blocks, escape, link_blocks, reply_blocks
from adapters.slack.bolt_log import quiet_token_warning
from adapters.slack.files import download
from adapters.slack.home import home_view
from adapters.slack.ids import ACTION_PATTERN, COMMAND, ButtonValue, Callback, decode_value
from adapters.slack.locale import Locales
from adapters.slack.modals import (
    FormContext,
    form_view,
    inline_errors,
    message_view,
    read_values,
    scan_block,
    scans,
)
from adapters.slack.store import SlackStore
from bot.catalogue import t
from bot.chat.commands import Command as ChatCommand
from bot.chat.commands import Verb
from bot.chat.commands import command as chat_command
from bot.chat.commands import scope as list_scope
from bot.chat.conflicts import retried
from bot.chat.roles import Colleague, grant_role, granted_text
from bot.host import Klachtenbot
from bot.rules.actions import ACTIONS, Action, AddNote, Register
from bot.rules.errors import Refused
from bot.rules.people import Person
from bot.rules.validation import parse
from bot.rules.workdays import local_date
from bot.use_cases.services import Outcome, Scope
from bot.use_cases.tasks import TASKS
from bot.views.cards import FieldKind, Form
from bot.views.dossier_card import dossier_card, list_card
from bot.views.forms import form, registration_form

log = logging.getLogger(__name__)

ACK_BUDGET = 2.0  # seconds a submission may wait for the core before Slack's 3 s run out
_MENTION = re.compile(r"^<@([UW][A-Z0-9]+)(?:\|[^>]*)?>$")

Tell = Callable[..., Awaitable[None]]  # tell(text, blocks=None)
Refresh = Callable[[str], Awaitable[None]]  # redraw a dossier's card in the channel


def say(key: str, lang: str, **params: Any) -> str:
    """A catalogue sentence for mrkdwn; parameters (often user text) are escaped."""
    return t(key, lang, **{k: escape(v) if isinstance(v, str) else v for k, v in params.items()})


def refusal_text(refusal: Refused, lang: str) -> str:
    return say(refusal.key, lang, **refusal.params)


def slack_unescape(text: str) -> str:
    """Slack sends message text with &, < and > escaped; store what the person typed."""
    return text.replace("&lt;", "<").replace("&gt;", ">").replace("&amp;", "&")


class SlackApp:
    def __init__(
        self,
        bot: Klachtenbot,
        client: AsyncWebClient,
        store: SlackStore,
        locales: Locales,
        refresh_card: Refresh | None = None,
    ) -> None:
        self.bot = bot
        self.refresh_card = refresh_card
        self.client = client
        self.store = store
        self.locales = locales
        self.background: set[asyncio.Task[Any]] = set()
        self.admission = Admission()

    def bolt(self, signing_secret: str | None) -> AsyncApp:
        quiet_token_warning()
        app = AsyncApp(
            client=self.client,
            signing_secret=signing_secret,
            # Off only in Socket Mode without a secret, where no HTTP endpoint is mounted.
            request_verification_enabled=signing_secret is not None,
            # bolt answers Slack when the listener returns; each listener returns right
            # after `ack()` and leaves its work to `_spawn`. (Otherwise bolt runs the
            # listener as a task and looks for the ack every 10 ms, which every ack pays.)
            process_before_response=True,
            name="klachtenbot",
        )
        app.command(COMMAND)(self.on_command)
        app.action(re.compile(ACTION_PATTERN))(self.on_button)
        app.view(Callback.FORM.value)(self.on_submit)
        app.event("message")(self.on_message)
        app.event("app_home_opened")(self.on_home)
        return app

    async def act(self, person: Person, number: str, command: Action, key: str) -> Outcome:
        """The core's `act`, once per Slack request, again if it lost a race."""
        return await retried(
            lambda: self.bot.complaints.act(person, number, command, request_key=key)
        )

    async def who(self, user_id: str) -> tuple[Person | None, str]:
        person = await self.bot.staff.by_slack(user_id)
        return person, await self.locales.of(user_id)

    # -- /klacht ---------------------------------------------------------------------------

    async def respond(self, url: str, **message: Any) -> None:
        """Answer through Slack's response_url, on the shared HTTP session (bolt's own
        `respond` opens a new connection for every answer)."""
        await AsyncWebhookClient(url=url, session=self.client.session).send(
            response_type="ephemeral", **message
        )

    async def on_command(self, ack: Any, command: dict[str, Any]) -> None:
        user = command["user_id"]
        if self.admission.full():  # overloaded: the ack itself says so, privately
            return await ack(text=t("slack.busy", self.locales.cached(user)))
        await ack()
        self._spawn(self._after_command(command))

    async def _after_command(self, command: dict[str, Any]) -> None:
        user = command["user_id"]
        words = (command.get("text") or "").split()
        said = chat_command(f"{COMMAND} {command.get('text') or ''}")

        async def tell(text: str, blocks: list[dict[str, Any]] | None = None) -> None:
            await self.respond(command["response_url"], text=text, blocks=blocks)

        async with self.admission.slot() as admitted:
            if not admitted:
                return await self._busy(user, tell)
            await self._command(user, said, words, command, tell)

    async def _busy(self, user: str, tell: Tell) -> None:
        """Turned away after the ack: said by a post of its own, at most once in a while."""
        if self.admission.worth_telling(user):
            await tell(t("slack.busy", self.locales.cached(user)))

    async def _command(
        self,
        user: str,
        said: ChatCommand | None,
        words: list[str],
        command: dict[str, Any],
        tell: Any,
    ) -> None:
        lang = "nl"
        verb = said.verb if said else None
        try:
            person, lang = await self.who(user)
            if said is None:
                unknown = say("slack.unknown_subcommand", lang, text=" ".join(words)[:100])
                return await tell(f"{unknown}\n\n{t('slack.help', lang)}")
            if verb is Verb.HELP:
                return await tell(t("slack.help", lang))
            if verb is Verb.PROTOCOL:
                return await self._protocol(lang, tell)
            if person is None:
                return await tell(t("slack.unknown_user", lang))
            if verb is Verb.NEW:
                return await self._open_registration(command["trigger_id"], lang)
            if verb is Verb.LIST:
                return await self._list(person, said.args, lang, tell)
            if verb is Verb.SHOW:
                return await self._show(person, list(said.args), lang, tell)
            if verb is Verb.ROLE:
                return await self._grant(person, list(said.args), lang, tell)
        except Refused as refusal:
            await tell(refusal_text(refusal, lang))
        except Exception:  # never a traceback in chat
            log.exception("/klacht %s failed", verb)
            await tell(t("slack.failed", lang))

    async def _protocol(self, lang: str, tell: Any) -> None:
        """The procedure as text, and as a PDF to print for the customer at the desk."""
        text = f"*{t('slack.protocol_title', lang)}*\n{t('slack.protocol', lang)}"
        link = self.bot.tasks.protocol_link(lang) if self.bot.tasks else None
        if link is None:
            return await tell(text)
        # The protocol is the catalogue's own mrkdwn: nothing in it was typed by a user.
        section = {"type": "section", "text": {"type": "mrkdwn", "text": text[:SECTION_TEXT]}}
        await tell(text, [section, *link_blocks([link], lang)])

    async def _open_registration(self, trigger_id: str, lang: str) -> None:
        today = local_date(self.bot.complaints.clock()).isoformat()
        view = form_view(
            registration_form(lang), lang, FormContext(Register.name), {"received_on": today}
        )
        view["blocks"].append(scan_block(lang))
        await self.client.views_open(trigger_id=trigger_id, view=view)

    async def _list(self, person: Person, args: tuple[str, ...], lang: str, tell: Any) -> None:
        scope = list_scope(args)
        if scope is None:
            return await tell(t("slack.help", lang))
        found = await self.bot.complaints.listing(person, scope)
        card = list_card(found.views, lang, found.total)
        await tell(card.title, card_blocks(card, lang))

    async def _show(self, person: Person, args: list[str], lang: str, tell: Any) -> None:
        if len(args) != 1:
            return await tell(t("slack.show_usage", lang))
        view = await self.bot.complaints.view(person, args[0])
        card = dossier_card(view, person, lang)
        number = view.dossier.number
        blocks = card_blocks(card, lang, version=view.dossier.version, number=number)
        await tell(escape(card.title), blocks)

    async def _grant(self, actor: Person, args: list[str], lang: str, tell: Any) -> None:
        mention = _MENTION.match(args[0]) if len(args) == 2 else None
        if mention is None:
            return await tell(t("slack.role_usage", lang))
        user_id = mention.group(1)
        name = await self.locales.name_of(user_id) or user_id
        colleague = Colleague(name=name, slack_user_id=user_id)
        target = await grant_role(self.bot.staff, actor, colleague, args[1])
        await tell(escape(granted_text(target, lang)))

    # -- buttons ---------------------------------------------------------------------------

    def _teller(self, body: dict[str, Any], user: str) -> Tell:
        """Answer the clicker privately: in place when Slack gave a response_url, else by DM."""

        async def tell(text: str, blocks: list[dict[str, Any]] | None = None) -> None:
            if body.get("response_url"):
                await self.respond(
                    body["response_url"], text=text, blocks=blocks, replace_original=False
                )
            else:
                await self.client.chat_postMessage(channel=user, text=text, blocks=blocks)

        return tell

    async def on_button(self, ack: Any, body: dict[str, Any], action: dict[str, Any]) -> None:
        await ack()
        if action.get("url"):  # a link button: the browser opens it, nothing to do here
            return
        self._spawn(self._after_button(body, action))

    async def _after_button(self, body: dict[str, Any], action: dict[str, Any]) -> None:
        user = body["user"]["id"]
        tell = self._teller(body, user)
        async with self.admission.slot() as admitted:
            if not admitted:
                return await self._busy(user, tell)
            await self._button(body, action, user, tell)

    async def _button(self, body: dict[str, Any], action: dict[str, Any], user: str, tell: Tell):
        value = decode_value(action.get("value") or "")
        lang = "nl"
        try:
            person, lang = await self.who(user)
            if value is None:  # not a value we wrote: said plainly, nothing is done
                return await tell(t("slack.unreadable", lang))
            if person is None:
                return await tell(t("slack.unknown_user", lang))
            if value.action in TASKS and self.bot.tasks is not None:
                return await self._task(person, value, body, lang, tell)
            cls = ACTIONS.get(value.action)
            if cls is None or cls is Register:
                return await tell(say("action.unknown", lang, action=value.action))
            the_form = form(cls, lang, value.number)
            required = {f.name for f in the_form.fields if f.required}
            if required <= value.data.keys():
                return await self._one_tap(person, cls, value, body, lang, tell)
            context = FormContext(cls.name, value.number, value.version)
            view = form_view(the_form, lang, context, value.data)
            await self.client.views_open(trigger_id=body["trigger_id"], view=view)
        except Refused as refusal:
            await tell(refusal_text(refusal, lang))
        except Exception:
            log.exception("button %s failed", action.get("action_id"))
            await tell(t("slack.failed", lang))

    async def _one_tap(
        self,
        person: Person,
        cls: type[Action],
        value: ButtonValue,
        body: dict[str, Any],
        lang: str,
        tell: Tell,
    ) -> None:
        command = parse(cls, dict(value.data))
        outcome = await self.act(person, value.number, command, _click_key(value, body))
        await tell(self._done_text(outcome, cls.name, lang))

    async def _task(
        self, person: Person, value: ButtonValue, body: dict[str, Any], lang: str, tell: Tell
    ) -> None:
        """A card task (documents, the letter, the checklist): answered privately, with links."""
        tasks = self.bot.tasks
        assert tasks is not None
        key = _click_key(value, body)
        reply = await retried(
            lambda: tasks.run(person, value.action, value.number, value.data, lang, request_key=key)
        )
        await tell(escape(reply.text), reply_blocks(reply.text, reply.links, lang))
        if reply.card_changed and self.refresh_card is not None:
            try:
                await self.refresh_card(value.number)
            except Exception:  # the step is done; the card catches up with the next one
                log.exception("refreshing the card of %s failed", value.number)

    # -- modals ----------------------------------------------------------------------------

    async def on_submit(self, ack: Any, body: dict[str, Any], view: dict[str, Any]) -> None:
        context = FormContext.load(view.get("private_metadata") or "")
        cls = ACTIONS.get(context.action) if context else None
        user = body["user"]["id"]
        if context is None or cls is None:  # not a form we opened: said plainly, nothing done
            lang = await self.locales.of(user)
            text = t("slack.unreadable", lang)
            return await ack(
                response_action="update",
                view=message_view(t("slack.refused_title", lang), text, lang),
            )
        lang = "nl"
        the_form = form(cls, lang, context.number)
        try:
            person, lang = await self.who(user)
            if person is None:
                return await ack(
                    response_action="update",
                    view=message_view(
                        t("slack.refused_title", lang), t("slack.unknown_user", lang), lang
                    ),
                )
            the_form = form(cls, lang, context.number)
            values = read_values(the_form, view.get("state", {}).get("values", {}))
            errors = await self._people(the_form, values, lang)
            if errors:
                return await ack(response_action="errors", errors=errors)
            command = parse(cls, values)
        except Refused as refusal:
            return await ack(**self._refused(refusal, the_form, lang))
        except Exception:
            log.exception("reading form %s failed", context.action)
            return await ack(**self._failed(lang))

        key = f"slack:view:{view['id']}:{view.get('hash', '')}"
        work = asyncio.ensure_future(self._run(person, context, command, key))
        files = scans(view.get("state", {}).get("values", {})) if cls is Register else []
        if files:
            self._spawn(self._scans(work, person, files, key, user, lang))
        try:
            outcome = await asyncio.wait_for(asyncio.shield(work), ACK_BUDGET)
        except TimeoutError:
            await ack()  # Slack would give up; close the modal and tell the result by DM
            self._later(work, user, context, lang)
            return
        except Refused as refusal:
            return await ack(**self._refused(refusal, the_form, lang))
        except Exception:
            log.exception("form %s failed", context.action)
            return await ack(**self._failed(lang))
        title = t("slack.registered_title" if cls is Register else "slack.done_title", lang)
        text = self._done_text(outcome, cls.name, lang)
        await ack(response_action="update", view=message_view(title, text, lang))

    async def _run(
        self, person: Person, context: FormContext, command: Action, key: str
    ) -> Outcome:
        if isinstance(command, Register):
            return await self.bot.complaints.register(person, command, request_key=key)
        assert context.number is not None
        return await self.act(person, context.number, command, key)

    async def _scans(
        self,
        registered: asyncio.Future[Outcome],
        person: Person,
        files: list[dict[str, Any]],
        key: str,
        user: str,
        lang: str,
    ) -> None:
        """The scans uploaded with a registration, kept with the new dossier once it exists.

        After the ack, since fetching 20 MB from Slack may take longer than Slack waits.
        Each file on its own: a refused one is reported by DM and keeps no other out.
        """
        try:
            number = (await registered).dossier.number
        except Exception:  # refused or failed: the modal said so, and no dossier to keep it
            return
        for file in files:
            try:
                await self._file(person, number, file, f"{key}:file:{file.get('id')}")
            except Refused as refusal:
                name = str(file.get("name") or "")
                text = t("slack.scan_refused", lang, number=number, name=escape(name),
                         reason=refusal_text(refusal, lang))  # fmt: skip
                await self.client.chat_postMessage(channel=user, text=text)
            except Exception:
                log.exception("keeping a scan for %s failed", number)
                await self.client.chat_postMessage(channel=user, text=t("slack.failed", lang))

    async def _people(self, the_form: Form, values: dict[str, str], lang: str) -> dict[str, str]:
        """Slack users picked in the form, as the people the core knows."""
        errors = {}
        for field in the_form.fields:
            if field.kind is FieldKind.PERSON and field.name in values:
                person = await self.bot.staff.by_slack(values[field.name])
                if person is None:
                    errors[field.name] = t("slack.person_not_on_slack", lang)
                else:
                    values[field.name] = str(person.id)
        return errors

    def _refused(self, refusal: Refused, the_form: Form, lang: str) -> dict[str, Any]:
        errors = inline_errors(refusal, the_form, lang)
        if errors:
            return {"response_action": "errors", "errors": errors}
        text = refusal_text(refusal, lang)
        return {
            "response_action": "update",
            "view": message_view(t("slack.refused_title", lang), text, lang),
        }

    def _failed(self, lang: str) -> dict[str, Any]:
        view = message_view(t("slack.refused_title", lang), t("slack.failed", lang), lang)
        return {"response_action": "update", "view": view}

    def _later(self, work: asyncio.Future[Outcome], user: str, ctx: FormContext, lang: str) -> None:
        async def report() -> None:
            try:
                outcome = await work
                text = self._done_text(outcome, ctx.action, lang)
            except Refused as refusal:
                text = refusal_text(refusal, lang)
            except Exception:
                log.exception("late form %s failed", ctx.action)
                text = t("slack.failed", lang)
            await self.client.chat_postMessage(channel=user, text=text)

        self._spawn(report())

    def _done_text(self, outcome: Outcome, action: str, lang: str) -> str:
        d = outcome.dossier
        if outcome.duplicate:
            return t("slack.duplicate", lang)
        if action == Register.name:
            return t("slack.registered", lang, number=d.number)
        return say("slack.acted", lang, number=d.number, action=action, state=d.state.value)

    # -- events ----------------------------------------------------------------------------

    async def on_message(self, body: dict[str, Any], event: dict[str, Any]) -> None:
        """Interim communication: staff writing in a dossier's thread is recorded."""
        if event.get("bot_id") or event.get("subtype") not in (None, "file_share"):
            return
        thread, channel, user = event.get("thread_ts"), event.get("channel"), event.get("user")
        if not thread or thread == event.get("ts") or not channel or not user:
            return

        async def work() -> None:
            async with self.admission.slot(may_refuse=False):
                await self._thread_message(body, event, channel, thread, user)

        self._spawn(work())

    async def _thread_message(
        self, body: dict[str, Any], event: dict[str, Any], channel: str, thread: str, user: str
    ) -> None:
        number = await self.store.dossier_of_thread(channel, thread)
        if number is None:
            return
        person, lang = await self.who(user)

        async def tell(text: str) -> None:
            await self.client.chat_postEphemeral(
                channel=channel, user=user, text=text, thread_ts=thread
            )

        if person is None:
            return await tell(t("slack.unknown_user", lang))
        event_key = f"slack:event:{body.get('event_id') or event.get('client_msg_id')}"
        try:
            text = slack_unescape(event.get("text") or "").strip()
            if text:
                note = parse(AddNote, {"text": text})
                await self.act(person, number, note, f"{event_key}:note")
        except Refused as refusal:
            await tell(refusal_text(refusal, lang))
        # Each file on its own: one refused file does not keep the others out.
        for file in event.get("files") or []:
            try:
                await self._file(person, number, file, f"{event_key}:file:{file.get('id')}")
            except Refused as refusal:
                await tell(refusal_text(refusal, lang))

    async def _file(self, person: Person, number: str, file: dict[str, Any], key: str) -> None:
        """A scan shared in the thread: its content is fetched and kept with the dossier.

        The file is judged by its content (the core refuses anything but a PDF or a
        photo of at most 20 MB); a refusal stores nothing. A retried event carries the
        same key, so the file is stored once; a retry racing its original on the
        dossier's version tries again and then finds the key (as in `act`).
        """
        content = await download(file, self.client.token or "", self.client.base_url)
        title = (file.get("title") or file.get("name") or "")[:200] or None
        documents = self.bot.documents
        await retried(
            lambda: documents.attach(
                person, number, file.get("name"), content, title=title, request_key=key[:200]
            )
        )

    async def on_home(self, event: dict[str, Any]) -> None:
        if event.get("tab") not in (None, "home"):
            return
        self._spawn(self._home(event["user"]))

    async def _home(self, user: str) -> None:
        async with self.admission.slot(may_refuse=False):  # a home tab is shown late, not never
            await self._home_view(user)

    async def _home_view(self, user: str) -> None:
        person, lang = await self.who(user)
        views = []
        if person is not None:
            views = await self.bot.complaints.dossiers(person, Scope.OPEN)
        view = home_view(person, views, lang, self.bot.complaints.clock())
        await self.client.views_publish(user_id=user, view=view)

    # -- background work ---------------------------------------------------------------------

    def _spawn(self, coro: Awaitable[None]) -> None:
        """Work after an ack: kept until done, and a failure logged, never lost silently."""
        task = asyncio.ensure_future(coro)
        self.background.add(task)
        task.add_done_callback(self._finished)

    def _finished(self, task: asyncio.Task[Any]) -> None:
        self.background.discard(task)
        if not task.cancelled() and task.exception() is not None:
            log.error("work after an ack failed", exc_info=task.exception())


def _click_key(value: ButtonValue, body: dict[str, Any]) -> str:
    """The same button on the same version of a card acts once, however often it is clicked.

    A card without a version (a notice) falls back to Slack's trigger id, which
    catches a resent payload.
    """
    if value.version is None:
        return f"slack:action:{body.get('trigger_id')}"[:200]
    data = hashlib.sha256(repr(sorted(value.data.items())).encode()).hexdigest()[:16]
    return f"slack:action:{value.number}:v{value.version}:{value.action}:{data}"[:200]
