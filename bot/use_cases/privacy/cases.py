"""The privacy use cases of one bot, built together by the composition root."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from bot.use_cases.documents import DocumentRepository
from bot.use_cases.ports import UnitOfWork
from bot.use_cases.privacy.anonymise import Anonymiser
from bot.use_cases.privacy.erase import Erasure
from bot.use_cases.privacy.export import Export
from bot.use_cases.privacy.ports import FreeSpace, PrivacyRepository
from bot.use_cases.privacy.retention import Retention
from bot.use_cases.services import Complaints


@dataclass(frozen=True)
class Privacy:
    anonymiser: Anonymiser
    retention: Retention
    export: Export
    erasure: Erasure


def privacy(
    complaints: Complaints,
    repository: Callable[[UnitOfWork], PrivacyRepository],
    documents: Callable[[UnitOfWork], DocumentRepository],
    free_space: FreeSpace,
    platforms: list[str],
    retention_months: int,
) -> Privacy:
    anonymiser = Anonymiser(complaints, repository, platforms)
    return Privacy(
        anonymiser=anonymiser,
        retention=Retention(complaints.uow, repository, anonymiser, free_space, retention_months),
        export=Export(complaints, repository, documents),
        erasure=Erasure(anonymiser, repository, free_space),
    )
