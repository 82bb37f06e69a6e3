"""Where webhooks may go: public addresses only, so that an organisation cannot make the platform call into the
network it runs in (the search engine, the database, a cloud metadata service). A URL is checked when it is
registered (names and literal addresses that are plainly private) and again before each delivery (the addresses
its name resolves to then). `TRADELEADS_WEBHOOK_PRIVATE_DESTINATIONS` lifts both checks for development.

The delivery then connects to an address that was checked, not to the name: a name that resolves to a public
address for the check and to a private one a moment later (DNS rebinding) cannot steer the request inside. The
request still names the host (Host header, and the TLS server name the certificate is checked against), keeps the
URL's user and password, and tries the name's other checked addresses in turn when one does not connect. A pinned
connection is never reused: pooled by address, it could carry the next request for another name served at the same
address, over TLS under the first name's certificate."""

import asyncio
import ipaddress
import socket
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field, replace
from typing import Any
from urllib.parse import urlsplit

PRIVATE_NAME_SUFFIXES = (".localhost", ".local", ".internal", ".localdomain")
Resolver = Callable[[str, int], Awaitable[list[str]]]  # (host, port) -> the addresses it resolves to


async def system_resolver(host: str, port: int) -> list[str]:
    resolved = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    return [str(sockaddr[0]) for *_, sockaddr in resolved]


def _private_address(address: str) -> bool:
    ip = ipaddress.ip_address(address.split("%", 1)[0])
    if isinstance(ip, ipaddress.IPv6Address) and ip.ipv4_mapped is not None:
        ip = ip.ipv4_mapped
    return ip.is_multicast or not ip.is_global


def plainly_private(url: str) -> bool:
    """True for localhost-like names and for literal loopback, private, link-local or reserved addresses."""
    host = (urlsplit(url).hostname or "").lower().rstrip(".")
    if host == "localhost" or host.endswith(PRIVATE_NAME_SUFFIXES):
        return True
    try:
        return _private_address(host)
    except ValueError:
        return False  # a name: what it resolves to is checked before each delivery


@dataclass(frozen=True)
class Target:
    """Where one delivery goes: `url` with the checked address in place of the name, and what keeps the request
    addressed to the name (Host header, TLS server name); or `refused`, the private address that stopped it."""

    url: str
    headers: dict[str, str] = field(default_factory=dict)
    extensions: dict[str, Any] = field(default_factory=dict)
    refused: str | None = None
    unresolved: bool = False  # the name did not resolve: not sent, retried later
    alternatives: tuple[str, ...] = ()  # `url` at the name's other checked addresses, for when one does not connect


def _pinned(url: str, address: str) -> Target:
    parts = urlsplit(url)
    host = parts.hostname or ""
    userinfo = parts.netloc.rpartition("@")[0]
    literal = f"[{address}]" if ":" in address else address
    netloc = f"{literal}:{parts.port}" if parts.port else literal
    netloc = f"{userinfo}@{netloc}" if userinfo else netloc
    name = f"{host}:{parts.port}" if parts.port else host
    extensions = {"sni_hostname": host} if parts.scheme == "https" else {}
    return Target(parts._replace(netloc=netloc).geturl(), {"Host": name, "Connection": "close"}, extensions)


async def target(url: str, *, allow_private: bool = False, resolve: Resolver = system_resolver) -> Target:
    """Resolves the URL's host once and checks every address it has: the delivery connects to the first of them
    (the others are alternatives), or is refused when one is private (unless allowed). A literal address is used as
    it is; a name that does not resolve is not sent (the delivery fails and is retried)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if plainly_private(url) and not allow_private:
        return Target(url, refused=host)
    try:
        ipaddress.ip_address(host.split("%", 1)[0])
        return Target(url)  # a literal address: nothing to resolve, nothing to rebind
    except ValueError:
        pass
    try:
        addresses = await resolve(host, parts.port or (443 if parts.scheme == "https" else 80))
    except OSError:
        addresses = []
    if not addresses:  # never the unpinned URL: the client would resolve the name again, unchecked
        return Target(url, unresolved=True)
    private = next((address for address in addresses if _private_address(address)), None)
    if private is not None and not allow_private:
        return Target(url, refused=private)
    checked = list(dict.fromkeys(addresses))
    return replace(_pinned(url, checked[0]), alternatives=tuple(_pinned(url, address).url for address in checked[1:]))
