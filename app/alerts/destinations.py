"""Where webhooks may go: public addresses only, so that an organisation cannot make the platform call into the
network it runs in (the search engine, the database, a cloud metadata service). A URL is checked when it is
registered (names and literal addresses that are plainly private) and again before each delivery (the addresses
its name resolves to then). `TRADELEADS_WEBHOOK_PRIVATE_DESTINATIONS` lifts both checks for development."""

import asyncio
import ipaddress
import socket
from urllib.parse import urlsplit

PRIVATE_NAME_SUFFIXES = (".localhost", ".local", ".internal", ".localdomain")


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


async def private_destination(url: str) -> str | None:
    """The first non-public address the URL's host resolves to, or None when every one is public (or the name
    does not resolve: the request then fails on its own and is retried)."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if plainly_private(url):
        return host
    port = parts.port or (443 if parts.scheme == "https" else 80)
    try:
        resolved = await asyncio.get_running_loop().getaddrinfo(host, port, type=socket.SOCK_STREAM)
    except OSError:
        return None
    for *_, sockaddr in resolved:
        if _private_address(str(sockaddr[0])):
            return str(sockaddr[0])
    return None
