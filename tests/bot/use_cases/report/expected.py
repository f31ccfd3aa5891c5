"""The scenario's report, counted by hand (see scenario.py for the steps and dates)."""

from __future__ import annotations

from typing import Any

from tests.bot.use_cases.report.scenario import A, B, C, D, E, F, G

APRIL = {  # A and B
    "month": "2026-04",
    "received": 2,
    "acknowledged": 2,
    "acknowledged_within_term": 2,  # A after 4 working days (Easter), B after 5 (King's Day)
    "acknowledged_within_term_pct": 100.0,
    "acknowledged_late": 0,
    "acknowledgement_overdue": 0,
    "acknowledgement_pending": 0,
    "acknowledgement_working_days_median": 4,  # of 4, 5
    "acknowledgement_working_days_p90": 5,
    "handled": 2,
    "days_to_handled_median": 16,  # B: 20 April to 6 May; A: 2 to 20 April is 18
    "days_to_handled_p90": 18,
    "responded_within_term": 2,
    "responded_within_term_pct": 100.0,
    "response_overdue": 0,
    "term_extended": 0,
    "escalated": 1,  # B
    "escalated_pct": 50.0,
    "reopened": 0,
    "evaluated": 2,
    "evaluation_agreed": 1,  # A
    "evaluation_disagreed": 1,  # B
    "closed": 1,  # A, on 23 April: 21 days
    "closed_with_agreement": 1,
    "closed_with_agreement_pct": 50.0,
    "days_to_closed_median": 21,
    "days_to_closed_p90": 21,
}

MAY = {  # C, E and D
    "month": "2026-05",
    "received": 3,
    "acknowledged": 2,
    "acknowledged_within_term": 1,  # E, the same day
    "acknowledged_within_term_pct": 33.3,
    "acknowledged_late": 1,  # C, after 6 working days
    "acknowledgement_overdue": 1,  # D: the term ended on Friday 5 June
    "acknowledgement_pending": 0,
    "acknowledgement_working_days_median": 0,  # of 0, 6
    "acknowledgement_working_days_p90": 6,
    "handled": 1,  # C, handled again on 22 May after its reopening: 15 days
    "days_to_handled_median": 15,
    "days_to_handled_p90": 15,
    "responded_within_term": 1,
    "responded_within_term_pct": 33.3,
    "response_overdue": 0,
    "term_extended": 1,  # E
    "escalated": 0,
    "escalated_pct": 0.0,
    "reopened": 1,  # C
    "evaluated": 1,
    "evaluation_agreed": 1,
    "evaluation_disagreed": 0,
    "closed": 1,  # C, closed again on 27 May: 20 days
    "closed_with_agreement": 1,
    "closed_with_agreement_pct": 33.3,
    "days_to_closed_median": 20,
    "days_to_closed_p90": 20,
}

REPORT: dict[str, Any] = {
    "period": {"from": "2026-04-01", "to": "2026-05-31"},
    "as_of": "2026-06-10T09:00:00+00:00",
    "acknowledgement_term_working_days": 5,
    "received": 5,
    "acknowledged": 4,
    "acknowledged_within_term": 3,
    "acknowledged_within_term_pct": 60.0,
    "acknowledged_late": 1,
    "acknowledgement_overdue": 1,
    "acknowledgement_pending": 0,
    "acknowledgement_working_days_median": 4,  # of 0, 4, 5, 6: the 2nd
    "acknowledgement_working_days_p90": 6,  # the 4th
    "handled": 3,
    "days_to_handled_median": 16,  # of 15, 16, 18
    "days_to_handled_p90": 18,
    "responded_within_term": 3,
    "responded_within_term_pct": 60.0,
    "response_overdue": 0,
    "term_extended": 1,
    "escalated": 1,
    "escalated_pct": 20.0,
    "reopened": 1,
    "evaluated": 3,
    "evaluation_agreed": 2,
    "evaluation_disagreed": 1,
    "closed": 2,
    "closed_with_agreement": 2,
    "closed_with_agreement_pct": 40.0,
    "days_to_closed_median": 20,  # of 20, 21
    "days_to_closed_p90": 21,
    "by_channel": {"telefoon": 2, "website": 1, "ontevredenheidsformulier": 1, "brief": 1},
    "by_severity": {"laag": 1, "middel": 2, "hoog": 2},
    "by_product": {"Schoen": 3, "Steunzool": 1, "onbekend": 1},
    "by_practitioner": {"Els": 2, "Jan": 2, "onbekend": 1},
    "directie_choices": {"nieuwe_eigenaar": 0, "directie_neemt_over": 0, "advies": 1},
    "referred_to_committee": 1,  # B: the customer did not agree
    "escalated_dossiers": [B],
    # Customer 100 (A, B, D) and customer 300 (E, with F in March): C's and G's are alone
    # or outside the period.
    "repeat_customers": 2,
    "repeat_dossiers": [A, B, E, D],
    # Now: F, D and G are received, E is assigned, B evaluated; A and C are closed.
    "open_now": 5,
    "open_by_stage": {
        "ontvangen": 3,
        "toegewezen": 1,
        "in_behandeling": 0,
        "geescaleerd": 0,
        "afgehandeld": 0,
        "geevalueerd": 1,
    },
    "open_by_owner": {"-": 3, "Piet Jansen": 1, "Sanne Smit": 1},
    # F's decision term (1 May: no written response ever went), D's acknowledgement
    # (5 June), E's status check and G's acknowledgement (both 9 June).
    "overdue_now": 4,
    "overdue_by_kind": {
        "ontvangstbevestiging": 2,
        "statuscheck": 1,
        "beslistermijn": 1,
        "evaluatie": 0,
    },
    "overdue_dossiers": [F, D, E, G],
    "months": [APRIL, MAY],
}

assert C  # named in the comments above
