"""Who sent a request: the client's address, when Klachtenbot sits behind proxies.

Anyone can write an `X-Forwarded-For` header, so its leftmost entry is whatever the
client wants it to be. Only the entries that trusted proxies appended mean something:
each proxy adds the address it was talking to on the right. So the chain is read from
the right, and only as far as the operator's trust goes (KLACHTENBOT_TRUSTED_PROXIES):

- none (the default): the headers are ignored; the TCP peer is the client.
- a count N: N proxies stand in front of Klachtenbot, the nearest being the TCP peer;
  the client is the Nth entry from the right.
- addresses or networks: the headers are read only when the TCP peer is one of them;
  then the chain is walked from the right, skipping trusted addresses, and the first
  untrusted entry is the client.

A chain shorter than the trust (the proxies wrote every entry) gives its leftmost entry;
no chain at all gives the TCP peer.
"""

from __future__ import annotations

import ipaddress
from collections.abc import Iterable
from dataclasses import dataclass

Network = ipaddress.IPv4Network | ipaddress.IPv6Network
Address = ipaddress.IPv4Address | ipaddress.IPv6Address

UNKNOWN = "-"
MAX_ENTRY = 64  # a longer "address" is not one; keep what is kept of it bounded


@dataclass(frozen=True)
class TrustedProxies:
    hops: int = 0
    networks: tuple[Network, ...] = ()

    @classmethod
    def parse(cls, value: str | None) -> TrustedProxies:
        """`"2"`, `"127.0.0.1, 10.0.0.0/8"`, or nothing. Raises ValueError on anything else."""
        text = (value or "").strip()
        if not text:
            return cls()
        if text.isascii() and text.isdigit():
            return cls(hops=int(text))
        networks = []
        for part in (p.strip() for p in text.split(",")):
            if not part:
                continue
            try:
                networks.append(ipaddress.ip_network(part, strict=False))
            except ValueError:
                raise ValueError(f"{part!r} is no number of proxies, address or network") from None
        return cls(networks=tuple(networks))

    def client(self, peer: str | None, forwarded_for: Iterable[str] = ()) -> str:
        """The client's address, from the TCP peer and every X-Forwarded-For header line."""
        peer = _normal(peer) if peer else UNKNOWN
        if not self.hops and not self.networks:
            return peer
        if self.networks and not self._trusted(peer):
            return peer  # not from our proxy: whatever it says about others is hearsay
        chain = [e.strip()[:MAX_ENTRY] for line in forwarded_for for e in line.split(",")]
        chain = [_normal(entry) for entry in chain if entry]
        if not chain:
            return peer
        if self.hops:
            return chain[-self.hops] if len(chain) >= self.hops else chain[0]
        for entry in reversed(chain):
            if not self._trusted(entry):
                return entry
        return chain[0]

    def _trusted(self, entry: str) -> bool:
        address = _address(entry)
        return address is not None and any(address in network for network in self.networks)


def _address(entry: str) -> Address | None:
    try:
        address = ipaddress.ip_address(entry)
    except ValueError:
        return None
    if isinstance(address, ipaddress.IPv6Address) and address.ipv4_mapped:
        return address.ipv4_mapped
    return address


def _normal(entry: str) -> str:
    """One spelling per address ("[2001:db8::1]:443" and "2001:DB8::1" are one client)."""
    candidates = [entry]
    if entry.startswith("[") and "]" in entry:
        candidates.append(entry[1 : entry.index("]")])
    elif entry.count(":") == 1:
        candidates.append(entry.partition(":")[0])  # IPv4 with a port
    for candidate in candidates:
        if (address := _address(candidate)) is not None:
            return str(address)
    return entry
