"""Messages of the Microsoft Teams adapter: Teams' own mechanics only (the sentences both
chats say are chat.*)."""

MESSAGES: dict[str, tuple[str, str]] = {
    "teams.help_in_channel": (
        "In een kanaal hoort Klachtenbot alleen wie hem noemt: @Klachtenbot klacht lijst.",
        "In a channel Klachtenbot only hears who mentions it: @Klachtenbot klacht lijst.",
    ),
    "teams.more": ("Meer…", "More…"),
    "teams.links_left_out": (
        "Nog {count} link(s) passen niet op deze kaart.",
        "{count} more link(s) do not fit on this card.",
    ),
    "teams.busy": (
        "Klachtenbot is hiermee bezig; de kaart van het dossier wordt zo bijgewerkt.",
        "Klachtenbot is working on it; the dossier's card will be updated shortly.",
    ),
    "teams.cancelled": ("Geannuleerd; er is niets vastgelegd.", "Cancelled; nothing recorded."),
    "teams.fix_errors": (
        "Niet alles is goed ingevuld; er is nog niets vastgelegd.",
        "Not everything is filled in correctly; nothing was recorded yet.",
    ),
    "teams.note_azure": (
        "Teams: aan op {route} met {sdk}; het Bot Framework-token van elk verzoek wordt"
        " gecontroleerd.",
        "Teams: on at {route} with {sdk}; every request's Bot Framework token is checked.",
    ),
    "teams.note_local": (
        "Teams: lokale modus op {route} met {sdk} (KLACHTENBOT_TEAMS_LOCAL=1, geen"
        " MICROSOFT_APP_ID): geen"
        " tokencontrole, alleen verzoeken van deze machine zonder proxy (Teams App Test Tool,"
        " Bot Framework Emulator); gesprekken worden niet onthouden, dus geen berichten"
        " achteraf.",
        "Teams: local mode at {route} with {sdk} (KLACHTENBOT_TEAMS_LOCAL=1, no MICROSOFT_APP_ID):"
        " no token"
        " check, requests from this machine only, not through a proxy (Teams App Test Tool, Bot"
        " Framework Emulator); conversations are not remembered, so no messages later on.",
    ),
    "teams.note_off": (
        "Teams: UIT op {route}: geen MICROSOFT_APP_ID. Zet de MICROSOFT_APP_*-instellingen van"
        " de Azure-botregistratie, of KLACHTENBOT_TEAMS_LOCAL=1 voor de lokale modus (Teams App"
        " Test Tool, Bot Framework Emulator op deze machine).",
        "Teams: OFF at {route}: no MICROSOFT_APP_ID. Set the MICROSOFT_APP_* settings of the"
        " Azure bot registration, or KLACHTENBOT_TEAMS_LOCAL=1 for local mode (Teams App Test"
        " Tool, Bot Framework Emulator on this machine).",
    ),
    "teams.off": (
        "Teams staat uit: er is geen MICROSOFT_APP_ID ingesteld en de lokale modus"
        " (KLACHTENBOT_TEAMS_LOCAL=1) staat niet aan.",
        "Teams is off: no MICROSOFT_APP_ID is set and local mode (KLACHTENBOT_TEAMS_LOCAL=1) is"
        " not switched on.",
    ),
    "teams.incomplete": (
        "Teams staat uit: de Teams-instellingen zijn onvolledig.",
        "Teams is off: the Teams settings are incomplete.",
    ),
    "teams.local_only": (
        "Lokale modus: alleen verzoeken van deze machine zelf worden aangenomen.",
        "Local mode: only requests from this machine itself are accepted.",
    ),
    "teams.local_proxied": (
        "Lokale modus: dit verzoek kwam via een proxy (doorstuurkoppen) en wordt geweigerd.",
        "Local mode: this request came through a proxy (forwarding headers) and is refused.",
    ),
    "teams.note_incomplete": (
        "Teams: UIT, de instellingen zijn onvolledig ({error}). Zet MICROSOFT_APP_ID,"
        " MICROSOFT_APP_PASSWORD en (bij SingleTenant) MICROSOFT_APP_TENANT_ID.",
        "Teams: OFF, the settings are incomplete ({error}). Set MICROSOFT_APP_ID,"
        " MICROSOFT_APP_PASSWORD and (for SingleTenant) MICROSOFT_APP_TENANT_ID.",
    ),
    "teams.sdk_missing": (
        "Teams staat uit: de gekozen Teams-SDK (KLACHTENBOT_TEAMS_SDK) is niet geïnstalleerd.",
        "Teams is off: the chosen Teams SDK (KLACHTENBOT_TEAMS_SDK) is not installed.",
    ),
    "teams.note_sdk_missing": (
        "Teams: UIT, KLACHTENBOT_TEAMS_SDK=agents kiest de Microsoft 365 Agents SDK, maar die is"
        " niet geïnstalleerd. Installeer '{package}', of zet KLACHTENBOT_TEAMS_SDK=botbuilder.",
        "Teams: OFF, KLACHTENBOT_TEAMS_SDK=agents chooses the Microsoft 365 Agents SDK, but it is"
        " not installed. Install '{package}', or set KLACHTENBOT_TEAMS_SDK=botbuilder.",
    ),
    "teams.note_no_channel": (
        "Teams: KLACHTENBOT_TEAMS_COORDINATOR_CONVERSATION is niet gezet; dossierkaarten worden"
        " niet in een Teams-kanaal geplaatst.",
        "Teams: KLACHTENBOT_TEAMS_COORDINATOR_CONVERSATION is not set; dossier cards are not"
        " posted in a Teams channel.",
    ),
    "teams.package_written": (
        "Teams-app geschreven naar {path} (bot {bot}). Upload het in het Teams-beheercentrum.",
        "Teams app written to {path} (bot {bot}). Upload it in the Teams admin center.",
    ),
    "teams.package_bad_app_id": (
        "MICROSOFT_APP_ID '{app_id}' is geen geldige id (een GUID van de Azure-botregistratie).",
        "MICROSOFT_APP_ID '{app_id}' is not a valid id (a GUID of the Azure bot registration).",
    ),
    "teams.package_needs_app_id": (
        "Zet MICROSOFT_APP_ID (de id van de Azure-botregistratie) om het Teams-pakket te maken.",
        "Set MICROSOFT_APP_ID (the id of the Azure bot registration) to build the Teams package.",
    ),
}
