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
    "email.body": (
        "{salutation}\n\n{text}\n\nMet vriendelijke groet,\n\n{sender}\n{function}, {company}\n",
        "{salutation}\n\n{text}\n\nKind regards,\n\n{sender}\n{function}, {company}\n",
    ),
    "email.delayed_title": ("{letter} nog niet verstuurd", "{letter} not sent yet"),
    "email.delayed_text": (
        "De mailserver nam de brief niet aan ({error}). Klachtenbot probeert het automatisch"
        " opnieuw; de brief staat pas als verstuurd in het dossier als het gelukt is.",
        "The mail server did not accept the letter ({error}). Klachtenbot retries"
        " automatically; the dossier shows it as sent only once it went out.",
    ),
    "email.failed_title": ("{letter} NIET verstuurd", "{letter} NOT sent"),
    "email.failed_text": (
        "De brief kon niet per e-mail verstuurd worden ({error}). Controleer het e-mailadres"
        " of de mailinstellingen en probeer opnieuw, of verstuur de brief per post.",
        "The letter could not be e-mailed ({error}). Check the e-mail address or the mail"
        " settings and try again, or send the letter by post.",
    ),
    "email.unrecorded_title": (
        "{letter} verstuurd, niet vastgelegd",
        "{letter} sent, not recorded",
    ),
    "email.unrecorded_text": (
        "De mailserver heeft de brief aangenomen, maar Klachtenbot kon dat niet in het"
        " dossier vastleggen ({error}). Leg de verzending zelf vast.",
        "The mail server accepted the letter, but Klachtenbot could not record it in the"
        " dossier ({error}). Record the sending yourself.",
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
    "letter.no_address": (
        "Van de klant van dossier {number} is geen postadres bekend. Vul het aan (Gegevens"
        " aanvullen) of verstuur de brief per e-mail.",
        "No postal address is known for the customer of dossier {number}. Add it (Complete"
        " details) or send the letter by e-mail.",
    ),
    "letter.forbidden": (
        "Alleen de coördinator schrijft de klant van {number}.",
        "Only the coordinator writes to the customer of {number}.",
    ),
    "letter.draft_gone": (
        "Deze brief voor {number} is al verstuurd of vervangen door een nieuwere.",
        "This letter for {number} was already sent or replaced by a newer one.",
    ),
    "letter.other_method": (
        "Deze brief is geschreven om anders te versturen; schrijf hem opnieuw om hem zo te"
        " versturen.",
        "This letter was written to go another way; write it again to send it this way.",
    ),
    "letter.page": ("pagina {page} van {pages}", "page {page} of {pages}"),
    "letter.label_phone": ("Telefoon {value}", "Phone {value}"),
    "letter.label_email": ("E-mail {value}", "E-mail {value}"),
    "letter.label_website": ("Website {value}", "Website {value}"),
    "letter.function.coordinator": ("coördinator klachten", "complaints coordinator"),
    "letter.function.directie": ("directie", "management"),
    "letter.description": ("over uw {product}", "about your {product}"),
    "letter.description_none": (
        "over onze dienstverlening of producten",
        "about our service or products",
    ),
    "letter.submit": ("Brief klaarzetten", "Prepare the letter"),
    "letter.label.method": (
        "Hoe gaat de brief naar de klant",
        "How the letter goes to the customer",
    ),
    "letter.label.text": ("Tekst van de brief", "Text of the letter"),
    "letter.label.description": (
        "Uw klacht … (hoe de brief de klacht noemt)",
        "Your complaint … (how the letter names the complaint)",
    ),
    "letter.label.reason": (
        "Waarom meer tijd nodig is (staat in de brief)",
        "Why more time is needed (the letter says it)",
    ),
    "letter.label.new_due": ("Nieuwe datum voor onze reactie", "New date for our response"),
    "letter.schriftelijke_reactie.label.text": (
        "Onze reactie: wat is gevonden, wat bieden wij aan, en wanneer",
        "Our response: what was found, what we offer, and by when",
    ),
    "letter.afsluitbrief.label.text": (
        "Wat met de klant is afgesproken (staat in de brief)",
        "What was agreed with the customer (the letter says it)",
    ),
    # -- the letters, by their name in bot.use_cases.letters.kinds ----------------------------
    "letter.ontvangstbevestiging.title": (
        "Ontvangstbevestiging {number}",
        "Acknowledgement {number}",
    ),
    "letter.ontvangstbevestiging.subject": (
        "Ontvangstbevestiging van uw klacht ({number})",
        "Acknowledgement of your complaint ({number})",
    ),
    "letter.ontvangstbevestiging.email": (
        "In de bijlage vindt u de bevestiging dat wij uw klacht hebben ontvangen (dossiernummer"
        " {number}).",
        "Attached is the confirmation that we received your complaint (file number {number}).",
    ),
    "letter.ontvangstbevestiging.write": (
        "Bevestiging aanpassen",
        "Edit the acknowledgement",
    ),
    "letter.schriftelijke_reactie.title": (
        "Schriftelijke reactie {number}",
        "Written response {number}",
    ),
    "letter.schriftelijke_reactie.subject": (
        "Onze reactie op uw klacht ({number})",
        "Our response to your complaint ({number})",
    ),
    "letter.schriftelijke_reactie.email": (
        "In de bijlage vindt u onze schriftelijke reactie op uw klacht (dossiernummer {number}).",
        "Attached is our written response to your complaint (file number {number}).",
    ),
    "letter.schriftelijke_reactie.write": ("Schriftelijke reactie", "Written response"),
    "letter.verlenging.title": ("Verlenging beslistermijn {number}", "Extension notice {number}"),
    "letter.verlenging.subject": (
        "Meer tijd voor onze reactie op uw klacht ({number})",
        "More time for our response to your complaint ({number})",
    ),
    "letter.verlenging.email": (
        "In de bijlage vindt u onze brief: wij hebben meer tijd nodig voor onze reactie op uw"
        " klacht (dossiernummer {number}).",
        "Attached is our letter: we need more time for our response to your complaint (file"
        " number {number}).",
    ),
    "letter.verlenging.write": ("Beslistermijn verlengen", "Extend decision term"),
    "letter.voortgangsbericht.title": ("Voortgangsbericht {number}", "Progress message {number}"),
    "letter.voortgangsbericht.subject": (
        "De stand van zaken van uw klacht ({number})",
        "How your complaint stands ({number})",
    ),
    "letter.voortgangsbericht.email": (
        "In de bijlage vindt u een bericht over de stand van zaken van uw klacht"
        " (dossiernummer {number}).",
        "Attached is a message on how your complaint stands (file number {number}).",
    ),
    "letter.voortgangsbericht.write": ("Klant informeren", "Inform the customer"),
    "letter.voortgangsbericht.default": (
        "Graag laten wij u weten hoe het met uw klacht staat. Wij zijn met uw klacht bezig en"
        " nemen contact met u op zodra wij meer weten. Uiterlijk op {due} ontvangt u onze"
        " schriftelijke reactie.",
        "We would like to let you know how your complaint stands. We are working on it and"
        " will contact you as soon as we know more. You will receive our written response by"
        " {due} at the latest.",
    ),
    "letter.afsluitbrief.title": ("Afsluitbrief {number}", "Closing confirmation {number}"),
    "letter.afsluitbrief.subject": (
        "Afsluiting van uw klacht ({number})",
        "Your complaint is closed ({number})",
    ),
    "letter.afsluitbrief.email": (
        "In de bijlage vindt u de bevestiging dat wij uw klacht met uw akkoord afsluiten"
        " (dossiernummer {number}).",
        "Attached is the confirmation that we close your complaint with your agreement (file"
        " number {number}).",
    ),
    "letter.afsluitbrief.write": ("Sluiten met afsluitbrief", "Close with a letter"),
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
