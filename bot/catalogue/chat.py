"""Messages of the chat layer: the same sentence in every chat."""

MESSAGES: dict[str, tuple[str, str]] = {
    "chat.unknown_command": (
        "Dat ken ik niet: '{text}'.",
        "I do not know that: '{text}'.",
    ),
    "chat.confirm": (
        "'{action}' vastleggen bij dossier {number}?",
        "Record '{action}' on dossier {number}?",
    ),
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
    "chat.person_not_known": (
        "Deze persoon is niet bekend bij Klachtenbot. Vraag een beheerder om hem of haar toe"
        " te voegen.",
        "This person is not known to Klachtenbot. Ask a beheerder to add them.",
    ),
}
