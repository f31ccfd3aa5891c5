"""The parity spec: every interaction a person can have with Klachtenbot, once.

Each row is one thing a person does (a command with one of its argument forms, a
button of the dossier's card, a card task, a note or a file in the dossier's
thread), the stage the dossier is in beforehand, who may do it, what it records,
and what everyone else is told instead. `test_parity.py` runs every row for every
role on Slack and on Teams and compares what each shows and records.

How to read a row:

    row(name, what the person does, dossier stage, who may, what it records, refusal)

- *who may*: the roles for whom it is done (the others are refused, with the
  catalogue key in the last column, or one of the keys there: who may not even read
  the dossier is told that instead). "all" is every role the bot knows; the unknown
  person is never served and is never recorded.
- *what it records*: the steps added to the dossier's timeline, in order ("-": none).
- A button's form is filled with `fill`; `@owner` names a person, as each chat
  lets one pick a colleague.
- A notice row (`notice:...`) is caused by someone else's step or by the deadline
  sweep at a moment; per role it compares what that person was sent: their direct
  messages and the posts in their role's channel (the coordinators', the directie's).
"""

from __future__ import annotations

from dataclasses import dataclass, field

ROLES = ("coordinator", "owner", "directie", "beheerder", "unknown")
PLATFORMS = ("slack", "teams")
ALL = frozenset(ROLES) - {"unknown"}
NUMBER = "K-2026-0001"


@dataclass(frozen=True)
class Row:
    name: str  # the test's id
    does: str  # what the person does: a command typed, or `button:ACTION`, `task:TASK`,
    #            `note`, `file`
    stage: str  # the dossier's stage beforehand; "-": there is no dossier
    may: frozenset[str]  # the roles for whom it is done
    records: tuple[str, ...]  # the steps the timeline gains when it is done
    refusal: str = ""  # the catalogue key the others are refused with ("" when shown alike)
    fill: dict[str, str] = field(default_factory=dict)  # the form, filled in
    data: dict[str, str] = field(default_factory=dict)  # which of several buttons
    card_of: str = "coordinator"  # whose card offers the button
    grants: str = ""  # for `rol`: who has which roles afterwards

    @property
    def kind(self) -> str:
        return (
            self.does.split(":")[0]
            if ":" in self.does
            else (self.does if self.does in ("note", "file") else "command")
        )


def row(
    name: str,
    does: str,
    stage: str,
    may: str,
    records: str = "-",
    refusal: str = "",
    **extra: object,
) -> Row:
    roles = ALL if may == "all" else frozenset(may.split()) if may != "-" else frozenset()
    steps = () if records == "-" else tuple(records.split())
    return Row(name, does, stage, roles, steps, refusal, **extra)  # type: ignore[arg-type]


C, CO, COD = "coordinator", "coordinator owner", "coordinator owner directie"
READ = "coordinator owner directie"  # who may read a dossier: it holds health data
FORBIDDEN = "role.forbidden"
NO_READ = "role.forbidden_read"
LETTER_OR_NO_READ = "task.letter_forbidden role.forbidden_read"
TICK = "mirror.tick_forbidden"
CD = "coordinator directie"
WHEN = "2026-11-24"

# fmt: off
SPEC: tuple[Row, ...] = (
    # -- commands -----------------------------------------------------------------------------
    #   name               what is typed                       stage        who may  records
    row("help",            "klacht help",                      "-",         "all"),
    row("hulp",            "klacht hulp",                      "-",         "all"),
    row("bare",            "klacht",                           "-",         "all"),
    row("nieuw",           "klacht nieuw",                     "-",         "all"),
    row("new",             "klacht new",                       "-",         "all"),
    row("lijst",           "klacht lijst",                     "ontvangen", "all"),
    row("list",            "klacht list",                      "ontvangen", "all"),
    row("lijst-open",      "klacht lijst open",                "ontvangen", "all"),
    row("lijst-mijn",      "klacht lijst mijn",                "toegewezen", "all"),
    row("list-mine",       "klacht list mine",                 "toegewezen", "all"),
    row("lijst-alle",      "klacht lijst alle",                "gesloten",  "all"),
    row("list-all",        "klacht list all",                  "gesloten",  "all"),
    row("lijst-te-laat",   "klacht lijst te-laat",             "ontvangen", "all"),
    row("list-overdue",    "klacht list overdue",              "ontvangen", "all"),
    row("lijst-onzin",     "klacht lijst onzin",               "ontvangen", "all"),
    row("toon",            f"klacht toon {NUMBER}",            "toegewezen", READ, refusal=NO_READ),
    row("show",            f"klacht show {NUMBER}",            "toegewezen", READ, refusal=NO_READ),
    row("toon-klein",      f"klacht toon {NUMBER.lower()}",    "toegewezen", READ, refusal=NO_READ),
    row("toon-zonder-nummer", "klacht toon",                   "toegewezen", "all"),
    row("toon-onbekend",   "klacht toon K-2026-9999",          "toegewezen", "all"),
    row("rol-vermelding",  "klacht rol @newcomer directie",    "-",         "beheerder",
        refusal="role.forbidden_people", grants="Cor Nieuw: directie"),
    row("rol-naam",        "klacht rol Sanne Smit directie",   "-",         "beheerder",
        refusal="role.forbidden_people", grants="Sanne Smit: directie,medewerker"),
    row("rol-zonder-rol",  "klacht rol",                       "-",         "all"),
    row("rol-onbekende-rol", "klacht rol @newcomer koning",    "-",         "-",
        refusal="role.unknown"),
    row("protocol",        "klacht protocol",                  "-",         "all"),
    row("onbekend-woord",  "klacht banaan",                    "-",         "all"),
    # -- the buttons of the dossier's card: every step of the procedure -------------------------
    #   name               the button                 stage          who may  records
    row("correct",         "button:correct",          "ontvangen",   C,   "correct",
        FORBIDDEN, fill={"customer_phone": "06-99999999"}),
    row("acknowledge",     "button:acknowledge",      "ontvangen",   C,   "acknowledge",
        FORBIDDEN, fill={"sent_on": WHEN, "method": "email"}),
    row("assign",          "button:assign",           "ontvangen",   C,   "assign",
        FORBIDDEN, fill={"owner_id": "@owner", "plan": "winkel"}),
    row("plan-contact",    "button:plan_contact",     "toegewezen",  CO,  "plan_contact",
        FORBIDDEN, fill={"plan": "huisbezoek", "planned_on": "2026-12-01"}),
    row("report-status",   "button:report_status",    "toegewezen",  CO,  "report_status",
        FORBIDDEN, fill={"text": "Klant komt donderdag"}),
    row("add-note",        "button:add_note",         "toegewezen",  COD, "add_note",
        FORBIDDEN, fill={"text": "Klant gebeld"}),
    row("add-document",    "button:add_document",     "toegewezen",  COD, "add_document",
        FORBIDDEN, fill={"title": "Foto", "reference": "https://example.nl/foto"}),
    row("escalate",        "button:escalate",         "toegewezen",  CO,  "escalate",
        FORBIDDEN, fill={"reason": "Klant wil geld terug"}),
    row("decide-advies",   "button:decide",           "geescaleerd", "directie", "decide",
        FORBIDDEN, fill={"choice": "advies", "text": "Bied een nieuwe zool"},
        card_of="directie"),
    row("decide-neemt-over", "button:decide",         "geescaleerd", "directie", "decide",
        FORBIDDEN, fill={"choice": "directie_neemt_over", "text": "Ik bel zelf"},
        card_of="directie"),
    row("decide-nieuwe-eigenaar", "button:decide",    "geescaleerd", "directie", "decide",
        FORBIDDEN, fill={"choice": "nieuwe_eigenaar", "text": "Sanne neemt het",
                                "new_owner_id": "@sanne"}, card_of="directie"),
    row("mark-handled",    "button:mark_handled",     "toegewezen",  CO,  "mark_handled",
        FORBIDDEN, fill={"solution": "Zool vervangen"}),
    row("evaluate",        "button:evaluate",         "afgehandeld", C,   "evaluate",
        FORBIDDEN, fill={"outcome": "Tevreden", "customer_agrees": "true"}),
    row("close",           "button:close",            "geevalueerd", C,   "close", FORBIDDEN),
    row("reopen",          "button:reopen",           "gesloten",    C,   "reopen",
        FORBIDDEN, fill={"reason": "Klant belt opnieuw"}),
    row("extend-term",     "button:extend_term",      "ontvangen",   C,   "extend_term",
        FORBIDDEN, fill={"reason": "Wachten op de leverancier", "new_due": "2027-01-20",
                         "customer_informed": "true"}),
    # -- the card's tasks beside the steps ------------------------------------------------------
    row("documents",       "task:documents",          "toegewezen",  READ, "-", NO_READ),
    row("letter-preview",  "task:letter_preview",     "ontvangen",   C,   "-", LETTER_OR_NO_READ),
    row("letter-email",    "task:letter_email",       "ontvangen",   C,   "-", FORBIDDEN),
    row("letter-post",     "task:letter_post",        "ontvangen",   C,
        "acknowledge add_document", FORBIDDEN),
    row("mirror-tick",     "task:mirror_tick",        "ontvangen",   C,   "-", TICK),
    row("mirror-text",     "task:mirror_text",        "ontvangen",   C,   "-", TICK),
    # -- in the dossier's thread ---------------------------------------------------------------
    row("thread-note",     "note",                    "toegewezen",  COD, "add_note", FORBIDDEN),
    row("thread-file",     "file",                    "toegewezen",  COD, "add_document",
        FORBIDDEN),
    # -- what people are sent without asking: after someone's step, or by the deadline sweep ---
    #   (who may: the roles that are told, by direct message or in their role's channel)
    #   name               what causes it                       stage                 told
    row("told-on-assign",  "notice:assign",                     "ontvangen",          CO, "assign"),
    row("told-on-escalate", "notice:escalate",                  "toegewezen",         CD,
        "escalate"),
    row("ack-reminder",    "notice:sweep 2026-11-27T10:00",     "ontvangen",          C),
    row("ack-alarm",       "notice:sweep 2026-12-01T10:00",     "ontvangen",          CD),
    row("status-question", "notice:sweep 2026-12-08T10:00",     "toegewezen-bevestigd", "owner"),
    row("status-reminder", "notice:sweep 2026-12-11T10:00",     "toegewezen-bevestigd", "owner"),
    row("evaluation-reminder", "notice:sweep 2026-12-02T10:00", "afgehandeld",        C),
    row("decision-warning", "notice:sweep 2026-12-28T10:00",    "ontvangen",          CD),
)
# fmt: on


def size() -> tuple[int, int, int]:
    """The spec's size: interactions × roles × platforms."""
    return len(SPEC), len(ROLES), len(PLATFORMS)


# -- where the two chats differ today, for no platform reason ------------------------------------
# (row, role) → what differs. Each is an expected failure until it is gone: the test then
# fails, saying to remove the entry here. What is recorded must agree even so, except in
# the rows of RECORDED_DIFFERENTLY.
KNOWN = ("coordinator", "owner", "directie", "beheerder")
_WHY: dict[str, tuple[str, tuple[str, ...], tuple[str, ...]]] = {
    # what differs: (rows, roles)
    "someone the bot does not know: Slack says `slack.unknown_user` (one sentence, and"
    " help and protocol are still answered), Teams shows `teams.unknown_title` and"
    " `teams.unknown` (a welcome card naming their Entra id) to everything": (
        tuple(r.name for r in SPEC if r.kind != "notice"),
        ("unknown",),
    ),
    "help: `slack.help` and `teams.help` are two texts (title and lines differ), not one"
    " text with the platform's way of typing the command": (("help", "hulp", "lijst-onzin"), KNOWN),
    "`rol` alone: `slack.role_usage` and `teams.role_usage` differ (Teams names the name form)": (
        ("rol-zonder-rol",),
        KNOWN,
    ),
    "`protocol`: `slack.protocol` and `teams.protocol` are two texts of the procedure": (
        ("protocol",),
        KNOWN,
    ),
    "an unknown word: Slack says `slack.unknown_subcommand` and the help, Teams the help alone": (
        ("onbekend-woord",),
        KNOWN,
    ),
    "the answer after a step: Slack's `slack.acted` names the dossier ('K-2026-0001: ..."
    " is vastgelegd'), Teams' `teams.done` does not": (
        tuple(r.name for r in SPEC if r.kind == "button"),
        KNOWN,
    ),
    "the letter by e-mail or post, by someone who may not read the dossier: Teams first"
    " looks for the button's confirmation and answers `role.forbidden_read`, Slack runs"
    " the task and the core answers `role.forbidden`": (
        ("letter-email", "letter-post"),
        ("owner", "beheerder"),
    ),
}
DRIFT: dict[tuple[str, str], str] = {}
# The rows whose difference is not only in words: what is recorded differs too.
RECORDED_DIFFERENTLY: frozenset[str] = frozenset()
for _why, (_rows, _roles) in _WHY.items():
    for _row in SPEC:
        if _row.name in _rows:
            for _role in _roles:
                # A step's answer differs only for those who may take the step.
                if "slack.acted" not in _why or _role in _row.may:
                    DRIFT.setdefault((_row.name, _role), _why)
