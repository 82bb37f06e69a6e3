"""A real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright) against the real app served by
uvicorn on a free loopback port. A missing Chromium fails the tests: CI installs it, nothing is skipped."""

import asyncio
import socket
import threading
from collections.abc import AsyncIterator
from pathlib import Path

import pytest
import uvicorn
from fastapi import FastAPI
from playwright.async_api import Browser, Page, async_playwright

from app.core.config import Settings
from app.main import create_app

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]
STARTUP_SECONDS = 15


@pytest.fixture
async def live_server(app: FastAPI, settings: Settings) -> AsyncIterator[str]:
    """The app served over real HTTP. It has an engine of its own (it runs in another thread and event loop);
    depending on `app` makes that fixture's table cleanup run after the server stopped."""
    listener = socket.socket()
    listener.bind(("127.0.0.1", 0))
    port = listener.getsockname()[1]
    server = uvicorn.Server(uvicorn.Config(create_app(settings), log_level="warning", lifespan="on"))
    thread = threading.Thread(target=server.run, kwargs={"sockets": [listener]}, daemon=True)
    thread.start()
    for _ in range(STARTUP_SECONDS * 100):
        if server.started or not thread.is_alive():
            break
        await asyncio.sleep(0.01)
    assert server.started, "uvicorn did not start"
    yield f"http://127.0.0.1:{port}"
    server.should_exit = True
    await asyncio.to_thread(thread.join, STARTUP_SECONDS)
    listener.close()


def _require_chromium() -> None:
    if not CHROMIUM.exists():
        pytest.fail(f"{CHROMIUM} is missing: install Debian's chromium package (apt-get install chromium)")


@pytest.fixture(scope="session")
async def browser() -> AsyncIterator[Browser]:
    _require_chromium()
    async with async_playwright() as playwright:
        chromium = await playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield chromium
        await chromium.close()


@pytest.fixture
async def page(browser: Browser, live_server: str) -> AsyncIterator[Page]:
    """A fresh browser profile (no cookies) per test, with relative URLs resolved against the live server."""
    context = await browser.new_context(base_url=live_server, viewport={"width": 1200, "height": 900})
    context.set_default_timeout(10_000)
    tab = await context.new_page()
    yield tab
    await context.close()
