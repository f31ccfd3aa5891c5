"""Messages of people coming and going (roles, deactivation, the staff log) and of the
read log (who saw what)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- refusals ----------------------------------------------------------------------
    "person.inactive": (
        "Uw toegang tot Klachtenbot is beëindigd. Klopt dat niet, vraag dan een beheerder"
        " om u weer toe te laten.",
        "Your access to Klachtenbot has ended. If that is not right, ask a beheerder to let"
        " you in again.",
    ),
    "people.self_grant": (
        "U kunt uzelf geen rol geven; een andere beheerder moet dat doen.",
        "You cannot give yourself a role; another beheerder must do that.",
    ),
    "people.self_deactivate": (
        "U kunt uzelf niet op non-actief zetten; een andere beheerder moet dat doen.",
        "You cannot deactivate yourself; another beheerder must do that.",
    ),
    "people.role_not_held": (
        "{name} heeft de rol {role} niet.",
        "{name} does not have the role {role}.",
    ),
    "people.last_beheerder": (
        "{name} is de laatste actieve beheerder. Maak eerst iemand anders beheerder, anders"
        " kan niemand meer mensen en rollen beheren.",
        "{name} is the last active beheerder. Make someone else beheerder first, or nobody"
        " can manage people and roles any more.",
    ),
    "people.already_inactive": (
        "{name} staat al op non-actief.",
        "{name} is already deactivated.",
    ),
    "people.already_active": ("{name} is al actief.", "{name} is already active."),
    # -- what a beheerder is told ------------------------------------------------------
    "people.role_revoked": (
        "{name} heeft de rol {role} niet meer. Rollen nu: {roles}.",
        "{name} no longer has the role {role}. Roles now: {roles}.",
    ),
    "people.deactivated": (
        "{name} staat nu op non-actief: Klachtenbot weigert hem of haar overal, ook"
        " downloadlinks die al zijn uitgedeeld. De naam blijft in de tijdlijnen staan.",
        "{name} is now deactivated: Klachtenbot refuses them everywhere, download links"
        " already handed out included. Their name stays in the timelines.",
    ),
    "people.deactivated_with_dossiers": (
        "{name} staat nu op non-actief: Klachtenbot weigert hem of haar overal, ook"
        " downloadlinks die al zijn uitgedeeld. {count} open dossier(s) staan nog op deze"
        " naam; de coördinator ziet ze in het ochtendoverzicht onder 'Eigenaar niet meer"
        " actief'.",
        "{name} is now deactivated: Klachtenbot refuses them everywhere, download links"
        " already handed out included. {count} open dossier(s) still name them; the"
        " coordinator sees them in the morning overview under 'Owner no longer active'.",
    ),
    "people.activated": (
        "{name} is weer actief en kan Klachtenbot weer gebruiken met de eigen rollen.",
        "{name} is active again and can use Klachtenbot with their roles.",
    ),
    # -- the chat ----------------------------------------------------------------------
    "chat.revoke_usage": (
        "Gebruik: klacht intrekken @iemand directie (of met de naam: klacht intrekken Piet"
        " Jansen directie).",
        "Usage: klacht revoke @someone directie (or by name: klacht revoke Piet Jansen directie).",
    ),
    "chat.deactivate_usage": (
        "Gebruik: klacht deactiveer @iemand (of met de naam: klacht deactiveer Piet Jansen).",
        "Usage: klacht deactivate @someone (or by name: klacht deactivate Piet Jansen).",
    ),
    "chat.activate_usage": (
        "Gebruik: klacht activeer @iemand (of met de naam: klacht activeer Piet Jansen).",
        "Usage: klacht activate @someone (or by name: klacht activate Piet Jansen).",
    ),
    # -- the command line and the staff log ----------------------------------------------
    "cli.person_granted": (
        "{name} heeft nu de rol(len): {roles}",
        "{name} now has the role(s): {roles}",
    ),
    "cli.yes": ("ja", "yes"),
    "cli.no": ("nee", "no"),
    "cli.staff_log_empty": (
        "Het logboek van mensen en rollen is nog leeg.",
        "The log of people and roles is still empty.",
    ),
    "staff_log.operator": (
        "beheer op de server ({user})",
        "operator on the server ({user})",
    ),
    "staff_change.added": ("toegevoegd", "added"),
    "staff_change.granted": ("rol gekregen", "role granted"),
    "staff_change.revoked": ("rol afgenomen", "role revoked"),
    "staff_change.deactivated": ("op non-actief gezet", "deactivated"),
    "staff_change.activated": ("weer actief", "activated"),
    # -- the read log ------------------------------------------------------------------
    "privacy.log_forbidden": (
        "Alleen een beheerder of de directie mag zien wie welk dossier heeft ingezien.",
        "Only a beheerder or the directie may see who looked at which dossier.",
    ),
    "privacy.log_empty": (
        "Niemand heeft dit in deze periode ingezien.",
        "Nobody looked at this in this period.",
    ),
    "privacy.log_period": (
        "Het einde van de periode ligt vóór het begin.",
        "The end of the period is before its start.",
    ),
    "seen.card": ("dossierkaart", "dossier card"),
    "seen.timeline": ("dossier met verloop", "dossier with timeline"),
    "seen.list": ("in een lijst", "in a list"),
    "seen.documents": ("lijst van documenten", "list of documents"),
    "seen.document": ("document gedownload", "document downloaded"),
    "seen.letter": ("voorbeeld ontvangstbevestiging", "acknowledgement preview"),
    "seen.export": ("export voor de klant", "export for the customer"),
    # -- the coordinators' morning digest ------------------------------------------------
    "digest.owner_inactive": ("Eigenaar niet meer actief", "Owner no longer active"),
    "digest.owner_inactive_line": (
        "{number} · eigenaar {owner} is niet meer actief: wijs een nieuwe eigenaar toe",
        "{number} · owner {owner} is no longer active: assign a new owner",
    ),
}
