"""Messages of intake and the paper trail: the web form, scans, letters, e-mail."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- uploaded documents ------------------------------------------------------------
    "document.empty": ("Het bestand is leeg.", "The file is empty."),
    "document.too_large": (
        "Het bestand is te groot ({size}); het mag hoogstens {max} zijn.",
        "The file is too large ({size}); it may be at most {max}.",
    ),
    "document.type": (
        "Dit bestand wordt geweigerd: alleen PDF, JPEG, PNG of HEIC (een scan of foto van de"
        " brief of het formulier). Klachtenbot kijkt naar de inhoud van het bestand, niet naar"
        " de naam.",
        "This file is refused: only PDF, JPEG, PNG or HEIC (a scan or photo of the letter or"
        " form). Klachtenbot looks at the file's content, not at its name.",
    ),
    "document.executable": (
        "Dit bestand is een programma of script, ook al heeft het misschien een andere naam."
        " Het wordt geweigerd. Stuur een scan of foto als PDF, JPEG, PNG of HEIC.",
        "This file is a program or script, whatever its name may say. It is refused. Send a"
        " scan or photo as PDF, JPEG, PNG or HEIC.",
    ),
    "document.active_pdf": (
        "Deze PDF bevat scripts, ingesloten bestanden of acties die programma's starten; een"
        " scan heeft die nooit. Hij wordt geweigerd. Scan de brief opnieuw of stuur een foto.",
        "This PDF holds scripts, embedded files or actions that start programs; a scan never"
        " does. It is refused. Scan the letter again or send a photo.",
    ),
    "document.unreadable_pdf": (
        "Deze PDF is beschadigd of zo opgebouwd dat Klachtenbot niet kan nagaan of hij veilig"
        " is. Hij wordt geweigerd. Scan de brief opnieuw of stuur een foto.",
        "This PDF is damaged or built in a way that Klachtenbot cannot check for safety. It is"
        " refused. Scan the letter again or send a photo.",
    ),
    "document.unknown": ("Document {id} bestaat niet.", "Document {id} does not exist."),
    # -- the website form ---------------------------------------------------------------
    "intake.thanks": (
        "Hartelijk dank. Wij hebben uw klacht ontvangen onder nummer {number}. Binnen 5"
        " werkdagen ontvangt u een ontvangstbevestiging.",
        "Thank you. We received your complaint under number {number}. Within 5 working days"
        " you will receive an acknowledgement.",
    ),
    "intake.invalid": (
        "Niet alle velden zijn goed ingevuld.",
        "Not every field was filled in correctly.",
    ),
    "intake.bad_body": (
        "Het formulier kon niet gelezen worden.",
        "The form could not be read.",
    ),
    "intake.content_type": (
        "Stuur het formulier als JSON of als gewoon webformulier (form-encoded).",
        "Send the form as JSON or as a plain web form (form-encoded).",
    ),
    "intake.too_large": (
        "Het formulier is te groot (hoogstens {max} kB).",
        "The form is too large (at most {max} kB).",
    ),
    "intake.unauthorized": (
        "Niet geautoriseerd: een geldig token of een geldige handtekening ontbreekt.",
        "Not authorised: a valid token or a valid signature is missing.",
    ),
    "intake.too_many": (
        "Te veel formulieren achter elkaar. Probeer het over {minutes} minuten opnieuw of bel ons.",
        "Too many forms in a row. Try again in {minutes} minutes or call us.",
    ),
    "intake.unavailable": (
        "Het formulier kan nu niet verwerkt worden. Probeer het later opnieuw of bel ons.",
        "The form cannot be processed now. Please try again later or call us.",
    ),
    "intake.contact_required": (
        "Vul uw e-mailadres of telefoonnummer in, zodat wij contact met u kunnen opnemen.",
        "Fill in your e-mail address or phone number, so that we can contact you.",
    ),
    "intake.consent_required": (
        "Geef toestemming om contact met u op te nemen; zonder dat kunnen wij uw klacht niet"
        " behandelen.",
        "Give permission to contact you; without it we cannot handle your complaint.",
    ),
    "intake.phone": (
        "Dit is geen geldig telefoonnummer.",
        "This is not a valid phone number.",
    ),
    "intake.claimed_number": (
        "Klantnummer volgens de klant: {number} (nog niet bevestigd).",
        "Customer number according to the customer: {number} (not confirmed yet).",
    ),
    "intake.consent_given": (
        "De klant gaf via de website toestemming om contact op te nemen.",
        "The customer gave permission on the website to be contacted.",
    ),
    # -- the coordinator's notice for a web form -------------------------------------------
    "intake.notice_title": (
        "Nieuwe klacht via de website: {number}",
        "New complaint from the website: {number}",
    ),
    "intake.notice_text": (
        "Vul de registratie aan: bevestig het klantnummer en voeg de behandelaar toe.",
        "Complete the registration: confirm the customer number and add the practitioner.",
    ),
    "intake.notice_claimed": ("Klantnummer volgens de klant", "Customer number (customer says)"),
    "intake.notice_unchecked": ("{number}, nog niet gecontroleerd", "{number}, not checked yet"),
    "intake.notice_none": ("niet opgegeven", "not given"),
    "intake.confirm_number": (
        "Klantnummer {number} bevestigen",
        "Confirm customer number {number}",
    ),
    "intake.complete": (
        "Behandelaar en gegevens aanvullen",
        "Add practitioner and details",
    ),
    "intake.note_on": (
        "Webformulier: POST /intake/webform (token of HMAC-handtekening vereist).",
        "Web form: POST /intake/webform (token or HMAC signature required).",
    ),
    "intake.note_off": (
        "Webformulier: uit (zet KLACHTENBOT_INTAKE_TOKEN om het aan te zetten).",
        "Web form: off (set KLACHTENBOT_INTAKE_TOKEN to turn it on).",
    ),
    # -- e-mail ---------------------------------------------------------------------------
    "email.subject": (
        "Ontvangstbevestiging van uw klacht ({number})",
        "Acknowledgement of your complaint ({number})",
    ),
    "email.body": (
        "Geachte {customer},\n\nIn de bijlage vindt u de bevestiging dat wij uw klacht hebben"
        " ontvangen (dossiernummer {number}).\n\nMet vriendelijke groet,\n\n{coordinator}\n"
        "coördinator klachten, {company}\n",
        "Dear {customer},\n\nAttached is the confirmation that we received your complaint"
        " (file number {number}).\n\nKind regards,\n\n{coordinator}\n"
        "complaints coordinator, {company}\n",
    ),
    "email.delayed_title": (
        "Ontvangstbevestiging {number} nog niet verstuurd",
        "Acknowledgement {number} not sent yet",
    ),
    "email.delayed_text": (
        "De mailserver nam de ontvangstbevestiging niet aan ({error}). Klachtenbot probeert"
        " het automatisch opnieuw; de bevestiging staat pas als verstuurd in het dossier als"
        " het gelukt is.",
        "The mail server did not accept the acknowledgement ({error}). Klachtenbot retries"
        " automatically; the dossier shows it as sent only once it went out.",
    ),
    "email.failed_title": (
        "Ontvangstbevestiging {number} NIET verstuurd",
        "Acknowledgement {number} NOT sent",
    ),
    "email.failed_text": (
        "De ontvangstbevestiging kon niet per e-mail verstuurd worden ({error}). Controleer"
        " het e-mailadres of de mailinstellingen en probeer opnieuw, of verstuur de brief per"
        " post.",
        "The acknowledgement could not be e-mailed ({error}). Check the e-mail address or the"
        " mail settings and try again, or send the letter by post.",
    ),
    "email.unrecorded_title": (
        "Ontvangstbevestiging {number} verstuurd, niet vastgelegd",
        "Acknowledgement {number} sent, not recorded",
    ),
    "email.unrecorded_text": (
        "De mailserver heeft de ontvangstbevestiging aangenomen, maar Klachtenbot kon dat niet"
        " in het dossier vastleggen ({error}). Leg de verzending zelf vast.",
        "The mail server accepted the acknowledgement, but Klachtenbot could not record it in"
        " the dossier ({error}). Record the sending yourself.",
    ),
    "email.note_on": ("E-mail: via {host}:{port}.", "E-mail: through {host}:{port}."),
    "email.note_off": (
        "E-mail: uit (zet KLACHTENBOT_SMTP_HOST en KLACHTENBOT_SMTP_FROM).",
        "E-mail: off (set KLACHTENBOT_SMTP_HOST and KLACHTENBOT_SMTP_FROM).",
    ),
    "letter.note_missing": (
        "Briefpapier: bestand niet gevonden: {path}.",
        "Letterhead: file not found: {path}.",
    ),
    # -- letters -------------------------------------------------------------------------
    "letter.email_off": (
        "Versturen per e-mail staat niet aan. Verstuur de brief per post en leg dat vast.",
        "Sending by e-mail is not turned on. Send the letter by post and record that.",
    ),
    "letter.no_email": (
        "Van de klant van dossier {number} is geen e-mailadres bekend. Vul het aan of"
        " verstuur de brief per post.",
        "No e-mail address is known for the customer of dossier {number}. Add it or send the"
        " letter by post.",
    ),
    "letter.page": ("pagina {page} van {pages}", "page {page} of {pages}"),
    "letter.acknowledgement_title": (
        "Ontvangstbevestiging {number}",
        "Acknowledgement {number}",
    ),
    "letter.protocol_title": (
        "Klachtenprocedure",
        "Complaints procedure",
    ),
    "letter.our_website": ("onze website", "our website"),
    "letter.committee": (
        "de geschillencommissie van de branche",
        "the trade's disputes committee",
    ),
    "letter.channel.telefoon": ("telefonisch", "by phone"),
    "letter.channel.website": ("via onze website", "through our website"),
    "letter.channel.ontevredenheidsformulier": (
        "via een ontevredenheidsformulier",
        "on a dissatisfaction form",
    ),
    "letter.channel.brief": ("per brief", "by letter"),
    "letter.copy_title": ("Kopie van de klacht {number}", "Copy of complaint {number}"),
    "letter.copy.number": ("Dossiernummer", "File number"),
    "letter.copy.registered": ("Geregistreerd", "Registered"),
    "letter.copy.registered_value": ("{at} door {by}", "{at} by {by}"),
    "letter.copy.unknown": ("onbekend", "unknown"),
    # -- the protocol in chat ---------------------------------------------------------------
    "protocol.text": (
        "Klachtenprocedure, in het kort:\n"
        "1. Komt u er met uw behandelaar niet uit, dan kunt u een klacht indienen: via de"
        ' website ("Is alles naar wens?"), met een ontevredenheidsformulier, per brief of'
        " telefonisch.\n"
        "2. Binnen 5 werkdagen krijgt u een ontvangstbevestiging met het dossiernummer.\n"
        "3. De coördinator klachten bepaalt wie uw klacht behandelt; die neemt contact met u"
        " op. Meestal nodigen wij u uit in de winkel, bij uitzondering komen wij bij u thuis.\n"
        "4. Na 2 weken vraagt de coördinator naar de stand van zaken; lukt het niet, dan"
        " beslist de directie mee.\n"
        "5. Na de afhandeling evalueren wij kort met u; het dossier sluit pas met uw akkoord.\n"
        "De volledige procedure staat in de bijgevoegde PDF om te printen.",
        "The complaints procedure, in short (the printable version is in Dutch):\n"
        "1. If you cannot resolve it with your practitioner, you can file a complaint: on the"
        ' website ("Is alles naar wens?"), with a dissatisfaction form, by letter or by phone.\n'
        "2. Within 5 working days you receive an acknowledgement with the file number.\n"
        "3. The complaints coordinator decides who handles your complaint; they contact you."
        " Usually we invite you to the shop, exceptionally we visit you at home.\n"
        "4. After 2 weeks the coordinator asks for the status; if it does not work out, the"
        " management decides too.\n"
        "5. After handling we briefly evaluate with you; the file closes only with your"
        " agreement.\n"
        "The full procedure is in the attached PDF, for printing.",
    ),
}
