"""The company as its letters show it: name, address, logo and signature, from settings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from bot.catalogue import t
from bot.settings import Settings


@dataclass(frozen=True)
class Company:
    name: str
    address: tuple[str, ...] = ()
    phone: str | None = None
    email: str | None = None
    website: str | None = None
    logo: Path | None = None
    signature: Path | None = None
    letter_template: Path | None = None  # the acknowledgement's own replacement
    letter_templates: Path | None = None  # a folder of replacements, by file name
    letterhead_paper: bool = False  # the letterhead is pre-printed: print none
    committee: str = ""  # where a customer can go who disagrees with the outcome

    @classmethod
    def from_settings(cls, settings: Settings) -> Company:
        lines = settings.company_address.replace("\n", "|").split("|")
        return cls(
            name=settings.company_name,
            address=tuple(line.strip() for line in lines if line.strip()),
            phone=settings.company_phone,
            email=settings.company_email,
            website=settings.company_website,
            logo=settings.company_logo,
            signature=settings.company_signature,
            letter_template=settings.company_letter_template,
            letter_templates=settings.company_letter_templates,
            letterhead_paper=settings.company_letterhead_paper,
            committee=settings.complaints_committee,
        )

    @property
    def city(self) -> str:
        """The town of the last address line ("5611 AB Eindhoven" → "Eindhoven")."""
        return self.address[-1].split(" ", 2)[-1] if self.address else ""

    def letterhead_lines(self) -> list[str]:
        """The address, then each way to reach the company with its label."""
        lines = list(self.address)
        for label, value in (
            ("letter.label_phone", self.phone),
            ("letter.label_email", self.email),
            ("letter.label_website", self.website),
        ):
            if value:
                lines.append(t(label, value=value))
        return lines

    def template(self, name: str) -> Path | None:
        """The company's own text for the letter `name`, when it has one."""
        if name == "ontvangstbevestiging" and self.letter_template is not None:
            return self.letter_template
        if self.letter_templates is not None:
            return self.letter_templates / f"{name}.txt"
        return None

    def problems(self) -> list[str]:
        """Configured files that cannot be read (said once at start, not in every letter)."""
        paths = [self.logo, self.signature, self.letter_template]
        missing = [str(p) for p in paths if p is not None and not p.is_file()]
        if self.letter_templates is not None and not self.letter_templates.is_dir():
            missing.append(str(self.letter_templates))
        return missing
