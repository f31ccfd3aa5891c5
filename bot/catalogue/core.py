"""Messages of the core: refusals, names of states and actions, dossier cards, the CLI."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- refusals: bad input -----------------------------------------------------------
    "field.required": ("Dit veld is verplicht.", "This field is required."),
    "field.too_long": (
        "Deze tekst is te lang (hoogstens {max} tekens).",
        "This text is too long (at most {max} characters).",
    ),
    "field.customer_number": (
        "Een klantnummer bestaat alleen uit cijfers (hoogstens 12).",
        "A customer number consists of digits only (at most 12).",
    ),
    "field.unstorable": (
        "Deze tekst bevat een onzichtbaar stuurteken of een ongeldig teken (zoals een"
        " NUL-teken). Haal het weg en probeer het opnieuw.",
        "This text contains an invisible control character or an invalid character (such as"
        " a NUL character). Remove it and try again.",
    ),
    "field.email": ("Dit is geen geldig e-mailadres.", "This is not a valid e-mail address."),
    "field.date": (
        "Geef een datum als JJJJ-MM-DD, bijvoorbeeld 2026-11-24.",
        "Give a date as YYYY-MM-DD, for example 2026-11-24.",
    ),
    "field.date_future": (
        "Deze datum ligt in de toekomst.",
        "This date is in the future.",
    ),
    "field.number": ("Geef een getal.", "Give a number."),
    "field.yes_no": ("Antwoord met ja of nee.", "Answer yes or no."),
    "field.choice": (
        "Kies een van de mogelijkheden: {expected}.",
        "Choose one of: {expected}.",
    ),
    "field.unknown": ("Dit veld bestaat niet.", "This field does not exist."),
    "field.invalid": ("Deze waarde klopt niet.", "This value is not valid."),
    "field.contact_required": (
        "Geef ten minste één manier om de klant te bereiken (e-mail, telefoon of adres),"
        " voor de ontvangstbevestiging.",
        "Give at least one way to reach the customer (e-mail, phone or address),"
        " for the acknowledgement.",
    ),
    "field.nothing_to_correct": (
        "Er is niets ingevuld om aan te passen.",
        "Nothing was filled in to correct.",
    ),
    "field.new_owner_required": (
        "Kies de nieuwe eigenaar.",
        "Choose the new owner.",
    ),
    # -- refusals: the procedure -------------------------------------------------------
    "action.unknown": ("Onbekende handeling: {action}.", "Unknown action: {action}."),
    "role.unknown": (
        "Onbekende rol '{role}'. Kies coördinator, directie, medewerker of beheerder.",
        "Unknown role '{role}'. Choose coordinator, directie, medewerker or beheerder.",
    ),
    "role.forbidden": (
        "U mag '{action}' niet doen bij dit dossier.",
        "You may not do '{action}' on this dossier.",
    ),
    "role.forbidden_read": (
        "U heeft geen toegang tot dossier {number}.",
        "You have no access to dossier {number}.",
    ),
    "role.forbidden_people": (
        "Alleen een beheerder mag mensen en rollen beheren.",
        "Only a beheerder may manage people and roles.",
    ),
    "dossier.unknown": (
        "Dossier {number} bestaat niet.",
        "Dossier {number} does not exist.",
    ),
    "dossier.closed": (
        "Dossier {number} is gesloten. Heropen het eerst.",
        "Dossier {number} is closed. Reopen it first.",
    ),
    "dossier.changed": (
        "Dossier {number} is net door iemand anders gewijzigd. Bekijk het opnieuw en probeer"
        " het nog eens.",
        "Dossier {number} was just changed by someone else. Look at it again and retry.",
    ),
    "state.not_allowed": (
        "'{action}' kan niet in de fase '{state}'.",
        "'{action}' is not possible while the dossier is '{state}'.",
    ),
    "close.needs_agreement": (
        "Dossier {number} kan pas gesloten worden na akkoord van de klant. Leg eerst de"
        " evaluatie vast met het akkoord van de klant.",
        "Dossier {number} can only be closed once the customer agrees. First record the"
        " evaluation with the customer's agreement.",
    ),
    "close.needs_acknowledgement": (
        "Dossier {number} kan niet gesloten worden: de ontvangstbevestiging is nooit vastgelegd.",
        "Dossier {number} cannot be closed: the acknowledgement was never recorded.",
    ),
    "acknowledge.already": (
        "De ontvangstbevestiging is al vastgelegd ({on}).",
        "The acknowledgement was already recorded ({on}).",
    ),
    "acknowledge.before_received": (
        "De ontvangstbevestiging kan niet vóór de ontvangst van de klacht verstuurd zijn.",
        "The acknowledgement cannot have been sent before the complaint was received.",
    ),
    "extend_term.already": (
        "De beslistermijn is al eens verlengd; dat mag maar één keer.",
        "The decision term was already extended; that is allowed once.",
    ),
    "extend_term.customer_not_informed": (
        "Verlengen mag alleen met een brief aan de klant: de verlenging wordt vastgelegd"
        " zodra die brief verstuurd is.",
        "The term may only be extended with a letter to the customer: the extension is"
        " recorded once that letter went.",
    ),
    "extend_term.passed": (
        "De beslistermijn is al verstreken ({due}): verlengen kan alleen vóór die datum."
        " Stuur de schriftelijke reactie zo snel mogelijk.",
        "The decision term has already passed ({due}): it can only be extended before that"
        " date. Send the written response as soon as possible.",
    ),
    "extend_term.responded": (
        "De schriftelijke reactie is al verstuurd ({on}); verlengen is niet meer nodig.",
        "The written response was already sent ({on}); no extension is needed.",
    ),
    "respond.already": (
        "De schriftelijke reactie is al verstuurd ({on}).",
        "The written response was already sent ({on}).",
    ),
    "respond.needs_letter": (
        "De schriftelijke reactie wordt vastgelegd met de brief zelf: schrijf en verstuur"
        " hem met de knop Schriftelijke reactie.",
        "The written response is recorded with the letter itself: write and send it with"
        " the Written response button.",
    ),
    "extend_term.not_later": (
        "De nieuwe datum moet na de huidige beslistermijn liggen.",
        "The new date must be after the current decision term.",
    ),
    "extend_term.too_long": (
        "Zo lang mag niet: uiterlijk {latest}.",
        "That is too long: {latest} at the latest.",
    ),
    "person.unknown": ("Onbekende persoon: {person}.", "Unknown person: {person}."),
    "person.not_staff": (
        "{name} heeft geen rol als medewerker, coördinator of directie.",
        "{name} has no role as medewerker, coordinator or directie.",
    ),
    "person.ambiguous": (
        "Er zijn meerdere mensen met de naam '{name}'; gebruik het e-mailadres of nummer.",
        "Several people are called '{name}'; use the e-mail address or number.",
    ),
    "person.exists": ("{name} is al bekend.", "{name} is already known."),
    "chat.role_granted": (
        "{name} heeft nu de rol(len): {roles}.",
        "{name} now has the role(s): {roles}.",
    ),
    "person.unknown_actor": (
        "U bent (nog) niet bekend bij Klachtenbot. Vraag een beheerder of de coördinator"
        " klachten om u toe te voegen.",
        "You are not (yet) known to Klachtenbot. Ask a beheerder or the complaints"
        " coordinator to add you.",
    ),
    "request.duplicate": (
        "Dit verzoek is al verwerkt.",
        "This request was already handled.",
    ),
    "database.unreachable": (
        "De database is even niet bereikbaar. Probeer het zo opnieuw.",
        "The database cannot be reached just now. Please try again shortly.",
    ),
    # -- states -----------------------------------------------------------------------
    "state.ontvangen": ("ontvangen", "received"),
    "state.toegewezen": ("toegewezen", "assigned"),
    "state.in_behandeling": ("in behandeling", "in progress"),
    "state.geescaleerd": ("bij de directie", "escalated to the directie"),
    "state.afgehandeld": ("afgehandeld", "handled"),
    "state.geevalueerd": ("geëvalueerd", "evaluated"),
    "state.gesloten": ("gesloten", "closed"),
    # -- actions (button labels and timeline lines) --------------------------------------
    "action.register": ("Klacht registreren", "Register complaint"),
    "action.correct": ("Gegevens aanvullen", "Complete details"),
    "action.acknowledge": ("Ontvangstbevestiging verstuurd", "Acknowledgement sent"),
    "action.assign": ("Eigenaar toewijzen", "Assign owner"),
    "action.plan_contact": ("Contact gepland", "Contact planned"),
    "action.add_note": ("Notitie toevoegen", "Add note"),
    "action.add_document": ("Document toevoegen", "Add document"),
    "action.report_status": ("Status doorgeven", "Report status"),
    "action.escalate": ("Escaleren naar directie", "Escalate to directie"),
    "action.decide": ("Besluit directie", "Directie decision"),
    "action.mark_handled": ("Afgehandeld", "Handled"),
    "action.evaluate": ("Evaluatie vastleggen", "Record evaluation"),
    "action.close": ("Dossier sluiten", "Close dossier"),
    "action.reopen": ("Heropenen", "Reopen"),
    "action.extend_term": ("Beslistermijn verlengen", "Extend decision term"),
    "action.respond": ("Schriftelijke reactie", "Written response"),
    # -- values ---------------------------------------------------------------------------
    "channel.telefoon": ("telefonisch", "by phone"),
    "channel.website": ("website (Is alles naar wens?)", "website (Is alles naar wens?)"),
    "channel.ontevredenheidsformulier": ("ontevredenheidsformulier", "dissatisfaction form"),
    "channel.brief": ("brief", "letter"),
    "severity.laag": ("laag", "low"),
    "severity.middel": ("middel", "medium"),
    "severity.hoog": ("hoog", "high"),
    "method.email": ("per e-mail", "by e-mail"),
    "method.post": ("per post", "by post"),
    "method.persoonlijk": ("persoonlijk overhandigd", "handed over in person"),
    "plan.winkel": ("afspraak in de winkel", "visit at the shop"),
    "plan.huisbezoek": ("huisbezoek", "home visit"),
    "choice.nieuwe_eigenaar": ("Nieuwe eigenaar", "New owner"),
    "choice.directie_neemt_over": ("Directie neemt over", "Directie takes over"),
    "choice.advies": ("Advies aan de eigenaar", "Advice to the owner"),
    "decided.nieuwe_eigenaar": ("een nieuwe eigenaar", "a new owner"),
    "decided.directie_neemt_over": ("de directie neemt het over", "the directie takes over"),
    "decided.advies": ("advies aan de eigenaar", "advice to the owner"),
    "deadline.ontvangstbevestiging": ("ontvangstbevestiging", "acknowledgement"),
    "deadline.statuscheck": ("statuscheck eigenaar", "owner status check"),
    "deadline.beslistermijn": ("beslistermijn", "decision term"),
    "deadline.evaluatie": ("evaluatie met de klant", "evaluation with the customer"),
    "yes": ("ja", "yes"),
    "no": ("nee", "no"),
    "role.coordinator": ("coördinator", "coordinator"),
    "role.directie": ("directie", "directie"),
    "role.medewerker": ("medewerker", "staff member"),
    "role.beheerder": ("beheerder", "administrator"),
    "role.systeem": ("systeem", "system"),
    # -- form labels ---------------------------------------------------------------------
    "label.channel": ("Binnengekomen via", "Received through"),
    "label.received_on": ("Ontvangen op", "Received on"),
    "label.customer_number": ("Klantnummer", "Customer number"),
    "label.customer_name": ("Naam klant", "Customer name"),
    "label.customer_email": ("E-mail klant", "Customer e-mail"),
    "label.customer_phone": ("Telefoon klant", "Customer phone"),
    "label.customer_address": ("Adres klant", "Customer address"),
    "label.practitioner": ("Behandelaar", "Practitioner"),
    "label.product": ("Product of dienst", "Product or service"),
    "label.summary": ("Korte omschrijving", "Summary"),
    "label.details": ("Toelichting", "Details"),
    "label.remedy_requested": ("Gewenste oplossing", "Remedy asked for"),
    "label.severity": ("Eerste inschatting ernst", "First assessment of severity"),
    "label.sent_on": ("Verstuurd op", "Sent on"),
    "label.method": ("Hoe", "How"),
    "label.owner_id": ("Eigenaar", "Owner"),
    "label.contact_by_id": ("Wie neemt contact op met de klant", "Who contacts the customer"),
    "label.plan": ("Plan", "Plan"),
    "label.planned_on": ("Datum", "Date"),
    "label.text": ("Tekst", "Text"),
    "label.title": ("Titel", "Title"),
    "label.reference": ("Verwijzing", "Reference"),
    "label.document_id": ("Document", "Document"),
    "label.reason": ("Reden", "Reason"),
    "label.choice": ("Besluit", "Decision"),
    "label.new_owner_id": ("Nieuwe eigenaar", "New owner"),
    "label.solution": ("Geboden oplossing", "Solution offered"),
    "label.outcome": ("Uitkomst", "Outcome"),
    "label.remarks": ("Opmerkingen", "Remarks"),
    "label.customer_agrees": ("Klant akkoord", "Customer agrees"),
    "label.new_due": ("Nieuwe beslisdatum", "New decision date"),
    "label.description": (
        "Uw klacht … (zo staat het in de brief)",
        "Your complaint … (as the letter says)",
    ),
    # -- the dossier card ----------------------------------------------------------------
    "card.title": ("Klacht {number}: {summary}", "Complaint {number}: {summary}"),
    "card.state": ("Fase", "Stage"),
    "card.customer": ("Klant", "Customer"),
    "card.customer_unknown_number": ("klantnummer onbekend", "customer number unknown"),
    "card.received": ("Ontvangen", "Received"),
    "card.channel": ("Via", "Through"),
    "card.practitioner": ("Behandelaar", "Practitioner"),
    "card.product": ("Product of dienst", "Product or service"),
    "card.severity": ("Ernst", "Severity"),
    "card.owner": ("Eigenaar", "Owner"),
    "card.contact": ("Contact met klant", "Customer contact"),
    "card.plan": ("{plan} op {on}", "{plan} on {on}"),
    "card.plan_undated": ("{plan}, nog geen datum", "{plan}, no date yet"),
    "card.acknowledged": ("Ontvangstbevestiging", "Acknowledgement"),
    "card.acknowledged_value": ("verstuurd {on}, {method}", "sent {on}, {method}"),
    "card.not_acknowledged": ("nog niet verstuurd", "not sent yet"),
    "card.deadline": ("{kind}: uiterlijk {due}", "{kind}: due {due}"),
    "card.deadline_overdue": ("{kind}: TE LAAT sinds {due}", "{kind}: OVERDUE since {due}"),
    "card.deadlines": ("Termijnen", "Deadlines"),
    "card.complaint": ("Klacht", "Complaint"),
    "card.remedy": ("Gewenste oplossing", "Remedy asked for"),
    "card.escalation": ("Bij de directie", "With the directie"),
    "card.solution": ("Geboden oplossing", "Solution offered"),
    "card.evaluation": ("Evaluatie", "Evaluation"),
    "card.agrees": ("klant akkoord", "customer agrees"),
    "card.disagrees": ("klant NIET akkoord", "customer does NOT agree"),
    "card.timeline": ("Verloop", "Timeline"),
    "card.letters": ("Brieven aan de klant", "Letters to the customer"),
    "card.no_letter_address": (
        "Geen e-mailadres en geen postadres van de klant bekend: er kan geen brief naar de"
        " klant. Vul ze aan met Gegevens aanvullen.",
        "No e-mail address and no postal address of the customer are known: no letter can"
        " go to the customer. Add them with Complete details.",
    ),
    "card.no_letter_email_off": (
        "Versturen per e-mail staat uit en er is geen postadres van de klant bekend: er kan"
        " geen brief naar de klant. Vul het adres aan met Gegevens aanvullen.",
        "Sending by e-mail is off and no postal address of the customer is known: no letter"
        " can go to the customer. Add the address with Complete details.",
    ),
    "card.timeline_line": ("{at} · {actor} · {action}", "{at} · {actor} · {action}"),
    "card.truncated": ("… (ingekort)", "… (shortened)"),
    "card.timeline_more": (
        "… en {count} eerdere stappen (zie het volledige dossier)",
        "… and {count} earlier steps (see the full dossier)",
    ),
    "card.list_title": ("Klachten: {count}", "Complaints: {count}"),
    "card.list_empty": ("Geen klachten gevonden.", "No complaints found."),
    "card.list_more": (
        "… en nog {count}; de oudste staan bovenaan.",
        "… and {count} more; the oldest are at the top.",
    ),
    "card.list_line": (
        "{number} · {customer} · {state} · {summary}",
        "{number} · {customer} · {state} · {summary}",
    ),
    # -- the command line ----------------------------------------------------------------
    "cli.error": ("fout: {message}", "error: {message}"),
    "cli.failed": (
        "fout: dat lukte niet door een storing ({error}); er is niets vastgelegd.",
        "error: that failed because of a fault ({error}); nothing was recorded.",
    ),
    "cli.field_error": ("fout in {field}: {message}", "error in {field}: {message}"),
    "cli.person_added": (
        "{name} toegevoegd (nummer {id}) met rol(len): {roles}",
        "{name} added (number {id}) with role(s): {roles}",
    ),
    "cli.registered": ("Dossier {number} geregistreerd.", "Dossier {number} registered."),
    "cli.acted": (
        "{number}: stap '{action}' vastgelegd; fase nu {state}.",
        "{number}: step '{action}' recorded; stage now {state}.",
    ),
    "cli.letter_posted": (
        "{letter}: per post verstuurd en vastgelegd.",
        "{letter}: sent by post and recorded.",
    ),
    "cli.letter_emailing": (
        "{letter}: klaar om te e-mailen; vastgelegd zodra de mailserver hem aannam"
        " (klachtenbot serve verstuurt hem).",
        "{letter}: ready to e-mail; recorded once the mail server accepted it (klachtenbot"
        " serve sends it).",
    ),
    "cli.letter_previewed": (
        "Voorbeeld geschreven naar {path}; er is niets verstuurd of vastgelegd.",
        "Preview written to {path}; nothing was sent or recorded.",
    ),
    "cli.letter_preview_help": (
        "schrijf de brief als PDF naar dit bestand, zonder hem te versturen",
        "write the letter as a PDF to this file, without sending it",
    ),
    "cli.db_upgraded": ("Database bijgewerkt tot versie {head}.", "Database upgraded to {head}."),
    "cli.no_people": ("Nog niemand bekend.", "Nobody known yet."),
    "cli.actor_required": (
        "Zeg wie dit doet met --as NAAM (of zet KLACHTENBOT_AS).",
        "Say who does this with --as NAME (or set KLACHTENBOT_AS).",
    ),
    "cli.actor_unknown": (
        "'{who}' is niet bekend; voeg de persoon toe met 'klachtenbot people add'.",
        "'{who}' is not known; add them with 'klachtenbot people add'.",
    ),
    "serve.database_unreachable": (
        "De database is niet bereikbaar ({error}). Klachtenbot start niet.",
        "The database cannot be reached ({error}). Klachtenbot does not start.",
    ),
    "serve.listening": (
        "Klachtenbot luistert op http://{host}:{port}",
        "Klachtenbot is listening on http://{host}:{port}",
    ),
    "serve.port_taken": (
        "Poort {port} op {host} is bezet of niet te gebruiken ({error}).",
        "Port {port} on {host} is taken or cannot be used ({error}).",
    ),
}
MESSAGES.update(
    {
        "card.close_confirm": (
            "Dossier {number} sluiten? De klant is akkoord; daarna kan alleen heropenen.",
            "Close dossier {number}? The customer agrees; afterwards it can only be reopened.",
        ),
        "card.cancel": ("Annuleren", "Cancel"),
    }
)
