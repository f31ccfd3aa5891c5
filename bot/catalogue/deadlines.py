"""Messages of the deadline notices, the morning digest and the operators' commands."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- acknowledgement ------------------------------------------------------------------
    "reminders.ack_reminder.title": (
        "Nog één werkdag voor de ontvangstbevestiging van {number}",
        "One working day left to acknowledge {number}",
    ),
    "reminders.ack_reminder.text": (
        "De klant moet uiterlijk {due} een ontvangstbevestiging hebben.",
        "The customer must have an acknowledgement by {due}.",
    ),
    "reminders.ack_alarm.title": (
        "Ontvangstbevestiging van {number} is te laat",
        "The acknowledgement of {number} is overdue",
    ),
    "reminders.ack_alarm.text": (
        "De termijn liep af op {due} en er is nog geen ontvangstbevestiging vastgelegd.",
        "The term ended on {due} and no acknowledgement has been recorded.",
    ),
    "reminders.ack_alarm.directie": (
        "Dossier {number}: de ontvangstbevestiging is te laat (termijn verliep {due}).",
        "Dossier {number}: the acknowledgement is overdue (the term ended {due}).",
    ),
    # -- the owner's status check -------------------------------------------------------
    "reminders.status_question.title": ("Hoe staat het met {number}?", "How is {number} going?"),
    "reminders.status_question.text": (
        "U bent eigenaar van deze klacht. Laat de coördinator weten hoe het ervoor staat.",
        "You own this complaint. Let the coordinator know how it stands.",
    ),
    "reminders.status_reminder.title": (
        "Herinnering: hoe staat het met {number}?",
        "Reminder: how is {number} going?",
    ),
    "reminders.status_reminder.text": (
        "Er is nog geen antwoord op de statusvraag. Zonder antwoord binnen {days} werkdagen"
        " gaat het dossier naar de directie.",
        "The status question has not been answered yet. Without an answer within {days}"
        " working days the dossier goes to the directie.",
    ),
    "reminders.status_escalation.title": (
        "Geen antwoord over {number}: naar de directie",
        "No answer about {number}: escalated to the directie",
    ),
    "reminders.status_escalation.text": (
        "{owner} heeft de statusvraag en de herinnering niet beantwoord. Het dossier is"
        " automatisch naar de directie geëscaleerd.",
        "{owner} answered neither the status question nor the reminder. The dossier was"
        " escalated to the directie automatically.",
    ),
    "reminders.status_escalation.reason": (
        "Automatisch geëscaleerd: {owner} gaf geen antwoord op de statusvraag en de herinnering.",
        "Escalated automatically: {owner} answered neither the status question nor the reminder.",
    ),
    "reminders.on_track": ("Loopt volgens plan", "On track"),
    "reminders.on_track_text": ("Loopt volgens plan.", "On track."),
    "reminders.handled": ("Afgehandeld", "Handled"),
    "reminders.help": ("Hulp nodig", "Need help"),
    "reminders.owner": ("Eigenaar", "Owner"),
    "reminders.customer": ("Klant", "Customer"),
    "reminders.complaint": ("Klacht", "Complaint"),
    "reminders.due": ("Uiterlijk", "Due"),
    # -- evaluation ---------------------------------------------------------------------
    "reminders.evaluation_reminder.title": (
        "Evaluatie met de klant voor {number}",
        "Evaluation with the customer for {number}",
    ),
    "reminders.evaluation_reminder.text": (
        "Het dossier is afgehandeld op {handled}. Evalueer het verloop kort met de klant en"
        " leg de evaluatie vast.",
        "The dossier was handled on {handled}. Briefly evaluate the course of the complaint"
        " with the customer and record the evaluation.",
    ),
    # -- the decision term --------------------------------------------------------------
    "reminders.decision_warning.title": (
        "Nog een week voor de beslissing over {number}",
        "One week left for the decision on {number}",
    ),
    "reminders.decision_warning.text": (
        "Schriftelijke reactie nog niet verstuurd. De klant heeft uiterlijk {due} recht op een"
        " schriftelijke, met redenen omklede reactie. Lukt dat niet, verleng de termijn dan"
        " eenmalig, met een brief aan de klant.",
        "Written response not sent yet. The customer is owed a written, reasoned response by"
        " {due}. If that cannot be done, extend the term once, with a letter to the customer.",
    ),
    "reminders.decision_warning.extended": (
        "Schriftelijke reactie nog niet verstuurd. De klant heeft uiterlijk {due} recht op een"
        " schriftelijke, met redenen omklede reactie. De termijn is al verlengd; nog eens"
        " verlengen kan niet.",
        "Written response not sent yet. The customer is owed a written, reasoned response by"
        " {due}. The term was already extended; it cannot be extended again.",
    ),
    "reminders.decision_alarm.title": (
        "Beslistermijn van {number} is verstreken",
        "The decision term of {number} has passed",
    ),
    "reminders.decision_alarm.text": (
        "Schriftelijke reactie nog niet verstuurd: de klant had die uiterlijk {due} moeten"
        " krijgen. Stuur hem zo snel mogelijk.",
        "Written response not sent: the customer should have had it by {due}. Send it as"
        " soon as possible.",
    ),
    "reminders.decision_alarm.directie": (
        "Dossier {number}: de beslistermijn is verstreken ({due}).",
        "Dossier {number}: the decision term has passed ({due}).",
    ),
    # -- names of the notices (operators' output) ----------------------------------------
    "stage.ack_reminder": ("herinnering ontvangstbevestiging", "acknowledgement reminder"),
    "stage.ack_alarm": ("alarm ontvangstbevestiging", "acknowledgement alarm"),
    "stage.status_question": ("statusvraag aan eigenaar", "status question to owner"),
    "stage.status_reminder": ("herinnering statusvraag", "status question reminder"),
    "stage.status_escalation": (
        "geen antwoord: escalatie naar directie",
        "no answer: escalated to directie",
    ),
    "stage.evaluation_reminder": ("herinnering evaluatie", "evaluation reminder"),
    "stage.decision_warning": ("waarschuwing beslistermijn", "decision term warning"),
    "stage.decision_alarm": ("alarm beslistermijn", "decision term alarm"),
    # -- the morning digest -------------------------------------------------------------
    "digest.title": ("Klachten: overzicht van {today}", "Complaints: overview for {today}"),
    "digest.overdue": ("Te laat", "Overdue"),
    "digest.this_week": ("Deze week", "This week"),
    "digest.line": ("{number} · {kind} · uiterlijk {due}", "{number} · {kind} · due {due}"),
    "digest.nothing": (
        "Niets te laat en niets dat deze week afloopt.",
        "Nothing overdue and nothing due this week.",
    ),
    # -- the dossier card: where the customer can go next ---------------------------------
    "card.next_step": (
        "Niet akkoord: vervolg voor de klant",
        "Not agreed: the customer's next step",
    ),
    "card.committee": (
        "De klant kan de klacht voorleggen aan {committee}.",
        "The customer can take the complaint to {committee}.",
    ),
    # -- the command line ---------------------------------------------------------------
    "cli.deadlines_none": ("Geen openstaande termijnen.", "No pending deadlines."),
    "cli.sweep_done": (
        "Sweep als op {now}: {sent} melding(en), {escalated} escalatie(s).",
        "Sweep as at {now}: {sent} notice(s), {escalated} escalation(s).",
    ),
    "cli.sweep_line": ("  {number} · {kind} · {stage}", "  {number} · {kind} · {stage}"),
    "cli.sweep_now": (
        "Geef een moment als JJJJ-MM-DDTUU:MM (Nederlandse tijd), bijvoorbeeld 2026-12-10T09:00.",
        "Give a moment as YYYY-MM-DDTHH:MM (Dutch time), for example 2026-12-10T09:00.",
    ),
    "serve.scheduler_on": (
        "Planner: termijnen elke {seconds} s, ochtendoverzicht om {at} op werkdagen.",
        "Scheduler: deadlines every {seconds} s, morning digest at {at} on working days.",
    ),
    "serve.scheduler_off": (
        "Planner: uit (KLACHTENBOT_SCHEDULER=false); termijnen alleen via 'klachtenbot sweep'.",
        "Scheduler: off (KLACHTENBOT_SCHEDULER=false); deadlines only via 'klachtenbot sweep'.",
    ),
    "cli.sweep_no_platforms": (
        "Geen chatplatform ingesteld (Slack of Teams): er is niets verstuurd en alle meldingen"
        " blijven klaarstaan.",
        "No chat platform configured (Slack or Teams): nothing was sent and every notice"
        " stays due.",
    ),
}
