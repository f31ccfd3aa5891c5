"""Messages of the Microsoft Teams adapter."""

MESSAGES: dict[str, tuple[str, str]] = {
    "teams.help_title": ("Klachtenbot: wat kan ik doen?", "Klachtenbot: what can I do?"),
    "teams.show_usage": (
        "Noem het dossier: klacht toon K-2026-0001.",
        "Name the dossier: klacht toon K-2026-0001.",
    ),
    "teams.role_usage": (
        "Gebruik: klacht rol @iemand coördinator, of klacht rol Piet Jansen directie"
        " (rollen: coördinator, directie, medewerker, beheerder).",
        "Usage: klacht rol @someone coordinator, or klacht rol Piet Jansen directie"
        " (roles: coordinator, directie, medewerker, beheerder).",
    ),
    "teams.help": (
        "klacht nieuw: een klacht registreren\n"
        "klacht lijst [open|mijn|te-laat|alle]: de klachten bekijken\n"
        "klacht toon K-2026-0001: één dossier met zijn verloop\n"
        "klacht protocol: de klachtenprocedure, om aan een klant te geven\n"
        "klacht rol @iemand coördinator: rollen toekennen (beheerder)\n"
        "klacht rapport [maand|kwartaal|jaar|VAN TOT]: het klachtenrapport"
        " (coördinator, directie)\n"
        "klacht help: deze uitleg\n"
        "In een kanaal: noem @Klachtenbot voor het commando. Een bericht in de draad van een"
        " dossier wordt in het dossier vastgelegd.",
        "klacht nieuw: register a complaint\n"
        "klacht lijst [open|mijn|te-laat|alle]: see the complaints\n"
        "klacht toon K-2026-0001: one dossier with its history\n"
        "klacht protocol: the complaints procedure, to hand to a customer\n"
        "klacht rol @someone coordinator: grant roles (beheerder)\n"
        "klacht rapport [month|quarter|year|FROM TO]: the complaints report"
        " (coordinator, directie)\n"
        "klacht help: this explanation\n"
        "In a channel: mention @Klachtenbot before the command. A message in a dossier's"
        " thread is recorded in the dossier.",
    ),
    "teams.protocol_title": (
        "Procedure voor klachten over onze dienstverlening of producten",
        "Procedure for complaints about our services or products",
    ),
    "teams.protocol": (
        "Komt u met uw behandelaar niet tot een oplossing, dan behandelen wij uw klacht volgens"
        " deze procedure.\n\n"
        "U kunt een klacht indienen via onze website (Is alles naar wens?), met het"
        " ontevredenheidsformulier, per brief of telefonisch.\n\n"
        "De coördinator klachten stuurt u binnen 5 werkdagen een ontvangstbevestiging en legt"
        " uw klacht vast in uw klantdossier.\n\n"
        "De coördinator wijst een eigenaar van uw klacht aan. Die neemt contact met u op; meestal"
        " nodigen wij u uit in onze winkel, bij uitzondering komen wij op huisbezoek.\n\n"
        "Wij zoeken zo snel mogelijk een passende oplossing. Lukt dat niet, dan beslist de"
        " directie hoe verder te handelen.\n\n"
        "Na de afhandeling evalueert de coördinator het verloop kort met u. Het dossier wordt"
        " pas gesloten als u akkoord bent.",
        "If you cannot resolve a complaint with your practitioner, we handle it by this"
        " procedure.\n\n"
        "You can file a complaint through our website (Is alles naar wens?), with the"
        " dissatisfaction form, by letter or by phone.\n\n"
        "The complaints coordinator sends you an acknowledgement within 5 working days and"
        " records your complaint in your customer file.\n\n"
        "The coordinator appoints an owner of your complaint, who contacts you; usually we invite"
        " you to our shop, exceptionally we visit you at home.\n\n"
        "We look for a fitting solution as fast as possible. If that fails, the management"
        " decides how to proceed.\n\n"
        "After handling, the coordinator briefly evaluates the course with you. The file is only"
        " closed once you agree.",
    ),
    "teams.unknown_title": (
        "Welkom, {name}",
        "Welcome, {name}",
    ),
    "teams.unknown": (
        "Klachtenbot kent u nog niet, en klachtdossiers zijn alleen voor de mensen die eraan"
        " werken. Vraag een beheerder of de coördinator klachten om u toe te voegen, met uw"
        " Teams-id {aad}.",
        "Klachtenbot does not know you yet, and complaint files are only for the people who work"
        " on them. Ask a beheerder or the complaints coordinator to add you, with your Teams id"
        " {aad}.",
    ),
    "teams.more": ("Meer…", "More…"),
    "teams.links_left_out": (
        "Nog {count} link(s) passen niet op deze kaart.",
        "{count} more link(s) do not fit on this card.",
    ),
    "teams.error": (
        "Er ging iets mis bij Klachtenbot; er is niets vastgelegd. Probeer het zo nog eens.",
        "Something went wrong in Klachtenbot; nothing was recorded. Please try again shortly.",
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
    "teams.duplicate": (
        "Dit was al verwerkt; hieronder het dossier zoals het nu is.",
        "This was already handled; below is the dossier as it stands.",
    ),
    "teams.registered": ("Dossier {number} is geregistreerd.", "Dossier {number} is registered."),
    "teams.done": (
        "'{action}' is vastgelegd; fase nu: {state}.",
        "'{action}' is recorded; stage now: {state}.",
    ),
    "teams.note_azure": (
        "Teams: aan op {route}; het Bot Framework-token van elk verzoek wordt gecontroleerd.",
        "Teams: on at {route}; every request's Bot Framework token is checked.",
    ),
    "teams.note_local": (
        "Teams: lokale modus op {route} (KLACHTENBOT_TEAMS_LOCAL=1, geen MICROSOFT_APP_ID): geen"
        " tokencontrole, alleen verzoeken van deze machine zonder proxy (Teams App Test Tool,"
        " Bot Framework Emulator); gesprekken worden niet onthouden, dus geen berichten"
        " achteraf.",
        "Teams: local mode at {route} (KLACHTENBOT_TEAMS_LOCAL=1, no MICROSOFT_APP_ID): no token"
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
    "teams.file_unavailable": (
        "Klachtenbot kon het bestand {name} niet ophalen bij Teams; het is niet bewaard."
        " Stuur het nog eens in de draad.",
        "Klachtenbot could not fetch the file {name} from Teams; it was not stored."
        " Please send it in the thread again.",
    ),
}
