"""The paper trail the bot writes: the acknowledgement letter, the protocol handout,
and the copy of a phone or website complaint, as PDF (fpdf2, with DejaVu Sans
embedded so that é, ë and ï print on every reader)."""
