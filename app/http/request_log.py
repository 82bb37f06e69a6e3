"""Every request gets an id and one JSON log line.

The id is the caller's X-Request-ID when it is a plain token (so a proxy's id follows the request through), else a
new one; it is echoed in the response's X-Request-ID and in every problem+json body, so a user's report of an
error finds its log line. The line (logger `tradeleads.access`) holds the id, method, route template, status,
duration and, once known, the signed-in user's and organisation's ids; never a query string or a body."""

import json
import logging
import re
import time
import uuid
from typing import Any

from prometheus_client import CollectorRegistry, Histogram
from starlette.types import ASGIApp, Message, Receive, Scope, Send

REQUEST_ID_HEADER = "x-request-id"
ACCEPTED_ID = re.compile(r"^[A-Za-z0-9._:-]{1,128}$")
access_log = logging.getLogger("tradeleads.access")
KNOWN_METHODS = frozenset({"GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"})
LATENCY_BUCKETS = (0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1.0, 2.5, 5.0, 10.0)


def request_latency(registry: CollectorRegistry) -> Histogram:
    """Seconds per request, by route template, method and status class (2xx, 4xx, ...), for /metrics."""
    return Histogram("tradeleads_request_seconds", "Time to answer a request", ["route", "method", "status"],
                     registry=registry, buckets=LATENCY_BUCKETS)


def request_id_of(scope: Scope) -> str:
    given = dict(scope["headers"]).get(REQUEST_ID_HEADER.encode(), b"").decode("latin-1")
    return given if ACCEPTED_ID.match(given) else uuid.uuid4().hex


def _route(scope: Scope) -> str | None:
    route = scope.get("route")
    return getattr(route, "path_format", None) or getattr(route, "path", None)


def _labels(scope: Scope, status: int) -> tuple[str, str, str]:
    """Unmatched paths and unknown methods share one label each, so a scan cannot grow the series."""
    method = scope["method"] if scope["method"] in KNOWN_METHODS else "other"
    return _route(scope) or "unmatched", method, f"{status // 100}xx"


def _line(scope: Scope, request_id: str, status: int, seconds: float) -> str:
    state: dict[str, Any] = scope.get("state", {})
    return json.dumps({
        "event": "request", "request_id": request_id, "method": scope["method"], "route": _route(scope),
        "path": scope["path"], "status": status, "duration_ms": round(seconds * 1000, 1),
        "user_id": state.get("user_id"), "organization_id": state.get("organization_id"),
    })


class RequestLog:
    def __init__(self, app: ASGIApp, latency: Histogram | None = None) -> None:
        self.app = app
        self.latency = latency

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        request_id = request_id_of(scope)
        scope.setdefault("state", {})["request_id"] = request_id
        started, status = time.perf_counter(), 500

        async def send_with_id(message: Message) -> None:
            nonlocal status
            if message["type"] == "http.response.start":
                status = message["status"]
                message = {**message, "headers": [*message.get("headers", []),
                                                  (REQUEST_ID_HEADER.encode(), request_id.encode())]}
            await send(message)

        try:
            await self.app(scope, receive, send_with_id)
        finally:
            seconds = time.perf_counter() - started
            access_log.info(_line(scope, request_id, status, seconds))
            if self.latency is not None:
                self.latency.labels(*_labels(scope, status)).observe(seconds)


def log_to_stderr() -> None:
    """`tradeleads serve`: the access lines go to standard error, one JSON object per line."""
    if not access_log.handlers:
        handler = logging.StreamHandler()
        handler.setFormatter(logging.Formatter("%(message)s"))
        access_log.addHandler(handler)
        access_log.setLevel(logging.INFO)
        access_log.propagate = False
