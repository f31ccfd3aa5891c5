"""Messages of the card tasks (bot.use_cases.tasks) and download links (bot.use_cases.links)."""

MESSAGES: dict[str, tuple[str, str]] = {
    # -- buttons ----------------------------------------------------------------------------
    "task.documents": ("Documenten", "Documents"),
    "task.letter_write": ("Brief schrijven", "Write a letter"),
    "task.letter_preview": ("Brief bekijken", "View the letter"),
    "task.letter_email": ("Brief e-mailen", "E-mail the letter"),
    "task.letter_email_title": ("Brief e-mailen", "E-mail the letter"),
    "task.letter_email_confirm": (
        "{letter} gaat per e-mail naar {email}, met de brief als PDF. Vastgelegd wordt hij"
        " zodra de mailserver hem heeft aangenomen.",
        "{letter} goes by e-mail to {email}, with the letter as a PDF. It is recorded once"
        " the mail server has accepted it.",
    ),
    "task.letter_post": ("Brief per post verstuurd", "Letter sent by post"),
    "task.letter_post_title": ("Brief per post verstuurd", "Letter sent by post"),
    "task.letter_post_confirm": (
        "Is {letter} per post verstuurd? Dan wordt dat vandaag vastgelegd en komt de brief"
        " in het dossier.",
        "Was {letter} sent by post? Then that is recorded today and the letter goes into"
        " the dossier.",
    ),
    "task.letter_discard": ("Brief weggooien", "Discard the letter"),
    "task.mirror_tick": ("Afvinken", "Tick off"),
    "task.mirror_text": ("Tekst", "Text"),
    "task.mirror_line": ("{what} · {on}", "{what} · {on}"),
    "task.mirror_what.dossier": ("Nieuw dossier, categorie Klacht", "New dossier, category Klacht"),
    "task.mirror_what.contact": ("Klantcontact", "Customer contact"),
    "task.mirror_what.pinboard": ("Document op het prikbord", "Document on the pinboard"),
    "task.mirror_what.erase": (
        "Geanonimiseerd: verwijder ook in Orthomatic de documenten op het prikbord",
        "Anonymised: also remove the documents on the pinboard in Orthomatic",
    ),
    "task.mirror_more": (
        "… en nog {count}; die volgen hier na het afvinken.",
        "… and {count} more; they follow here once these are ticked off.",
    ),
    "task.mirror_paste": (
        "Zet in Orthomatic: {what}, datum {on}. Te plakken tekst:\n{text}",
        "Put in Orthomatic: {what}, date {on}. Text to paste:\n{text}",
    ),
    # -- answers ----------------------------------------------------------------------------
    "task.documents_none": (
        "Bij {number} zijn nog geen documenten opgeslagen.",
        "No documents are stored with {number} yet.",
    ),
    "task.documents_links": (
        "De documenten van {number}. De links zijn alleen voor u en werken 15 minuten.",
        "The documents of {number}. The links are for you only and work for 15 minutes.",
    ),
    "task.links_off": (
        "De documenten van {number}:\n{names}\nDownloadlinks staan uit: de beheerder zet"
        " KLACHTENBOT_PUBLIC_URL (het adres van Klachtenbot) om ze aan te zetten.",
        "The documents of {number}:\n{names}\nDownload links are off: the administrator sets"
        " KLACHTENBOT_PUBLIC_URL (Klachtenbot's address) to turn them on.",
    ),
    "task.links_off_letter": (
        "Downloadlinks staan uit, dus de brief kan hier niet getoond worden: de beheerder zet"
        " KLACHTENBOT_PUBLIC_URL (het adres van Klachtenbot) om ze aan te zetten.",
        "Download links are off, so the letter cannot be shown here: the administrator sets"
        " KLACHTENBOT_PUBLIC_URL (Klachtenbot's address) to turn them on.",
    ),
    "task.letter_preview_ready": (
        "Zo gaat {letter} eruit als u hem nu verstuurt. De link is alleen voor u en werkt"
        " 15 minuten.",
        "This is {letter} as it would go out now. The link is for you only and works for"
        " 15 minutes.",
    ),
    "task.letter_written": (
        "{letter} staat klaar. Bekijk hem hieronder en verstuur hem met de knop op de"
        " dossierkaart; pas dan gaat hij naar de klant.",
        "{letter} is ready. View it below and send it with the button on the dossier card;"
        " only then does it go to the customer.",
    ),
    "task.letter_link": ("{letter} (PDF)", "{letter} (PDF)"),
    "task.letter_forbidden": (
        "Alleen de coördinator verstuurt de brieven van {number}.",
        "Only the coordinator sends the letters of {number}.",
    ),
    "task.letter_emailing": (
        "{letter} staat klaar voor {email}. Zodra de mailserver hem heeft aangenomen, wordt"
        " hij vastgelegd; lukt dat niet, dan hoort u het.",
        "{letter} is ready for {email}. Once the mail server has accepted it, it is"
        " recorded; if that fails, you will be told.",
    ),
    "task.letter_posted": (
        "Vastgelegd: {letter} is per post verstuurd. De brief staat in het dossier.",
        "Recorded: {letter} was sent by post. The letter is in the dossier.",
    ),
    "task.letter_discarded": (
        "De brief voor {number} is weggegooid; er is niets verstuurd.",
        "The letter for {number} was discarded; nothing was sent.",
    ),
    "task.mirror_ticked": (
        "Afgevinkt: {what} ({on}) van {number} staat in Orthomatic.",
        "Ticked off: {what} ({on}) of {number} is in Orthomatic.",
    ),
    "task.protocol_link": (
        "Klachtenprotocol (PDF, om te printen)",
        "Complaints procedure (PDF, to print)",
    ),
    # -- opening a link ---------------------------------------------------------------------
    "link.invalid": (
        "Deze link klopt niet. Vraag in de chat een nieuwe (knop Documenten).",
        "This link is not valid. Ask for a new one in chat (the Documents button).",
    ),
    "link.expired": (
        "Deze link is verlopen. Vraag in de chat een nieuwe (knop Documenten).",
        "This link has expired. Ask for a new one in chat (the Documents button).",
    ),
    "link.refused": (
        "Deze link werkt niet meer voor u: {reason}",
        "This link no longer works for you: {reason}",
    ),
    "link.failed": (
        "Het document kon niet worden gemaakt. Probeer het straks opnieuw.",
        "The document could not be made. Please try again shortly.",
    ),
    "links.note_on": (
        "Downloadlinks: aan, via {url}.",
        "Download links: on, through {url}.",
    ),
    "links.note_off": (
        "Downloadlinks: uit (zet KLACHTENBOT_PUBLIC_URL om documenten vanuit de chat te openen).",
        "Download links: off (set KLACHTENBOT_PUBLIC_URL to open documents from chat).",
    ),
    "links.note_no_secret": (
        "Downloadlinks: zonder KLACHTENBOT_LINK_SECRET werkt een link alleen zolang dit"
        " proces draait; zet het bij meer dan één Klachtenbot.",
        "Download links: without KLACHTENBOT_LINK_SECRET a link works only while this"
        " process runs; set it when running more than one Klachtenbot.",
    ),
}
