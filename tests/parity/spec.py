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
- A form row (`form:...`) types the command and submits the form it opens, filled
  with `fill`: the registration.
- A race row (`race:ACTION`) is the button's step meeting a concurrent change: right
  after the step read the dossier, the coordinator's note is committed on another
  connection, so the step loses on the dossier's version and is tried again, once.
  Only PostgreSQL lets two writers interleave (SQLite queues them: BEGIN IMMEDIATE),
  so race rows run there only.
- A notice row (`notice:...`) is caused by someone else's step, the deadline sweep
  at a moment (after the sweeps at the moments before it, which are not counted), the
  coordinator's morning digest, or Orthomatic refusing what the mirror sent; per role
  it compares what that person was sent: their direct messages and the posts in their
  role's channel (the coordinators', the directie's).
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
    #            `form:COMMAND`, `race:ACTION`, `note`, `file`, `notice:CAUSE`
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
TICK = "mirror.tick_forbidden role.forbidden_read"
FORBIDDEN_OR_NO_READ = "role.forbidden role.forbidden_read"
LETTER_FORBIDDEN = "letter.forbidden role.forbidden_read"
WRITE_OR_NO_READ = "letter.forbidden role.forbidden_read"
CD = "coordinator directie"
REPORT = "report.forbidden"
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
    row("role",            "klacht role Sanne Smit directie",  "-",         "beheerder",
        refusal="role.forbidden_people", grants="Sanne Smit: directie,medewerker"),
    row("rol-zonder-rol",  "klacht rol",                       "-",         "all"),
    row("rol-onbekende-rol", "klacht rol @newcomer koning",    "-",         "-",
        refusal="role.unknown"),
    # -- people come and go: a role taken away, someone deactivated and let in again --------------
    row("intrekken",       "klacht intrekken @sanne medewerker", "-",       "beheerder",
        refusal="role.forbidden_people", grants="Sanne Smit: "),
    row("revoke",          "klacht revoke Sanne Smit medewerker", "-",      "beheerder",
        refusal="role.forbidden_people", grants="Sanne Smit: "),
    row("intrekken-niet-gehad", "klacht intrekken @sanne directie", "-",    "-",
        refusal="role.forbidden_people people.role_not_held"),
    row("intrekken-zonder-rol", "klacht intrekken @sanne",     "-",         "all"),
    row("deactiveer",      "klacht deactiveer @sanne",         "-",         "beheerder",
        refusal="role.forbidden_people", grants="Sanne Smit: medewerker,inactief"),
    row("deactivate",      "klacht deactivate Sanne Smit",     "-",         "beheerder",
        refusal="role.forbidden_people", grants="Sanne Smit: medewerker,inactief"),
    row("deactiveren",     "klacht deactiveren Sanne Smit",    "-",         "beheerder",
        refusal="role.forbidden_people", grants="Sanne Smit: medewerker,inactief"),
    row("deactiveer-zonder-naam", "klacht deactiveer",         "-",         "all"),
    row("activeer",        "klacht activeer @sanne",           "-+inactief:sanne", "beheerder",
        refusal="role.forbidden_people", grants="Sanne Smit: medewerker"),
    row("activate",        "klacht activate Sanne Smit",       "-+inactief:sanne", "beheerder",
        refusal="role.forbidden_people", grants="Sanne Smit: medewerker"),
    row("activeren",       "klacht activeren Sanne Smit",      "-+inactief:sanne", "beheerder",
        refusal="role.forbidden_people", grants="Sanne Smit: medewerker"),
    row("activeer-zonder-naam", "klacht activeer",             "-",         "all"),
    #   a deactivated owner is refused everywhere, told why; the others go on
    row("lijst-na-deactivatie", "klacht lijst",                "ontvangen+inactief:owner",
        "coordinator directie beheerder", refusal="person.inactive"),
    row("toon-na-deactivatie", f"klacht toon {NUMBER}",        "toegewezen+inactief:owner",
        "coordinator directie", refusal="person.inactive role.forbidden_read"),
    #   the hold: a closed dossier kept past its retention for a dispute (the coordinator's)
    row("bewaar",          f"klacht bewaar {NUMBER} klant naar de commissie", "gesloten", C,
        "hold", FORBIDDEN_OR_NO_READ),
    row("hold",            f"klacht hold {NUMBER} naar de commissie", "gesloten", C,
        "hold", FORBIDDEN_OR_NO_READ),
    row("bewaren-zonder-reden", f"klacht bewaren {NUMBER}",   "gesloten",  "all"),
    row("vrijgeven-niets", f"klacht vrijgeven {NUMBER}",       "gesloten",  "-",
        refusal="hold.none role.forbidden role.forbidden_read"),
    row("release-zonder-nummer", "klacht release",             "gesloten",  "all"),
    row("protocol",        "klacht protocol",                  "-",         "all"),
    #   the management report: the coordinator and the directie only, whatever the period
    row("rapport",         "klacht rapport",                   "ontvangen", CD,  refusal=REPORT),
    row("report",          "klacht report",                    "ontvangen", CD,  refusal=REPORT),
    row("rapport-maand",   "klacht rapport maand",             "ontvangen", CD,  refusal=REPORT),
    row("rapport-kwartaal", "klacht rapport kwartaal",         "ontvangen", CD,  refusal=REPORT),
    row("rapport-jaar",    "klacht rapport jaar",              "ontvangen", CD,  refusal=REPORT),
    row("report-year",     "klacht report year",               "ontvangen", CD,  refusal=REPORT),
    row("rapport-datums",  "klacht rapport 2026-01-01 2026-12-31", "ontvangen", CD,
        refusal=REPORT),
    row("rapport-onzin",   "klacht rapport gisteren",          "ontvangen", CD,  refusal=REPORT),
    row("rapport-omgekeerd", "klacht rapport 2026-12-31 2026-01-01", "ontvangen", CD,
        refusal=REPORT),
    row("onbekend-woord",  "klacht banaan",                    "-",         "all"),
    row("nieuw-indienen",  "form:klacht nieuw",                "-",         C,   "register",
        FORBIDDEN, fill={"channel": "telefoon", "customer_name": "Dhr. K. Visser",
                         "customer_phone": "06-11112222", "summary": "Zool laat los"}),
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
    row("mark-handled-na-deactivatie", "button:mark_handled", "toegewezen+inactief:owner", C,
        "mark_handled", "role.forbidden person.inactive", fill={"solution": "Zool vervangen"}),
    row("evaluate",        "button:evaluate",         "afgehandeld", C,   "evaluate",
        FORBIDDEN, fill={"outcome": "Tevreden", "customer_agrees": "true"}),
    row("close",           "button:close",            "geevalueerd", C,   "close", FORBIDDEN),
    row("reopen",          "button:reopen",           "gesloten",    C,   "reopen",
        FORBIDDEN, fill={"reason": "Klant belt opnieuw"}),
    # The letter steps: the form keeps the letter as a draft, to preview; sending records it.
    row("extend-term",     "button:extend_term",      "ontvangen",   C,   "-",
        FORBIDDEN_OR_NO_READ, fill={"reason": "Wachten op de leverancier",
                                    "new_due": "2027-01-20", "method": "email"}),
    row("respond",         "button:respond",          "toegewezen",  CD,  "-",
        FORBIDDEN_OR_NO_READ, fill={"text": "Wij vervangen de zool", "method": "post"}),
    # -- a step that meets a concurrent change: tried again once, in both chats ----------------
    row("race-note",       "race:add_note",           "toegewezen",  COD, "add_note",
        FORBIDDEN, fill={"text": "Klant gebeld"}),
    # -- the card's tasks beside the steps ------------------------------------------------------
    row("documents",       "task:documents",          "toegewezen",  READ, "-", NO_READ),
    row("letter-preview",  "task:letter_preview",     "ontvangen",   C,   "-", LETTER_OR_NO_READ),
    row("letter-email",    "task:letter_email",       "ontvangen",   C,   "-",
        FORBIDDEN_OR_NO_READ),
    row("letter-post",     "task:letter_post",        "ontvangen",   C,
        "acknowledge add_document", FORBIDDEN_OR_NO_READ),
    row("mirror-tick",     "task:mirror_tick",        "ontvangen",   C,   "-", TICK),
    row("mirror-text",     "task:mirror_text",        "ontvangen",   C,   "-", TICK),
    row("letter-write",    "task:letter_write",       "toegewezen",  C,   "-", WRITE_OR_NO_READ,
        data={"letter": "voortgangsbericht"},
        fill={"text": "Wij bellen u volgende week", "method": "email"}),
    row("letter-post-concept", "task:letter_post",    "concept",     C,   "add_document",
        LETTER_FORBIDDEN),
    row("letter-discard",  "task:letter_discard",     "concept",     C,   "-", LETTER_FORBIDDEN),
    # -- in the dossier's thread ---------------------------------------------------------------
    row("thread-note",     "note",                    "toegewezen",  COD, "add_note", FORBIDDEN),
    row("thread-note-na-deactivatie", "note",         "toegewezen+inactief:owner",
        "coordinator directie", "add_note", "person.inactive role.forbidden"),
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
    row("decision-alarm",  "notice:sweep 2026-12-28T10:00 2027-01-05T10:00", "ontvangen", CD),
    row("status-escalation",
        "notice:sweep 2026-12-08T10:00 2026-12-11T10:00 2026-12-15T12:00",
        "toegewezen-bevestigd", CD, "escalate"),
    row("digest",          "notice:digest 2026-11-30T07:30",    "ontvangen",          C),
    row("orthomatic-refuses", "notice:orthomatic",              "ontvangen",          C),
)
# fmt: on


def size() -> tuple[int, int, int]:
    """The spec's size: interactions × roles × platforms."""
    return len(SPEC), len(ROLES), len(PLATFORMS)


# -- where the two chats differ today, for no platform reason ------------------------------------
# (row, role) → what differs. Each is an expected failure until it is gone: the test then
# fails, saying to remove the entry here. What is recorded must agree even so, except in
# the rows of RECORDED_DIFFERENTLY.
_WHY: dict[str, tuple[tuple[str, ...], tuple[str, ...]]] = {
    # what differs: (rows, roles). Empty: the chats say the same in every case.
}
DRIFT: dict[tuple[str, str], str] = {}
# The rows whose difference is not only in words: what is recorded differs too.
RECORDED_DIFFERENTLY: frozenset[str] = frozenset()
for _why, (_rows, _roles) in _WHY.items():
    for _row in SPEC:
        if _row.name in _rows:
            for _role in _roles:
                DRIFT.setdefault((_row.name, _role), _why)
