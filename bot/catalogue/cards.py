"""Texts of the cards: what happens next, deadlines, what a step did, form titles."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- what happens next, and who does it ------------------------------------------------
    "next.acknowledge": (
        "De coördinator stuurt de klant de ontvangstbevestiging.",
        "The coordinator sends the customer the acknowledgement.",
    ),
    "next.assign": (
        "De coördinator wijst een eigenaar aan en spreekt af wie de klant belt.",
        "The coordinator assigns an owner and agrees who calls the customer.",
    ),
    "next.plan_contact": (
        "{owner} belt de klant en plant een afspraak.",
        "{owner} calls the customer and plans a visit.",
    ),
    "next.meet": (
        "{owner} ziet de klant ({plan} op {on}) en meldt daarna 'Afgehandeld' of de stand"
        " van zaken.",
        "{owner} sees the customer ({plan} on {on}), then reports 'Handled' or the status.",
    ),
    "next.solve": (
        "{owner} zoekt met de klant een oplossing en meldt 'Afgehandeld' zodra die er is.",
        "{owner} finds a solution with the customer and reports 'Handled' once it is there.",
    ),
    "next.decide": (
        "De directie besluit hoe het verder gaat.",
        "The directie decides how to go on.",
    ),
    "next.evaluate": (
        "De coördinator evalueert het verloop met de klant.",
        "The coordinator evaluates the course with the customer.",
    ),
    "next.close": (
        "De klant is akkoord: de coördinator sluit het dossier.",
        "The customer agrees: the coordinator closes the dossier.",
    ),
    "next.disagrees": (
        "De klant is niet akkoord: de coördinator heropent het dossier of wijst de klant de"
        " weg naar de geschillencommissie.",
        "The customer does not agree: the coordinator reopens the dossier or shows the"
        " customer the way to the complaints committee.",
    ),
    "next.closed": ("Dit dossier is gesloten.", "This dossier is closed."),
    "next.label": ("Volgende stap: {text}", "Next step: {text}"),
    # -- deadlines -------------------------------------------------------------------------
    "due.days": (
        "{kind}: uiterlijk {due}, nog {days} werkdagen",
        "{kind}: due {due}, {days} working days left",
    ),
    "due.one_day": (
        "{kind}: uiterlijk {due}, nog 1 werkdag",
        "{kind}: due {due}, 1 working day left",
    ),
    "due.today": ("{kind}: vandaag, {due}", "{kind}: today, {due}"),
    "due.overdue": (
        "{kind}: TE LAAT, was uiterlijk {due} ({days} werkdagen geleden)",
        "{kind}: OVERDUE, was due {due} ({days} working days ago)",
    ),
    "due.others": ("Andere termijnen", "Other deadlines"),
    # -- what a step did (timeline, thread lines, answers) ---------------------------------
    "done.register": ("Klacht geregistreerd ({channel})", "Complaint registered ({channel})"),
    "done.correct": ("Gegevens aangevuld", "Details completed"),
    "done.acknowledge": (
        "Ontvangstbevestiging verstuurd ({method}, {sent_on})",
        "Acknowledgement sent ({method}, {sent_on})",
    ),
    "done.assign": ("{owner} is eigenaar; {plan}", "{owner} is the owner; {plan}"),
    "done.plan_contact": ("Contact gepland: {plan}", "Contact planned: {plan}"),
    "done.add_note": ("Notitie toegevoegd", "Note added"),
    "done.add_document": ("Document toegevoegd: {title}", "Document added: {title}"),
    "done.report_status": ("Stand van zaken doorgegeven", "Status reported"),
    "done.escalate": ("Voorgelegd aan de directie", "Escalated to the directie"),
    "done.decide": ("Besluit van de directie: {choice}", "The directie decided: {choice}"),
    "done.decide_owner": (
        "Besluit van de directie: {choice}; {owner} is nu eigenaar",
        "The directie decided: {choice}; {owner} is now the owner",
    ),
    "done.mark_handled": ("Afgehandeld", "Handled"),
    "done.evaluate": ("Evaluatie vastgelegd, {agrees}", "Evaluation recorded, {agrees}"),
    "done.close": ("Dossier gesloten", "Dossier closed"),
    "done.reopen": ("Dossier heropend", "Dossier reopened"),
    "done.extend_term": (
        "Beslistermijn verlengd tot {new_due}",
        "Decision term extended to {new_due}",
    ),
    # -- the dossier card --------------------------------------------------------------------
    "card.subtitle": ("{state} · {customer}", "{state} · {customer}"),
    "card.phone": ("Telefoon", "Phone"),
    "card.email": ("E-mail", "E-mail"),
    "card.owner_plan": ("{owner} · {plan}", "{owner} · {plan}"),
    "card.contact_by": ("belt: {name}", "calls: {name}"),
    "card.received_value": ("{on}, {channel}", "{on}, {channel}"),
    "card.details": ("Toelichting", "Details"),
    "card.more_steps": (
        "… en {count} eerdere stappen (klacht toon {number})",
        "… and {count} earlier steps (klacht toon {number})",
    ),
    "card.timeline_step": ("{at} · {actor}: {what}", "{at} · {actor}: {what}"),
    # -- the list --------------------------------------------------------------------------
    "card.list_entry": (
        "{number} · {customer} · {summary}",
        "{number} · {customer} · {summary}",
    ),
    "card.list_where": ("{state} · eigenaar: {owner}", "{state} · owner: {owner}"),
    "card.list_none_owner": ("nog niemand", "nobody yet"),
    # -- forms: a title and submit label that fit a Slack modal (24 characters) -----------
    "form.title.register": ("Klacht registreren", "Register complaint"),
    "form.title.correct": ("Gegevens aanvullen", "Complete details"),
    "form.title.acknowledge": ("Ontvangstbevestiging", "Acknowledgement"),
    "form.title.assign": ("Eigenaar toewijzen", "Assign owner"),
    "form.title.plan_contact": ("Contact plannen", "Plan contact"),
    "form.title.add_note": ("Notitie toevoegen", "Add note"),
    "form.title.add_document": ("Document toevoegen", "Add document"),
    "form.title.report_status": ("Stand van zaken", "Status"),
    "form.title.escalate": ("Naar de directie", "Escalate to directie"),
    "form.title.decide": ("Besluit directie", "Directie decision"),
    "form.title.mark_handled": ("Afgehandeld", "Handled"),
    "form.title.evaluate": ("Evaluatie", "Evaluation"),
    "form.title.close": ("Dossier sluiten", "Close dossier"),
    "form.title.reopen": ("Dossier heropenen", "Reopen dossier"),
    "form.title.extend_term": ("Termijn verlengen", "Extend term"),
    "form.submit": ("Vastleggen", "Record"),
    "form.submit.register": ("Registreren", "Register"),
    "form.submit.close": ("Sluiten", "Close"),
    "form.submit.escalate": ("Voorleggen", "Escalate"),
    "form.choose": ("Kies…", "Choose…"),
    "form.escalated": ("Voorgelegd door {by} op {at}", "Escalated by {by} on {at}"),
    # Labels that need their object on one action's form (label.FIELD is the default).
    "label.acknowledge.method": ("Hoe verstuurd", "Sent how"),
    "label.assign.plan": ("Soort afspraak", "Kind of visit"),
    "label.assign.planned_on": ("Datum afspraak (als die al vaststaat)", "Date of the visit"),
    "label.plan_contact.plan": ("Soort afspraak", "Kind of visit"),
    "label.plan_contact.planned_on": ("Datum afspraak", "Date of the visit"),
    "label.add_note.text": ("Notitie", "Note"),
    "label.report_status.text": ("Stand van zaken", "Status"),
    "label.escalate.reason": (
        "Waarom de directie moet meebeslissen",
        "Why the directie must decide",
    ),
    "label.decide.choice": ("Besluit", "Decision"),
    "label.decide.text": ("Toelichting bij het besluit", "Explanation of the decision"),
    "label.decide.new_owner_id": (
        "Nieuwe eigenaar (bij 'Nieuwe eigenaar')",
        "New owner (with 'New owner')",
    ),
    "label.reopen.reason": ("Reden om te heropenen", "Reason to reopen"),
    "label.extend_term.reason": ("Reden van de verlenging", "Reason for the extension"),
    "label.add_document.title": ("Titel van het document", "Title of the document"),
    "label.add_document.reference": (
        "Waar het document is (bestand, link)",
        "Where the document is (file, link)",
    ),
    "label.evaluate.outcome": ("Uitkomst van de evaluatie", "Outcome of the evaluation"),
    "label.evaluate.customer_agrees": ("Klant akkoord met sluiten", "Customer agrees to close"),
}
