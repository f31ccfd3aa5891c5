"""Messages of the Orthomatic mirror: the texts on the customer's card, the checklist,
the notices to the coordinator and the `klachtenbot mirror` commands."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- what lands in Orthomatic (always written in Dutch) ----------------------------
    "mirror.subject": ("Klacht {number}: {summary}", "Complaint {number}: {summary}"),
    "mirror.dossier": (
        "Klacht ontvangen op {received_on} ({channel}): {summary}. Klachtdossier {number}.",
        "Complaint received on {received_on} ({channel}): {summary}. Complaint file {number}.",
    ),
    "mirror.dossier.details": ("Toelichting: {value}", "Details: {value}"),
    "mirror.dossier.practitioner": ("Behandelaar: {value}", "Practitioner: {value}"),
    "mirror.dossier.product": ("Product: {value}", "Product: {value}"),
    "mirror.dossier.remedy_requested": (
        "Gewenste oplossing: {value}",
        "Remedy requested: {value}",
    ),
    "mirror.pinboard": ("Document op het prikbord: {title}", "Document on the pinboard: {title}"),
    "mirror.erase": (
        "Klachtdossier {number} is in Klachtenbot geanonimiseerd: verwijder ook in Orthomatic"
        " de {count} document(en) op het prikbord bij klacht {number}.",
        "Complaint file {number} was anonymised in Klachtenbot: also remove in Orthomatic the"
        " {count} document(s) on the pinboard with complaint {number}.",
    ),
    "mirror.field.customer_number": ("klantnummer", "customer number"),
    "mirror.field.customer_name": ("naam", "name"),
    "mirror.field.customer_email": ("e-mailadres", "e-mail address"),
    "mirror.field.customer_phone": ("telefoonnummer", "phone number"),
    "mirror.field.customer_address": ("adres", "address"),
    "mirror.field.practitioner": ("behandelaar", "practitioner"),
    "mirror.field.product": ("product", "product"),
    "mirror.plan_on": ("{plan} op {on}", "{plan} on {on}"),
    "mirror.choice.nieuwe_eigenaar": ("nieuwe eigenaar {owner}", "new owner {owner}"),
    "mirror.choice.directie_neemt_over": (
        "de directie neemt de klacht over",
        "the directie takes the complaint over",
    ),
    "mirror.choice.advies": ("advies aan de eigenaar", "advice to the owner"),
    "mirror.yes": ("ja", "yes"),
    "mirror.no": ("nee", "no"),
    "mirror.on_pinboard": (" (op het prikbord)", " (on the pinboard)"),
    "mirror.contact.correct": (
        "Registratie aangevuld of gecorrigeerd: {fields}.",
        "Registration completed or corrected: {fields}.",
    ),
    "mirror.contact.acknowledge": (
        "Ontvangstbevestiging verstuurd op {sent_on}, {method}.",
        "Acknowledgement sent on {sent_on}, {method}.",
    ),
    "mirror.contact.assign": (
        "Eigenaar van de klacht: {owner}. Contact met de klant: {contact}, {plan}.",
        "Owner of the complaint: {owner}. Contact with the customer: {contact}, {plan}.",
    ),
    "mirror.contact.plan_contact": (
        "Contact met de klant gepland: {plan}.",
        "Contact with the customer planned: {plan}.",
    ),
    "mirror.contact.add_note": ("Notitie: {text}", "Note: {text}"),
    "mirror.contact.add_document": (
        "Document toegevoegd: {title}{pinboard}.",
        "Document added: {title}{pinboard}.",
    ),
    "mirror.contact.report_status": ("Voortgang: {text}", "Progress: {text}"),
    "mirror.contact.escalate": (
        "Voorgelegd aan de directie: {reason}",
        "Escalated to the directie: {reason}",
    ),
    "mirror.contact.decide": (
        "Besluit van de directie, {choice}: {text}",
        "Decision of the directie, {choice}: {text}",
    ),
    "mirror.contact.mark_handled": (
        "Klacht afgehandeld. Oplossing: {solution}",
        "Complaint handled. Solution: {solution}",
    ),
    "mirror.contact.evaluate": (
        "Evaluatie met de klant: {outcome}. Klant akkoord: {agrees}.{remarks}",
        "Evaluation with the customer: {outcome}. Customer agrees: {agrees}.{remarks}",
    ),
    "mirror.contact.close": (
        "Klachtdossier gesloten, met akkoord van de klant.",
        "Complaint file closed, with the customer's agreement.",
    ),
    "mirror.contact.reopen": (
        "Klachtdossier heropend: {reason}",
        "Complaint file reopened: {reason}",
    ),
    "mirror.contact.extend_term": (
        "Beslistermijn verlengd tot {new_due}: {reason}. De klant is ingelicht ({method}).",
        "Decision term extended to {new_due}: {reason}. The customer was informed ({method}).",
    ),
    "mirror.contact.respond": (
        "Schriftelijke reactie aan de klant verstuurd ({method}): {text}",
        "Written response sent to the customer ({method}): {text}",
    ),
    "mirror.contact.other": (
        "Stap in de klachtenprocedure: {action}.",
        "Step of the procedure: {action}.",
    ),
    # -- why an item cannot be delivered (refusals a person can fix) -------------------
    "mirror.reject.no_customer_number": (
        "het dossier heeft nog geen klantnummer; vul het aan met 'Gegevens aanvullen'",
        "the dossier has no customer number yet; add it with 'Complete details'",
    ),
    "mirror.reject.no_dossier": ("het dossier bestaat niet meer", "the dossier no longer exists"),
    "mirror.reject.no_document": (
        "document {document_id} is niet gevonden",
        "document {document_id} was not found",
    ),
    # -- serve's start ---------------------------------------------------------------
    "mirror.mode.bridge": (
        "Orthomatic: elke stap gaat via de brug naar {url}.",
        "Orthomatic: every step goes through the bridge at {url}.",
    ),
    "mirror.mode.folder": (
        "Orthomatic: elke stap wordt als bestand in de map {folder} gezet voor de import.",
        "Orthomatic: every step is written as a file to the folder {folder} for the import.",
    ),
    "mirror.mode.manual": (
        "Orthomatic: met de hand. Elk dossier krijgt een afvinklijst 'zet in Orthomatic'"
        " (geen ORTHOMATIC_URL/ORTHOMATIC_TOKEN en geen ORTHOMATIC_EXPORT_DIR ingesteld).",
        "Orthomatic: by hand. Every dossier gets a checklist 'put in Orthomatic'"
        " (no ORTHOMATIC_URL/ORTHOMATIC_TOKEN and no ORTHOMATIC_EXPORT_DIR set).",
    ),
    "mirror.mode.incomplete": (
        "Let op: ORTHOMATIC_URL en ORTHOMATIC_TOKEN horen samen; de brug staat uit.",
        "Note: ORTHOMATIC_URL and ORTHOMATIC_TOKEN go together; the bridge is off.",
    ),
    # -- the dossier card ---------------------------------------------------------------
    "mirror.card.label": ("Orthomatic", "Orthomatic"),
    "mirror.card.up_to_date": ("bijgewerkt", "up to date"),
    "mirror.card.empty": ("nog niets", "nothing yet"),
    "mirror.card.pending": ("{count} onderweg", "{count} on the way"),
    "mirror.card.failed": (
        "{count} geweigerd, zie het bericht aan de coördinator",
        "{count} refused, see the message to the coordinator",
    ),
    "mirror.card.manual": (
        "{count} nog met de hand in te voeren",
        "{count} still to enter by hand",
    ),
    "mirror.card.checklist": ("Zet in Orthomatic", "Put in Orthomatic"),
    # -- the checklist ------------------------------------------------------------------
    "mirror.tick_forbidden": (
        "Alleen de coördinator vinkt Orthomatic-punten af.",
        "Only the coordinator ticks off Orthomatic items.",
    ),
    "mirror.tick_unknown": (
        "Afvinkpunt {item} staat niet (meer) open.",
        "Checklist item {item} is not (or no longer) open.",
    ),
    "mirror.what.dossier": (
        "Nieuw dossier onder klantcontact, categorie 'Klacht'",
        "New dossier under customer contacts, category 'Klacht'",
    ),
    "mirror.what.contact": (
        "Klantcontact, categorie 'Klacht'",
        "Customer contact, category 'Klacht'",
    ),
    "mirror.what.pinboard": ("Document op het prikbord", "Document on the pinboard"),
    "mirror.digest.title": (
        "Nog met de hand in Orthomatic te zetten",
        "Still to be entered in Orthomatic by hand",
    ),
    "mirror.digest.line": (
        "{number}: {count} item(s), het oudste van {since}",
        "{number}: {count} item(s), the oldest from {since}",
    ),
    # -- the notice to the coordinator --------------------------------------------------
    "mirror.notice.failed_title": (
        "Orthomatic weigert een stap van dossier {number}",
        "Orthomatic refuses a step of dossier {number}",
    ),
    "mirror.notice.dead_title": (
        "Orthomatic blijft onbereikbaar voor dossier {number}",
        "Orthomatic stays unreachable for dossier {number}",
    ),
    "mirror.notice.text": (
        "Item {item} ({what}) is niet in Orthomatic gezet: {reason}.\n"
        "De volgende stappen van dit dossier wachten tot het gelukt is. Pas zo nodig het"
        " dossier aan (bijvoorbeeld het klantnummer) en laat het opnieuw proberen met:"
        " klachtenbot mirror retry {item}",
        "Item {item} ({what}) was not put in Orthomatic: {reason}.\n"
        "The dossier's next steps wait until it succeeds. Correct the dossier if needed"
        " (for example the customer number) and retry with: klachtenbot mirror retry {item}",
    ),
    # -- klachtenbot mirror ... ------------------------------------------------------------
    "mirror.cli.help": ("de spiegel naar Orthomatic", "the mirror into Orthomatic"),
    "mirror.cli.help_status": ("wachtrij en achterstand", "queue and backlog"),
    "mirror.cli.help_failed": ("geweigerde en opgegeven items", "refused and given-up items"),
    "mirror.cli.help_retry": ("probeer een item (of --all) opnieuw", "retry an item (or --all)"),
    "mirror.cli.help_checklist": (
        "de afvinklijst van een dossier (met de hand)",
        "a dossier's checklist (by hand)",
    ),
    "mirror.cli.help_tick": ("vink een item af", "tick an item off"),
    "mirror.cli.status": (
        "Modus: {mode}\nOnderweg: {pending}\nGeweigerd: {failed}\nOpgegeven: {dead}\n"
        "Met de hand open: {manual}\nAfgeleverd: {delivered}\nOudste onderweg: {oldest}",
        "Mode: {mode}\nPending: {pending}\nFailed: {failed}\nGiven up: {dead}\n"
        "Open by hand: {manual}\nDelivered: {delivered}\nOldest pending: {oldest}",
    ),
    "mirror.cli.mode.bridge": ("brug", "bridge"),
    "mirror.cli.mode.folder": ("map", "folder"),
    "mirror.cli.mode.manual": ("met de hand", "by hand"),
    "mirror.cli.age": ("{seconds} s geleden ({at})", "{seconds} s ago ({at})"),
    "mirror.cli.none": ("geen", "none"),
    "mirror.cli.no_failed": (
        "Geen geweigerde of opgegeven items.",
        "No refused or given-up items.",
    ),
    "mirror.cli.retry_what": (
        "Geef een itemnummer of --all.",
        "Give an item number or --all.",
    ),
    "mirror.cli.retried": (
        "{count} item(s) staan weer in de wachtrij.",
        "{count} item(s) are queued again.",
    ),
    "mirror.cli.help_manual": (
        "geef wat nog met de hand moest aan de brug of map die nu is ingesteld",
        "hand what was still to do by hand to the bridge or folder now configured",
    ),
    "mirror.cli.manual_alone": (
        "--manual neemt alle items die nog met de hand moesten; geef geen itemnummer of --all.",
        "--manual takes every item still to do by hand; give no item number or --all.",
    ),
    "mirror.cli.manual_needs_bridge": (
        "Er is geen brug (ORTHOMATIC_URL en ORTHOMATIC_TOKEN) of map (ORTHOMATIC_EXPORT_DIR)"
        " ingesteld: de items blijven op de afvinklijst.",
        "No bridge (ORTHOMATIC_URL and ORTHOMATIC_TOKEN) or folder (ORTHOMATIC_EXPORT_DIR) is"
        " configured: the items stay on the checklist.",
    ),
    "mirror.cli.handed_over": (
        "{count} item(s) die nog met de hand moesten, gaan nu naar Orthomatic.",
        "{count} item(s) still to do by hand now go to Orthomatic.",
    ),
    "mirror.cli.nothing_to_retry": (
        "Item {item} is niet geweigerd of opgegeven; er is niets opnieuw te proberen.",
        "Item {item} is not refused or given up; there is nothing to retry.",
    ),
    "mirror.cli.checklist_empty": (
        "Niets meer met de hand in te voeren voor {number}.",
        "Nothing left to enter by hand for {number}.",
    ),
    "mirror.cli.ticked": ("Item {item} is afgevinkt.", "Item {item} is ticked off."),
    "mirror.cli.document": ("Document: {file}", "Document: {file}"),
}
