"""Messages of the chat layer: the same sentence in every chat.

`{command}` is the chat's own way of typing the command (`/klacht` in Slack,
`klacht` in Teams): the only thing in these sentences that differs between chats.
"""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- who is asking ---------------------------------------------------------------------
    "chat.unknown_person": (
        "Klachtenbot kent u nog niet, en klachtdossiers zijn alleen voor de mensen die eraan"
        " werken. Vraag een beheerder of de coördinator klachten om u toe te voegen, met"
        " {command} rol @u medewerker; uw id in deze chat is {id}.",
        "Klachtenbot does not know you yet, and complaint files are only for the people who"
        " work on them. Ask a beheerder or the complaints coordinator to add you, with"
        " {command} rol @you medewerker; your id in this chat is {id}.",
    ),
    # -- commands --------------------------------------------------------------------------
    "chat.help_title": ("Klachtenbot: wat kan ik doen?", "Klachtenbot: what can I do?"),
    "chat.help": (
        "{command} nieuw: een klacht registreren\n"
        "{command} lijst [open|mijn|te-laat|alle]: de klachten bekijken\n"
        "{command} toon K-2026-0001: één dossier, met de knoppen die nu kunnen\n"
        "{command} protocol: de klachtenprocedure, om aan een klant te geven\n"
        "{command} rol @iemand coördinator: rollen toekennen (beheerder)\n"
        "{command} intrekken @iemand directie: een rol afnemen (beheerder)\n"
        "{command} deactiveer @iemand, {command} activeer @iemand: iemand uit dienst op"
        " non-actief zetten en weer toelaten (beheerder)\n"
        "{command} rapport [maand|kwartaal|jaar|VAN TOT]: het klachtenrapport"
        " (coördinator, directie)\n"
        "{command} bewaar K-2026-0001 reden: bewaren voor een geschil (coördinator);"
        " {command} vrijgeven K-2026-0001 heft dat op\n"
        "{command} help: deze uitleg\n"
        "Een bericht of bestand in de draad van een dossierkaart komt in het dossier.",
        "{command} nieuw: register a complaint\n"
        "{command} lijst [open|mijn|te-laat|alle]: see the complaints\n"
        "{command} toon K-2026-0001: one dossier, with the buttons that apply now\n"
        "{command} protocol: the complaints procedure, to hand to a customer\n"
        "{command} rol @someone coordinator: grant roles (beheerder)\n"
        "{command} revoke @someone directie: take a role away (beheerder)\n"
        "{command} deactivate @someone, {command} activate @someone: refuse someone who"
        " left, and let them in again (beheerder)\n"
        "{command} rapport [month|quarter|year|FROM TO]: the complaints report"
        " (coordinator, directie)\n"
        "{command} bewaar K-2026-0001 reason: keep for a dispute (coordinator);"
        " {command} vrijgeven K-2026-0001 lifts it\n"
        "{command} help: this explanation\n"
        "A message or file in the thread of a dossier's card goes into the dossier.",
    ),
    "chat.unknown_command": (
        "Dat ken ik niet: '{text}'.",
        "I do not know that: '{text}'.",
    ),
    "chat.unknown_scope": (
        "Die lijst ken ik niet: '{text}'.",
        "I do not know that list: '{text}'.",
    ),
    "chat.show_usage": (
        "Noem het dossier: {command} toon K-2026-0001.",
        "Name the dossier: {command} toon K-2026-0001.",
    ),
    "chat.role_usage": (
        "Gebruik: {command} rol @iemand coördinator, of {command} rol Piet Jansen directie"
        " (rollen: coördinator, directie, medewerker, beheerder).",
        "Usage: {command} rol @someone coordinator, or {command} rol Piet Jansen directie"
        " (roles: coordinator, directie, medewerker, beheerder).",
    ),
    "chat.protocol_title": (
        "Procedure voor klachten over onze dienstverlening of producten",
        "Procedure for complaints about our services or products",
    ),
    "chat.protocol": (
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
    # -- buttons and forms -----------------------------------------------------------------
    "chat.confirm": (
        "'{action}' vastleggen bij dossier {number}?",
        "Record '{action}' on dossier {number}?",
    ),
    "chat.failed": (
        "Dat lukte niet door een storing. Probeer het zo nog eens; er is niets vastgelegd.",
        "That failed because of a fault. Please try again shortly; nothing was recorded.",
    ),
    "chat.duplicate": (
        "{number}: dit was al verwerkt; er is niets dubbel vastgelegd.",
        "{number}: this was already handled; nothing was recorded twice.",
    ),
    # -- what a step did, in the past tense (bot.chat.done) ---------------------------------
    "chat.did.register": (
        "Dossier {number} is geregistreerd.",
        "Dossier {number} is registered.",
    ),
    "chat.did.correct": (
        "{number}: de gegevens zijn aangevuld.",
        "{number}: the details are completed.",
    ),
    "chat.did.acknowledge": (
        "{number}: ontvangstbevestiging verstuurd op {sent_on}, {method}.",
        "{number}: acknowledgement sent on {sent_on}, {method}.",
    ),
    "chat.did.assign": ("{number}: {owner} is eigenaar.", "{number}: {owner} is the owner."),
    "chat.did.plan_contact": (
        "{number}: contact met de klant gepland, {plan} op {on}.",
        "{number}: contact with the customer planned, {plan} on {on}.",
    ),
    "chat.did.report_status": ("{number}: status doorgegeven.", "{number}: status reported."),
    "chat.did.add_note": ("{number}: notitie toegevoegd.", "{number}: note added."),
    "chat.did.add_document": (
        "{number}: document '{title}' toegevoegd.",
        "{number}: document '{title}' added.",
    ),
    "chat.did.escalate": (
        "{number}: voorgelegd aan de directie.",
        "{number}: escalated to the directie.",
    ),
    "chat.did.decide.advies": (
        "{number}: advies van de directie vastgelegd.",
        "{number}: the directie's advice is recorded.",
    ),
    "chat.did.decide.directie_neemt_over": (
        "{number}: de directie neemt de klacht over.",
        "{number}: the directie takes the complaint over.",
    ),
    "chat.did.decide.nieuwe_eigenaar": (
        "{number}: {owner} is de nieuwe eigenaar.",
        "{number}: {owner} is the new owner.",
    ),
    "chat.did.mark_handled": ("{number}: afgehandeld.", "{number}: handled."),
    "chat.did.evaluate": (
        "{number}: evaluatie vastgelegd; de klant is nog niet akkoord.",
        "{number}: evaluation recorded; the customer does not agree yet.",
    ),
    "chat.did.evaluate.agreed": (
        "{number}: evaluatie vastgelegd; de klant is akkoord.",
        "{number}: evaluation recorded; the customer agrees.",
    ),
    "chat.did.close": ("{number}: dossier gesloten.", "{number}: dossier closed."),
    "chat.did.reopen": ("{number}: dossier heropend.", "{number}: dossier reopened."),
    "chat.did.extend_term": (
        "{number}: beslistermijn verlengd tot {new_due}.",
        "{number}: decision term extended to {new_due}.",
    ),
    # -- files -----------------------------------------------------------------------------
    "chat.file_needs_number": (
        "Bij welk dossier hoort dit bestand? Stuur het nog eens met het dossiernummer in het"
        " bericht, bijvoorbeeld: K-2026-0001. Er is niets bewaard.",
        "Which dossier does this file belong to? Send it again with the dossier number in the"
        " message, for example: K-2026-0001. Nothing was stored.",
    ),
    "chat.file_kept": (
        "{count} bestand(en) bewaard bij {number}.",
        "{count} file(s) kept with {number}.",
    ),
    "chat.file_unavailable": (
        "Klachtenbot kon het bestand {name} niet ophalen; het is niet bewaard. Stuur het nog"
        " eens in de draad.",
        "Klachtenbot could not fetch the file {name}; it was not stored. Please send it in the"
        " thread again.",
    ),
}
