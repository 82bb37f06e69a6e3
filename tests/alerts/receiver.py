"""A real HTTP receiver of our webhooks on 127.0.0.1, verifying each request's signature as a customer would:
HMAC-SHA256 over "<t>.<raw body>" with the endpoint's secret, compared in constant time."""

import hashlib
import hmac
import json
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass, field
from typing import Any

from aiohttp import web


@dataclass
class Received:
    verified: bool
    body: bytes
    headers: dict[str, str]
    peer: tuple[str, int] | None = None  # the sender's address and port: a new port is a new connection

    @property
    def event(self) -> dict[str, Any]:
        return dict(json.loads(self.body))


@dataclass
class Receiver:
    url: str = ""
    secret: str = ""
    statuses: list[int] = field(default_factory=list)
    """Answers to give, in order; 200 once they are used up."""
    received: list[Received] = field(default_factory=list)

    def verify(self, header: str, body: bytes) -> bool:
        parts = dict(part.split("=", 1) for part in header.split(",") if "=" in part)
        expected = hmac.new(self.secret.encode(), parts.get("t", "").encode() + b"." + body,
                            hashlib.sha256).hexdigest()
        return hmac.compare_digest(expected, parts.get("v1", ""))

    async def handle(self, request: web.Request) -> web.Response:
        body = await request.read()
        verified = self.verify(request.headers.get("X-Tradeleads-Signature", ""), body)
        peer = request.transport.get_extra_info("peername") if request.transport else None
        self.received.append(Received(verified, body, dict(request.headers), tuple(peer[:2]) if peer else None))
        status = self.statuses.pop(0) if self.statuses else 200
        return web.Response(status=status if verified else 401, text="ok")


@asynccontextmanager
async def running_receiver(statuses: list[int] | None = None) -> AsyncIterator[Receiver]:
    receiver = Receiver(statuses=list(statuses or []))
    application = web.Application()
    application.router.add_post("/hooks/tradeleads", receiver.handle)
    runner = web.AppRunner(application)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    receiver.url = f"http://{host}:{port}/hooks/tradeleads"
    try:
        yield receiver
    finally:
        await runner.cleanup()
