"""The company as its letters show it: name, address, logo and signature, from settings."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

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
    letter_template: Path | None = None
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
            committee=settings.complaints_committee,
        )

    def problems(self) -> list[str]:
        """Configured files that cannot be read (said once at start, not in every letter)."""
        return [
            str(path)
            for path in (self.logo, self.signature, self.letter_template)
            if path is not None and not path.is_file()
        ]
