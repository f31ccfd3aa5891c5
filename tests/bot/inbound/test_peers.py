"""The client's address behind proxies: only what trusted proxies wrote is believed."""

from __future__ import annotations

import pytest

from bot.inbound.peers import TrustedProxies
from bot.settings import Settings

NONE = TrustedProxies.parse(None)
ONE = TrustedProxies.parse("1")
TWO = TrustedProxies.parse("2")
LISTED = TrustedProxies.parse("127.0.0.1, 10.0.0.0/8")


def test_without_trust_the_headers_are_ignored():
    assert NONE == TrustedProxies.parse("  ") == TrustedProxies()
    assert NONE.client("192.0.2.1", ["6.6.6.6"]) == "192.0.2.1"
    assert NONE.client(None, ["6.6.6.6"]) == "-"


@pytest.mark.parametrize(
    ("proxies", "lines", "client"),
    [
        # The client wrote "6.6.6.6"; our one proxy appended the address it saw.
        (ONE, ["6.6.6.6, 203.0.113.7"], "203.0.113.7"),
        (ONE, ["6.6.6.6", "203.0.113.7"], "203.0.113.7"),  # one header line per hop
        # Two hops: the website's server named its visitor, our proxy named the website.
        (TWO, ["6.6.6.6, 203.0.113.7, 198.51.100.10"], "203.0.113.7"),
        # Shorter than the trust: every entry came from a trusted hop; the leftmost one.
        (TWO, ["198.51.100.10"], "198.51.100.10"),
        (ONE, [], "127.0.0.1"),
        (ONE, [" , "], "127.0.0.1"),
    ],
)
def test_a_count_takes_the_nth_entry_from_the_right(proxies, lines, client):
    assert proxies.client("127.0.0.1", lines) == client


def test_a_list_walks_from_the_right_past_trusted_addresses():
    chain = ["6.6.6.6, 203.0.113.7, 10.1.2.3"]
    assert LISTED.client("127.0.0.1", chain) == "203.0.113.7"
    assert LISTED.client("::ffff:127.0.0.1", chain) == "203.0.113.7"
    # Every entry trusted: the leftmost reachable one.
    assert LISTED.client("127.0.0.1", ["10.0.0.5, 10.0.0.6"]) == "10.0.0.5"
    assert LISTED.client("127.0.0.1", []) == "127.0.0.1"


def test_a_list_reads_no_header_from_a_peer_it_does_not_trust():
    assert LISTED.client("192.0.2.1", ["203.0.113.7"]) == "192.0.2.1"


def test_one_spelling_per_address():
    assert ONE.client("127.0.0.1", ["[2001:DB8::1]:443"]) == "2001:db8::1"
    assert ONE.client("127.0.0.1", ["203.0.113.7:5123"]) == "203.0.113.7"
    assert ONE.client("127.0.0.1", ["unknown"]) == "unknown"
    assert len(ONE.client("127.0.0.1", ["x" * 5000])) <= 64


@pytest.mark.parametrize("value", ["een", "127.0.0.1, proxy.example.nl", "-1", "10.0.0.0/33"])
def test_an_unreadable_setting_stops_the_start(value):
    with pytest.raises(ValueError, match="no number of proxies"):
        Settings(trusted_proxies=value)


def test_the_setting_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("KLACHTENBOT_TRUSTED_PROXIES", "127.0.0.1,::1")
    assert Settings().proxies.client("::1", ["203.0.113.7"]) == "203.0.113.7"
    monkeypatch.setenv("KLACHTENBOT_TRUSTED_PROXIES", "2")
    assert Settings().proxies == TrustedProxies(hops=2)
