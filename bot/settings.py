"""Settings, from the environment. Every variable, its default, and why it exists.

The README's configuration table lists the same; `tests/bot/test_settings.py`
keeps the two in step.
"""

from __future__ import annotations

from datetime import date, time
from functools import cached_property
from pathlib import Path
from typing import Annotated, Literal

from pydantic import AliasChoices, Field, field_validator
from pydantic_settings import BaseSettings, NoDecode, SettingsConfigDict

from bot.inbound.peers import TrustedProxies
from bot.rules.deadlines import Terms
from bot.rules.workdays import WorkingCalendar


def env(name: str, *, prefixed: bool = True):  # type: ignore[no-untyped-def]
    full = f"KLACHTENBOT_{name}" if prefixed else name
    return AliasChoices(full)


class Settings(BaseSettings):
    model_config = SettingsConfigDict(extra="ignore", populate_by_name=True)

    # -- core -----------------------------------------------------------------------------
    database_url: str = Field("sqlite:///klachtenbot.db", validation_alias=env("DATABASE_URL"))
    host: str = Field("127.0.0.1", validation_alias=env("HOST"))
    port: int = Field(3978, validation_alias=env("PORT"))
    language: str = Field("nl", validation_alias=env("LANGUAGE"))
    # Company closed days on top of the public holidays: "2026-05-05,2026-12-28".
    closed_days: Annotated[list[date], NoDecode] = Field(
        default_factory=list, validation_alias=env("CLOSED_DAYS")
    )
    acknowledgement_working_days: int = Field(5, validation_alias=env("ACK_WORKING_DAYS"))
    status_check_days: int = Field(14, validation_alias=env("STATUS_CHECK_DAYS"))
    decision_weeks: int = Field(6, validation_alias=env("DECISION_WEEKS"))
    decision_extension_weeks: int = Field(4, validation_alias=env("DECISION_EXTENSION_WEEKS"))
    evaluation_working_days: int = Field(5, validation_alias=env("EVALUATION_WORKING_DAYS"))
    complaints_committee: str = Field(
        "de geschillencommissie van de branche", validation_alias=env("COMPLAINTS_COMMITTEE")
    )
    # Months after closing before a dossier is anonymised (docs/privacy.md says why 24:
    # the customer's claims and the committee's term have run out by then). The company
    # states its own period in its privacy statement.
    retention_months: int = Field(24, ge=1, validation_alias=env("RETENTION_MONTHS"))

    # -- Slack ------------------------------------------------------------------------------
    slack_bot_token: str | None = Field(
        None, validation_alias=env("SLACK_BOT_TOKEN", prefixed=False)
    )
    slack_signing_secret: str | None = Field(
        None, validation_alias=env("SLACK_SIGNING_SECRET", prefixed=False)
    )
    slack_app_token: str | None = Field(
        None, validation_alias=env("SLACK_APP_TOKEN", prefixed=False)
    )
    slack_api_url: str = Field(
        "https://slack.com/api/", validation_alias=env("SLACK_API_URL", prefixed=False)
    )
    slack_coordinator_channel: str | None = Field(
        None, validation_alias=env("SLACK_COORDINATOR_CHANNEL")
    )
    slack_directie_channel: str | None = Field(None, validation_alias=env("SLACK_DIRECTIE_CHANNEL"))

    # -- Microsoft Teams --------------------------------------------------------------------
    microsoft_app_id: str | None = Field(
        None, validation_alias=env("MICROSOFT_APP_ID", prefixed=False)
    )
    microsoft_app_password: str | None = Field(
        None, validation_alias=env("MICROSOFT_APP_PASSWORD", prefixed=False)
    )
    microsoft_app_tenant_id: str | None = Field(
        None, validation_alias=env("MICROSOFT_APP_TENANT_ID", prefixed=False)
    )
    microsoft_app_type: str = Field(
        "SingleTenant", validation_alias=env("MICROSOFT_APP_TYPE", prefixed=False)
    )
    # Which SDK serves Teams: botbuilder-core (the client's choice, unsupported since
    # 2026) or its successor, the Microsoft 365 Agents SDK (the optional extra `agents`).
    teams_sdk: Literal["botbuilder", "agents"] = Field(
        "botbuilder", validation_alias=env("TEAMS_SDK")
    )
    # Without an app id nothing checks who is calling: that "local mode" (Teams App Test
    # Tool, Bot Framework Emulator) must be asked for, never the default.
    teams_local: bool = Field(False, validation_alias=env("TEAMS_LOCAL"))
    teams_coordinator_conversation: str | None = Field(
        None, validation_alias=env("TEAMS_COORDINATOR_CONVERSATION")
    )
    teams_directie_conversation: str | None = Field(
        None, validation_alias=env("TEAMS_DIRECTIE_CONVERSATION")
    )

    # -- Orthomatic -------------------------------------------------------------------------
    orthomatic_url: str | None = Field(None, validation_alias=env("ORTHOMATIC_URL", prefixed=False))
    orthomatic_token: str | None = Field(
        None, validation_alias=env("ORTHOMATIC_TOKEN", prefixed=False)
    )
    orthomatic_export_dir: Path | None = Field(
        None, validation_alias=env("ORTHOMATIC_EXPORT_DIR", prefixed=False)
    )

    # -- download links: documents and letters opened from a chat card ----------------------
    # The address at which staff's browsers reach Klachtenbot (e.g. https://klachten.example.nl);
    # without it the chat cards cannot link to documents.
    public_url: str | None = Field(None, validation_alias=env("PUBLIC_URL"))
    # The key that signs the links; needed when several Klachtenbots serve the same links.
    link_secret: str | None = Field(None, validation_alias=env("LINK_SECRET"))

    # -- intake: the website form "Is alles naar wens?" ---------------------------------------
    # The website's server sends the form here with this token (Bearer or HMAC signature).
    intake_token: str | None = Field(None, validation_alias=env("INTAKE_TOKEN"))
    # Flood protection per sender: a burst, then this many forms an hour.
    intake_burst: int = Field(5, validation_alias=env("INTAKE_BURST"))
    intake_per_hour: int = Field(20, validation_alias=env("INTAKE_PER_HOUR"))
    # The proxies in front of Klachtenbot whose X-Forwarded-For entries are believed: a
    # count of hops, or their addresses/networks ("127.0.0.1,10.0.0.0/8"); none: the TCP
    # peer is the client. The website's own server counts as one (it passes its visitor on).
    trusted_proxies: str | None = Field(None, validation_alias=env("TRUSTED_PROXIES"))

    # -- e-mail (the customer's letters) ----------------------------------------------------
    smtp_host: str | None = Field(None, validation_alias=env("SMTP_HOST"))
    smtp_port: int = Field(587, validation_alias=env("SMTP_PORT"))
    smtp_user: str | None = Field(None, validation_alias=env("SMTP_USER"))
    smtp_password: str | None = Field(None, validation_alias=env("SMTP_PASSWORD"))
    smtp_from: str | None = Field(None, validation_alias=env("SMTP_FROM"))
    smtp_starttls: bool = Field(True, validation_alias=env("SMTP_STARTTLS"))

    # -- the company, as its letters show it ------------------------------------------------
    company_name: str = Field("Orthopedische werkplaats", validation_alias=env("COMPANY_NAME"))
    # Address lines separated by "|": "Straat 1|1234 AB Plaats".
    company_address: str = Field("", validation_alias=env("COMPANY_ADDRESS"))
    company_phone: str | None = Field(None, validation_alias=env("COMPANY_PHONE"))
    company_email: str | None = Field(None, validation_alias=env("COMPANY_EMAIL"))
    company_website: str | None = Field(None, validation_alias=env("COMPANY_WEBSITE"))
    company_logo: Path | None = Field(None, validation_alias=env("COMPANY_LOGO"))  # PNG/JPEG
    company_signature: Path | None = Field(None, validation_alias=env("COMPANY_SIGNATURE"))
    # A text file that replaces the shipped acknowledgement letter (see docs/intake.md).
    company_letter_template: Path | None = Field(
        None, validation_alias=env("COMPANY_LETTER_TEMPLATE")
    )
    # A folder of the company's own letter templates, named as the shipped ones
    # (schriftelijke_reactie.txt, ...): each file found there replaces its letter's text.
    company_letter_templates: Path | None = Field(
        None, validation_alias=env("COMPANY_LETTER_TEMPLATES")
    )
    # Letters are printed on paper with the letterhead already on it: leave its room blank.
    company_letterhead_paper: bool = Field(False, validation_alias=env("COMPANY_LETTERHEAD_PAPER"))

    # -- scheduler and outbox ---------------------------------------------------------------
    sweep_seconds: int = Field(60, validation_alias=env("SWEEP_SECONDS"))
    scheduler_enabled: bool = Field(True, validation_alias=env("SCHEDULER"))
    # When the sweep's notices go out (Europe/Amsterdam), and the periods between them.
    notice_time: time = Field(time(9, 0), validation_alias=env("NOTICE_TIME"))
    digest_time: time = Field(time(8, 30), validation_alias=env("DIGEST_TIME"))
    ack_reminder_working_days: int = Field(1, validation_alias=env("ACK_REMINDER_WORKING_DAYS"))
    status_reminder_working_days: int = Field(
        2, validation_alias=env("STATUS_REMINDER_WORKING_DAYS")
    )
    status_escalation_working_days: int = Field(
        2, validation_alias=env("STATUS_ESCALATION_WORKING_DAYS")
    )
    decision_warning_days: int = Field(7, validation_alias=env("DECISION_WARNING_DAYS"))
    # How long a claimed outbox item is left to its process before another takes it
    # over (after a crash); longer than the slowest delivery.
    outbox_lease_seconds: int = Field(120, validation_alias=env("OUTBOX_LEASE_SECONDS"))

    @field_validator("closed_days", mode="before")
    @classmethod
    def _split_days(cls, value: object) -> object:
        if isinstance(value, str):
            return [part.strip() for part in value.split(",") if part.strip()]
        return value

    @field_validator("trusted_proxies")
    @classmethod
    def _proxies_readable(cls, value: str | None) -> str | None:
        TrustedProxies.parse(value)  # a typo stops the start, not every request
        return value

    @cached_property
    def proxies(self) -> TrustedProxies:
        return TrustedProxies.parse(self.trusted_proxies)

    @cached_property
    def terms(self) -> Terms:
        return Terms(
            acknowledgement_working_days=self.acknowledgement_working_days,
            status_check_days=self.status_check_days,
            decision_weeks=self.decision_weeks,
            decision_extension_weeks=self.decision_extension_weeks,
            evaluation_working_days=self.evaluation_working_days,
            calendar=WorkingCalendar(self.closed_days),
            committee=self.complaints_committee,
        )
