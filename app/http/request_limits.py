"""What a request body may be, checked before anything is stored.

Size: a body over the limit is refused with 413 before it is read (by its Content-Length) or as soon as it grows
past the limit (a chunked body), so a 50 MB post costs the server no more than the limit. A route that takes
uploads gets a limit of its own (`route_limits`, by a pattern its whole path matches). This is a pure ASGI
middleware: it runs before FastAPI reads and parses the body.

NUL characters: no text field stores one (PostgreSQL refuses them, other readers cut strings at them), so a body
or query carrying one is refused with 422 by an app-wide dependency, once the body is read and before any
handler runs."""

import json
import re
from collections.abc import Iterable, Mapping
from contextlib import suppress
from typing import Any
from urllib.parse import parse_qsl

from fastapi import Request
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from app.core.errors import AppError, FieldError, validation_failed

PROBLEM_JSON = b"application/problem+json"
NUL = "\x00"


class BodyTooLarge(Exception):
    pass


def too_large(limit: int) -> AppError:
    return AppError(f"The request body is larger than {limit} bytes", code="body_too_large", status=413,
                    title="Payload too large", extra={"limit": limit})


class BodyLimit:
    def __init__(self, app: ASGIApp, *, default_limit: int, route_limits: Mapping[str, int] | None = None) -> None:
        self.app = app
        self.default_limit = default_limit
        self.route_limits = [(re.compile(pattern), limit) for pattern, limit in (route_limits or {}).items()]

    def limit_for(self, path: str) -> int:
        return next((limit for pattern, limit in self.route_limits if pattern.fullmatch(path)), self.default_limit)

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        limit = self.limit_for(scope["path"])
        declared = dict(scope["headers"]).get(b"content-length")
        if declared is not None and declared.isdigit() and int(declared) > limit:
            await _refuse(scope, send, limit)
            return
        received = 0
        exceeded = started = False

        async def counted_receive() -> Message:
            nonlocal received, exceeded
            message = await receive()
            if message["type"] == "http.request":
                received += len(message.get("body", b""))
                if received > limit:
                    exceeded = True
                    raise BodyTooLarge
            return message

        async def watched_send(message: Message) -> None:
            nonlocal started
            if exceeded and not started:
                return  # whatever the app makes of a cut-off body, the client hears 413
            started = started or message["type"] == "http.response.start"
            await send(message)

        with suppress(BodyTooLarge):  # raised into the app by counted_receive; the app may also have caught it
            await self.app(scope, counted_receive, watched_send)
        if exceeded and not started:
            await _refuse(scope, send, limit)


async def _refuse(scope: Scope, send: Send, limit: int) -> None:
    body = json.dumps(too_large(limit).problem(scope["path"])).encode()
    await send({"type": "http.response.start", "status": 413,
                "headers": [(b"content-type", PROBLEM_JSON), (b"content-length", str(len(body)).encode()),
                            (b"connection", b"close")]})
    await send({"type": "http.response.body", "body": body})


def _strings(document: Any) -> Iterable[tuple[str, str]]:
    """Every (field path, text) in a parsed JSON document, object keys included."""
    stack: list[tuple[str, Any]] = [("", document)]
    while stack:
        path, item = stack.pop()
        if isinstance(item, str):
            yield path or "body", item
        elif isinstance(item, dict):
            for key, child in item.items():
                child_path = f"{path}.{key}" if path else str(key)
                yield child_path, str(key)
                stack.append((child_path, child))
        elif isinstance(item, list):
            stack.extend((f"{path}.{index}" if path else str(index), child) for index, child in enumerate(item))


async def refuse_nul_characters(request: Request) -> None:
    """422 when the path, the query or a text in the body (JSON or a form) holds a NUL character."""
    fields = [(name, value) for name, value in request.query_params.multi_items()]
    fields.extend((name, value) for name, value in request.path_params.items() if isinstance(value, str))
    content_type = request.headers.get("content-type", "")
    if "multipart/form-data" in content_type:
        # Parsed once, by whoever asks first (FastAPI for a route's File and Form parameters): the same form.
        form = await request.form()
        fields.extend((name, value) for name, value in form.multi_items() if isinstance(value, str))
    else:
        body = await request.body()
        if body and "json" in content_type:
            with suppress(ValueError, RecursionError):  # not JSON (or nested past parsing): FastAPI refuses it
                fields.extend(_strings(json.loads(body)))
        elif body and "application/x-www-form-urlencoded" in content_type:
            fields.extend(parse_qsl(body.decode("latin-1"), keep_blank_values=True))
    bad = sorted({name.replace(NUL, "\\0") for name, value in fields if NUL in value or NUL in name})
    if bad:
        raise validation_failed([FieldError(name, "must not contain NUL characters", "nul_character")
                                 for name in bad])
