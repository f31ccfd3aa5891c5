"""Messages of the Slack app: the /klacht command, modals, the App Home, thread lines."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- start-up --------------------------------------------------------------------------
    "slack.off": (
        "Slack staat uit: SLACK_BOT_TOKEN is niet ingesteld, dus /slack/events is niet actief.",
        "Slack is off: SLACK_BOT_TOKEN is not set, so /slack/events is not active.",
    ),
    "slack.no_secret": (
        "Slack staat uit: SLACK_SIGNING_SECRET ontbreekt; zonder geheim kan Klachtenbot de"
        " verzoeken van Slack niet controleren.",
        "Slack is off: SLACK_SIGNING_SECRET is missing; without it Klachtenbot cannot verify"
        " Slack's requests.",
    ),
    "slack.on_http": (
        "Slack staat aan: verzoeken op POST /slack/events (handtekening wordt gecontroleerd).",
        "Slack is on: requests at POST /slack/events (signatures are verified).",
    ),
    "slack.on_socket": (
        "Slack staat aan via Socket Mode (SLACK_APP_TOKEN); geen openbaar adres nodig.",
        "Slack is on through Socket Mode (SLACK_APP_TOKEN); no public address needed.",
    ),
    "slack.no_coordinator_channel": (
        "Let op: KLACHTENBOT_SLACK_COORDINATOR_CHANNEL is niet ingesteld; dossierkaarten"
        " worden niet in een kanaal geplaatst.",
        "Note: KLACHTENBOT_SLACK_COORDINATOR_CHANNEL is not set; dossier cards are not posted"
        " in a channel.",
    ),
    # -- people ----------------------------------------------------------------------------
    "slack.unknown_user": (
        "Hallo! U bent nog niet bekend bij Klachtenbot, dus u kunt hier nog niets mee doen."
        " Een beheerder kan u toevoegen met `/klacht rol @u medewerker` (of via de"
        " opdrachtregel); vraag het de beheerder of de coördinator klachten.",
        "Hello! You are not known to Klachtenbot yet, so you cannot use it here. A beheerder"
        " can add you with `/klacht rol @you medewerker` (or from the command line); ask the"
        " beheerder or the complaints coordinator.",
    ),
    "slack.role_usage": (
        "Gebruik: `/klacht rol @iemand coördinator` (rollen: coördinator, directie,"
        " medewerker, beheerder).",
        "Usage: `/klacht rol @someone coordinator` (roles: coordinator, directie, medewerker,"
        " beheerder).",
    ),
    # -- the command -----------------------------------------------------------------------
    "slack.help": (
        "*Klachtenbot in Slack*\n"
        "`/klacht nieuw`: een klacht registreren\n"
        "`/klacht lijst [open|mijn|te-laat|alle]`: klachten bekijken\n"
        "`/klacht toon K-2026-0001`: één dossier bekijken, met de knoppen die nu kunnen\n"
        "`/klacht protocol`: de klachtenprocedure, om aan een klant te geven\n"
        "`/klacht rol @iemand coördinator`: rollen toekennen (beheerder)\n"
        "`/klacht rapport [maand|kwartaal|jaar|VAN TOT]`: het klachtenrapport"
        " (coördinator, directie)\n"
        "`/klacht help`: deze hulp",
        "*Klachtenbot in Slack*\n"
        "`/klacht nieuw`: register a complaint\n"
        "`/klacht lijst [open|mijn|te-laat|alle]`: list complaints\n"
        "`/klacht toon K-2026-0001`: show one dossier, with the buttons that apply now\n"
        "`/klacht protocol`: the complaints procedure, to hand to a customer\n"
        "`/klacht rol @someone coordinator`: grant roles (beheerder)\n"
        "`/klacht rapport [month|quarter|year|FROM TO]`: the complaints report"
        " (coordinator, directie)\n"
        "`/klacht help`: this help",
    ),
    "slack.show_usage": (
        "Noem het dossier: `/klacht toon K-2026-0001`.",
        "Name the dossier: `/klacht toon K-2026-0001`.",
    ),
    "slack.protocol_title": (
        "Procedure voor klachten over onze dienstverlening of producten",
        "Procedure for complaints about our service or products",
    ),
    "slack.protocol": (
        "1. Komt u er met uw behandelaar niet uit, dan kunt u een klacht indienen: via de"
        " website (Is alles naar wens?), met het ontevredenheidsformulier, per brief of"
        " telefonisch.\n"
        "2. De coördinator klachten stuurt u binnen 5 werkdagen een ontvangstbevestiging.\n"
        "3. De coördinator wijst een eigenaar aan die contact met u opneemt; meestal nodigen"
        " wij u uit in de winkel, bij uitzondering komen wij op huisbezoek.\n"
        "4. Wij zoeken zo snel mogelijk een passende oplossing. Lukt dat niet, dan beslist de"
        " directie hoe verder.\n"
        "5. Na afhandeling evalueert de coördinator het verloop kort met u.\n"
        "6. Het dossier wordt pas gesloten als u akkoord bent.",
        "1. If you cannot resolve it with your practitioner, you can file a complaint: through"
        " the website (Is alles naar wens?), with the dissatisfaction form, by letter or by"
        " phone.\n"
        "2. The complaints coordinator sends you an acknowledgement within 5 working days.\n"
        "3. The coordinator appoints an owner who contacts you; usually we invite you to the"
        " shop, exceptionally we visit you at home.\n"
        "4. We look for a fitting solution as fast as possible. If that fails, the management"
        " decides how to proceed.\n"
        "5. After handling, the coordinator briefly evaluates the course with you.\n"
        "6. The dossier is only closed once you agree.",
    ),
    "slack.busy": (
        "Klachtenbot heeft het even erg druk. Probeer het over een paar seconden nog eens.",
        "Klachtenbot is very busy right now. Please try again in a few seconds.",
    ),
    "slack.unreadable": (
        "Deze knop of dit formulier kan ik niet lezen; er is niets gedaan. Open het dossier"
        " opnieuw met `/klacht toon` en probeer het daar.",
        "I cannot read this button or form; nothing was done. Open the dossier again with"
        " `/klacht toon` and try it there.",
    ),
    "slack.failed": (
        "Dat lukte niet door een storing. Probeer het zo nog eens; er is niets vastgelegd.",
        "That failed because of a fault. Please try again shortly; nothing was recorded.",
    ),
    # -- modals and buttons ----------------------------------------------------------------
    "slack.modal_close": ("Annuleren", "Cancel"),
    "slack.registered_title": ("Geregistreerd", "Registered"),
    "slack.registered": (
        "Dossier *{number}* is geregistreerd. De dossierkaart staat in het kanaal van de"
        " coördinatoren.",
        "Dossier *{number}* is registered. Its card is in the coordinators' channel.",
    ),
    "slack.done_title": ("Vastgelegd", "Recorded"),
    "slack.acted": (
        "{number}: '{action}' is vastgelegd; fase nu: {state}.",
        "{number}: '{action}' is recorded; stage now: {state}.",
    ),
    "slack.duplicate": (
        "Dit was al verwerkt; er is niets dubbel vastgelegd.",
        "This was already handled; nothing was recorded twice.",
    ),
    "slack.refused_title": ("Niet gelukt", "Not done"),
    "slack.background_done": (
        "Uw formulier '{action}' voor {number} is verwerkt.",
        "Your form '{action}' for {number} was processed.",
    ),
    # -- posts made by the outbox ----------------------------------------------------------
    "slack.notice_fallback": ("Bericht van Klachtenbot", "Message from Klachtenbot"),
    # -- App Home --------------------------------------------------------------------------
    "slack.home_title": ("Klachtenbot", "Klachtenbot"),
    "slack.home_coordinator": (
        "Alle open klachten ({count}), per fase; te late eerst.",
        "All open complaints ({count}), by stage; overdue first.",
    ),
    "slack.home_owner": ("Mijn klachten ({count})", "My complaints ({count})"),
    "slack.home_directie": (
        "Open escalaties ({count})",
        "Open escalations ({count})",
    ),
    "slack.home_empty": ("Niets open. Mooi zo.", "Nothing open. Good."),
    "slack.home_overdue": ("TE LAAT", "OVERDUE"),
    "slack.home_more": (
        "… en nog {count} (zie `/klacht lijst`)",
        "… and {count} more (see `/klacht lijst`)",
    ),
    "slack.truncated_blocks": (
        "… (ingekort; het volledige dossier: `/klacht toon {number}`)",
        "… (shortened; the full dossier: `/klacht toon {number}`)",
    ),
    "slack.truncated": ("… (ingekort)", "… (shortened)"),
    # -- files shared in a dossier's thread ----------------------------------------------------
    "slack.scan_label": (
        "Scan van de brief of het formulier",
        "Scan of the letter or form",
    ),
    "slack.scan_hint": (
        "Bij een brief of ontevredenheidsformulier: PDF, JPEG, PNG of HEIC, hoogstens 20 MB.",
        "For a letter or dissatisfaction form: PDF, JPEG, PNG or HEIC, at most 20 MB.",
    ),
    "slack.scan_refused": (
        "{number} is geregistreerd, maar het bestand {name} is niet bewaard: {reason}",
        "{number} is registered, but the file {name} was not kept: {reason}",
    ),
    "slack.file_unavailable": (
        "Klachtenbot kon het bestand {name} niet ophalen bij Slack; het is niet bewaard."
        " Deel het nog eens in de draad.",
        "Klachtenbot could not fetch the file {name} from Slack; it was not stored."
        " Please share it in the thread again.",
    ),
}
