"""Download links: signed for one person and one thing, and short-lived."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from bot.rules.errors import Refused
from bot.use_cases.links import ROUTE, Links, Target

NOW = datetime(2026, 11, 24, 9, 0, tzinfo=UTC)
SCAN = Target("document", "12")


def token(url: str) -> str:
    return url.split(ROUTE, 1)[1]


def test_a_link_names_who_asked_and_what():
    links = Links("https://klachten.example.nl/", "geheim")
    url = links.url(7, SCAN, NOW)
    assert url.startswith("https://klachten.example.nl/documenten/")
    grant = links.verify(token(url), NOW + timedelta(minutes=14))
    assert grant.person_id == 7 and grant.target == SCAN


def test_a_link_expires():
    links = Links("https://k.example", "geheim", ttl=timedelta(minutes=15))
    url = links.url(7, SCAN, NOW)
    with pytest.raises(Refused) as refused:
        links.verify(token(url), NOW + timedelta(minutes=16))
    assert refused.value.key == "link.expired"


@pytest.mark.parametrize("position", [0, 5, -1, -5])
def test_a_changed_link_is_refused(position: int):
    links = Links("https://k.example", "geheim")
    raw = list(token(links.url(7, SCAN, NOW)))
    raw[position] = "A" if raw[position] != "A" else "B"
    with pytest.raises(Refused) as refused:
        links.verify("".join(raw), NOW)
    assert refused.value.key == "link.invalid"


def test_another_person_cannot_be_swapped_in():
    links = Links("https://k.example", "geheim")
    other = Links("https://k.example", "geheim")
    body, _, signature = token(links.url(7, SCAN, NOW)).partition(".")
    forged_body, _, _ = token(other.url(8, SCAN, NOW)).partition(".")
    with pytest.raises(Refused):
        links.verify(f"{forged_body}.{signature}", NOW)
    assert links.verify(f"{body}.{signature}", NOW).person_id == 7


@pytest.mark.parametrize("garbage", ["", ".", "abc", "abc.def", "!!!.???", "e30.e30"])
def test_garbage_is_refused_not_an_error(garbage: str):
    with pytest.raises(Refused):
        Links("https://k.example", "geheim").verify(garbage, NOW)


def test_without_a_secret_links_work_only_in_this_process():
    first, second = Links("https://k.example"), Links("https://k.example")
    url = first.url(7, SCAN, NOW)
    assert first.verify(token(url), NOW).person_id == 7
    with pytest.raises(Refused):
        second.verify(token(url), NOW)
