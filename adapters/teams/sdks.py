"""Which Teams SDK runs: `KLACHTENBOT_TEAMS_SDK=botbuilder|agents`, botbuilder by default.

botbuilder-core is what the client asked for; Microsoft ended its support at the end
of 2025, and the Microsoft 365 Agents SDK is its successor. Both fill the same port
with the same settings, and read each other's stored conversation references, so
switching is a setting and a restart. The SDK is imported only when it is chosen:
the Agents SDK is an optional extra (`pip install 'klachtenbot[agents]'`).
"""

from __future__ import annotations

from adapters.teams.hosts import FileHosts
from adapters.teams.port import Framework, IncompleteSettings
from bot.settings import Settings

SDKS = ("botbuilder", "agents")
APP_TYPES = ("singletenant", "multitenant", "userassignedmsi")


class SdkMissing(Exception):
    """The chosen SDK is not installed; the message names what to install."""


def check(settings: Settings) -> None:
    """The MICROSOFT_APP_* settings fit together, whichever SDK reads them."""
    if not settings.microsoft_app_id:
        return  # local mode, or Teams is off
    kind = settings.microsoft_app_type.lower()
    if kind not in APP_TYPES:
        raise IncompleteSettings(f"MICROSOFT_APP_TYPE={settings.microsoft_app_type}")
    if kind != "userassignedmsi" and not settings.microsoft_app_password:
        raise IncompleteSettings("MICROSOFT_APP_PASSWORD")
    if kind != "multitenant" and not settings.microsoft_app_tenant_id:
        raise IncompleteSettings("MICROSOFT_APP_TENANT_ID")


def open_framework(settings: Settings, file_hosts: FileHosts | None = None) -> Framework:
    """The chosen SDK's framework; `IncompleteSettings` or `SdkMissing` when it cannot run."""
    check(settings)
    if settings.teams_sdk == "agents":
        try:
            from adapters.teams.sdk_agents import AgentsFramework
        except ImportError as error:
            if not (error.name or "").startswith("microsoft_agents"):
                raise
            raise SdkMissing("klachtenbot[agents]") from error
        return AgentsFramework(settings, file_hosts)
    from adapters.teams.sdk_botbuilder import BotFramework

    return BotFramework(settings, file_hosts)
