"""`tradeleads serve`: the web server (uvicorn) as this project runs it.

uvicorn by default believes X-Forwarded-For from 127.0.0.1, so any local client could claim any address (and get
a fresh login throttle each time). Here uvicorn rewrites nothing: the app reads forwarded headers itself, and only
from the proxies TRADELEADS_TRUSTED_PROXIES names (app.http.deps.client_address)."""

import typer
import uvicorn
from starlette.types import ASGIApp

FACTORY = "app.main:create_app"


def server_config(app: ASGIApp | str, host: str, port: int, log_level: str = "info") -> uvicorn.Config:
    """The one uvicorn configuration: `make run`, and the tests' live servers."""
    return uvicorn.Config(app, host=host, port=port, factory=isinstance(app, str), proxy_headers=False,
                          server_header=False, log_level=log_level)


def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
) -> None:
    """Serve the web pages and the JSON API."""
    uvicorn.Server(server_config(FACTORY, host, port)).run()
