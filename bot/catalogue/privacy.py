"""Messages of retention, erasure, export and the legal hold."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the anonymised dossier, wherever it is shown ----------------------------------------
    "card.anonymised_title": (
        "Klacht {number} (geanonimiseerd)",
        "Complaint {number} (anonymised)",
    ),
    "card.anonymised_retention": (
        "De gegevens van de klant en alle vrije tekst zijn op {on} verwijderd: de"
        " bewaartermijn was verstreken. Wat overblijft telt mee in de overzichten.",
        "The customer's data and all free text were removed on {on}: the retention period"
        " had passed. What remains still counts in the reports.",
    ),
    "card.anonymised_erased": (
        "De gegevens van de klant en alle vrije tekst zijn op {on} verwijderd, op verzoek"
        " van de klant. Wat overblijft telt mee in de overzichten.",
        "The customer's data and all free text were removed on {on}, at the customer's"
        " request. What remains still counts in the reports.",
    ),
    "card.anonymised_short": ("(geanonimiseerd)", "(anonymised)"),
    "action.anonymise": ("Dossier geanonimiseerd", "Dossier anonymised"),
    "action.hold": ("Bewaren (geschil)", "Keep (dispute)"),
    "action.release_hold": ("Bewaren opgeheven", "Keeping lifted"),
    # -- refusals -------------------------------------------------------------------------------
    "dossier.anonymised": (
        "Dossier {number} is geanonimiseerd: er kan niets meer aan veranderen.",
        "Dossier {number} is anonymised: nothing can change it any more.",
    ),
    "hold.none": (
        "Dossier {number} wordt niet bewaard voor een geschil: er is niets op te heffen.",
        "Dossier {number} is not kept for a dispute: there is nothing to lift.",
    ),
    "privacy.already": (
        "Dossier {number} is al geanonimiseerd.",
        "Dossier {number} is already anonymised.",
    ),
    "privacy.open": (
        "Dossier {number} is nog open: sluit het eerst, daarna kunnen de gegevens weg.",
        "Dossier {number} is still open: close it first, then the data can go.",
    ),
    "privacy.on_hold": (
        "Dossier {number} wordt bewaard voor een geschil ({reason}): hef dat eerst op.",
        "Dossier {number} is kept for a dispute ({reason}): lift that first.",
    ),
    "privacy.mirror_behind": (
        "Dossier {number} staat nog niet helemaal in Orthomatic: werk dat eerst bij"
        " (klachtenbot mirror), daarna kunnen de gegevens hier weg.",
        "Dossier {number} is not completely in Orthomatic yet: bring it up to date first"
        " (klachtenbot mirror), then the data can go here.",
    ),
    "privacy.forbidden": (
        "Alleen de coördinator klachten kan gegevens van een klant opvragen of laten verwijderen.",
        "Only the complaints coordinator can export or erase a customer's data.",
    ),
    "privacy.customer_unknown": (
        "Er is geen dossier (meer) met klantnummer {customer}.",
        "There is no dossier (any more) with customer number {customer}.",
    ),
    # -- the export's summary -------------------------------------------------------------------
    "export.title": ("Klachtdossier {number}", "Complaint file {number}"),
    "export.number": ("Dossiernummer", "File number"),
    "export.channel": ("Binnengekomen via", "Received through"),
    "export.closed": ("Gesloten op", "Closed on"),
    "export.documents": ("Documenten", "Documents"),
    # -- the command line -----------------------------------------------------------------------
    "cli.retention_header": (
        "Bewaartermijn: dossiers gesloten op of voor {cutoff}.",
        "Retention: dossiers closed on or before {cutoff}.",
    ),
    "cli.retention_done": (
        "{count} dossier(s) geanonimiseerd.",
        "{count} dossier(s) anonymised.",
    ),
    "cli.retention_would": (
        "{count} dossier(s) zou(den) worden geanonimiseerd (proefdraai: niets veranderd).",
        "{count} dossier(s) would be anonymised (dry run: nothing changed).",
    ),
    "cli.retention_line": ("  {number}", "  {number}"),
    "cli.retention_skipped": ("  {number} overgeslagen: {why}", "  {number} skipped: {why}"),
    "cli.retention_failed": (
        "  {number} mislukt; de volgende keer opnieuw",
        "  {number} failed; tried again next time",
    ),
    "cli.exported": (
        "{count} dossier(s) van klant {customer} staan in {path}: {numbers}.",
        "{count} dossier(s) of customer {customer} are in {path}: {numbers}.",
    ),
    "cli.exported_by_name": (
        "{number} is gevonden op naam en e-mailadres (het klantnummer was niet bevestigd).",
        "{number} was found by name and e-mail address (its customer number was never confirmed).",
    ),
    "cli.export_unwritable": (
        "Kan {path} niet schrijven: {error}.",
        "Cannot write {path}: {error}.",
    ),
    "cli.erased": (
        "De gegevens van klant {customer} zijn verwijderd uit {numbers}.",
        "The data of customer {customer} was removed from {numbers}.",
    ),
    "cli.hold_set": (
        "Dossier {number} wordt bewaard voor een geschil: de bewaartermijn slaat het over.",
        "Dossier {number} is kept for a dispute: retention skips it.",
    ),
    "cli.hold_lifted": (
        "Dossier {number} wordt niet meer bewaard voor een geschil.",
        "Dossier {number} is no longer kept for a dispute.",
    ),
    # -- the chats -------------------------------------------------------------------------------
    "chat.hold_set": (
        "Dossier {number} wordt bewaard voor een geschil; de bewaartermijn slaat het over tot"
        " u het opheft met 'vrijgeven {number}'.",
        "Dossier {number} is kept for a dispute; retention skips it until you lift it"
        " with 'release {number}'.",
    ),
    "chat.hold_lifted": (
        "Dossier {number} wordt niet meer bewaard voor een geschil.",
        "Dossier {number} is no longer kept for a dispute.",
    ),
    "chat.hold_usage": (
        "Gebruik: {command} bewaar K-2026-0001 reden (bijvoorbeeld: klant is naar de"
        " geschillencommissie), of {command} vrijgeven K-2026-0001.",
        "Usage: {command} bewaar K-2026-0001 reason (for instance: the customer went to the"
        " complaints committee), or {command} vrijgeven K-2026-0001.",
    ),
    "chat.release_usage": (
        "Gebruik: {command} vrijgeven K-2026-0001.",
        "Usage: {command} vrijgeven K-2026-0001.",
    ),
}
