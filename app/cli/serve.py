"""`tradeleads serve`: the web server (uvicorn) as this project runs it.

uvicorn by default believes X-Forwarded-For from 127.0.0.1, so any local client could claim any address (and get
a fresh login throttle each time). Here uvicorn rewrites nothing: the app reads forwarded headers itself, and only
from the proxies TRADELEADS_TRUSTED_PROXIES names (app.http.deps.client_address). Its access log is off: the app
writes its own, one JSON line per request (app.http.request_log)."""

import typer
import uvicorn
from starlette.types import ASGIApp
from uvicorn.supervisors import Multiprocess

from app.http.request_log import log_to_stderr

FACTORY = "app.cli.serve:logged_app"  # a string: each worker process imports and builds the app itself


def logged_app() -> ASGIApp:
    """The app of one server process, writing its access lines to standard error (workers are fresh processes:
    what the parent configured does not reach them)."""
    from app.main import create_app  # here: importing the app builds nothing until a server process asks

    log_to_stderr()
    return create_app()


def server_config(app: ASGIApp | str, host: str, port: int, log_level: str = "info", workers: int = 1,
                  ) -> uvicorn.Config:
    """The one uvicorn configuration: `make run`, and the tests' live servers."""
    return uvicorn.Config(app, host=host, port=port, factory=isinstance(app, str), proxy_headers=False,
                          server_header=False, log_level=log_level, access_log=False, workers=workers)


def serve(
    host: str = typer.Option("127.0.0.1", help="Address to listen on."),
    port: int = typer.Option(8000, min=1, max=65535, help="Port to listen on."),
    workers: int = typer.Option(1, min=1, max=64, help="Server processes sharing the port (PostgreSQL deployments; "
                                "SQLite has a single writer)."),
) -> None:
    """Serve the web pages and the JSON API (one JSON line per request on standard error)."""
    config = server_config(FACTORY, host, port, workers=workers)
    if workers == 1:
        uvicorn.Server(config).run()
        return
    sock = config.bind_socket()
    Multiprocess(config, sockets=[sock]).run()
