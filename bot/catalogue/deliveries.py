"""Messages the bot posts by itself after a step, the same in every chat."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- the new owner's direct message ------------------------------------------------------
    "told.owner_title": (
        "U bent eigenaar van klacht {number}",
        "You own complaint {number}",
    ),
    "told.owner_asked": (
        "Deze klacht is aan u toegewezen. Neem contact op met de klant ({plan}) en houd de"
        " voortgang hier bij.",
        "This complaint is assigned to you. Contact the customer ({plan}) and keep track of"
        " progress here.",
    ),
    "told.owner_asked_on": (
        "Deze klacht is aan u toegewezen. Neem contact op met de klant: {plan} op {on}. Houd de"
        " voortgang hier bij.",
        "This complaint is assigned to you. Contact the customer: {plan} on {on}. Keep track of"
        " progress here.",
    ),
    "told.due": ("Uiterlijk", "Due"),
    # -- the escalation, posted for the directie ----------------------------------------------
    "told.directie_title": (
        "Escalatie: klacht {number}",
        "Escalation: complaint {number}",
    ),
    "told.directie_asked": (
        "Dossier {number} is geëscaleerd: kies wat de directie besluit. De coördinator ziet het"
        " in de draad van het dossier.",
        "Dossier {number} is escalated: choose the directie's decision. The coordinator sees it"
        " in the dossier's thread.",
    ),
    "told.escalated_by": ("Geëscaleerd door", "Escalated by"),
    "told.directie_reason": ("Waarom: {reason}", "Why: {reason}"),
    # -- a line in the dossier's thread ---------------------------------------------------------
    "told.line": ("{actor}: {what}", "{actor}: {what}"),
    "told.line_state": (
        "{actor}: {what}. Het dossier is nu {state}.",
        "{actor}: {what}. The dossier is now {state}.",
    ),
    # -- a person a chat cannot reach yet ------------------------------------------------------
    "told.unreachable": (
        "{name} is in {chat} nog niet bereikbaar voor Klachtenbot (dossier {number}). Vraag"
        " {name} om Klachtenbot in {chat} te openen, en geef het bericht zelf door.",
        "{name} cannot be reached by Klachtenbot in {chat} yet (dossier {number}). Ask {name} to"
        " open Klachtenbot in {chat}, and pass the message on yourself.",
    ),
}
