"""Security headers on every response (a pure ASGI middleware: it never buffers a body).

Pages run no inline script or style, so the content security policy allows only the site's own files; the API
documentation pages (FastAPI's Swagger UI and ReDoc) load their bundles from a CDN and get a policy of their own.
Nothing dynamic is stored by browsers or shared caches: pages carry CSRF tokens and private data, API answers are
per caller. Static files keep the default caching."""

from collections.abc import Iterable

from starlette.types import ASGIApp, Message, Receive, Scope, Send

PAGE_POLICY = ("default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
               "connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'")
DOCS_CDN = "https://cdn.jsdelivr.net"
DOCS_POLICY = (f"default-src 'self'; script-src 'self' 'unsafe-inline' {DOCS_CDN}; "
               f"style-src 'self' 'unsafe-inline' {DOCS_CDN} https://fonts.googleapis.com; "
               f"font-src 'self' https://fonts.gstatic.com; img-src 'self' data: https:; worker-src blob:; "
               "object-src 'none'; base-uri 'none'; frame-ancestors 'none'")
DOCS_PATHS = frozenset({"/docs", "/redoc", "/docs/oauth2-redirect"})
STATIC_PREFIX = "/static/"
HSTS = "max-age=31536000; includeSubDomains"


def headers_for(path: str, *, https_only: bool) -> list[tuple[bytes, bytes]]:
    headers = {
        "content-security-policy": DOCS_POLICY if path in DOCS_PATHS else PAGE_POLICY,
        "x-frame-options": "DENY",
        "x-content-type-options": "nosniff",
        "referrer-policy": "strict-origin-when-cross-origin",
    }
    if not path.startswith(STATIC_PREFIX):
        headers["cache-control"] = "no-store"
    if https_only:
        headers["strict-transport-security"] = HSTS
    return [(name.encode(), value.encode()) for name, value in headers.items()]


def _merged(existing: Iterable[tuple[bytes, bytes]], added: list[tuple[bytes, bytes]]) -> list[tuple[bytes, bytes]]:
    """The response's own headers win: a route that sets its own Cache-Control keeps it."""
    present = {name.lower() for name, _ in existing}
    return [*existing, *((name, value) for name, value in added if name not in present)]


class SecurityHeaders:
    def __init__(self, app: ASGIApp, *, https_only: bool) -> None:
        self.app = app
        self.https_only = https_only

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return
        added = headers_for(scope["path"], https_only=self.https_only)

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message = {**message, "headers": _merged(message.get("headers", []), added)}
            await send(message)

        await self.app(scope, receive, send_with_headers)
