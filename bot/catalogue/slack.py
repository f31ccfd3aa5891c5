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
    # -- the command: Slack's own mechanics (the sentences both chats say are chat.*) ------
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
    # -- modals and buttons ----------------------------------------------------------------
    "slack.modal_close": ("Annuleren", "Cancel"),
    "slack.registered_title": ("Geregistreerd", "Registered"),
    "slack.done_title": ("Vastgelegd", "Recorded"),
    "slack.refused_title": ("Niet gelukt", "Not done"),
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
}
