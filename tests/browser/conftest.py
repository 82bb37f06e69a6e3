"""A real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright) against the real app served by
uvicorn on a free loopback port (tests/conftest.py's live_server). A missing Chromium fails the tests: CI installs
it, nothing is skipped."""

import contextlib
import os
import re
from collections.abc import AsyncIterator
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.async_api import Browser, Page, async_playwright
from playwright.async_api import Error as PlaywrightError

from app.core.config import PROJECT_ROOT

CHROMIUM = Path("/usr/bin/chromium")
ARTEFACTS = Path(os.environ.get("TRADELEADS_TEST_ARTEFACTS") or Path(PROJECT_ROOT) / "var" / "test-artefacts")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking",
                 "--disable-component-update", "--disable-sync"]


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
async def page(browser: Browser, live_server: str, request: pytest.FixtureRequest) -> AsyncIterator[Page]:
    """A fresh browser profile (no cookies) per test, with relative URLs resolved against the live server. The HTML
    of every page it loads is kept; when the test fails those pages, and a photograph of where it stopped, are saved
    under var/test-artefacts/<test>/ (TRADELEADS_TEST_ARTEFACTS moves them). Photographing each load instead would
    race the test's own viewport changes: a screenshot restores the size it began with."""
    context = await browser.new_context(base_url=live_server, viewport={"width": 1200, "height": 900})
    context.set_default_timeout(10_000)
    tab = await context.new_page()
    pages: list[tuple[str, str, bytes]] = []

    async def keep(loaded: Page) -> None:
        with contextlib.suppress(PlaywrightError):  # navigated away or closed meanwhile: the next one is kept
            pages.append((loaded.url, "html", (await loaded.content()).encode()))

    tab.on("load", keep)
    yield tab
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        with contextlib.suppress(PlaywrightError):
            pages.append((tab.url, "png", await tab.screenshot(full_page=True)))
        _save(request.node.name, pages)
    await context.close()


def _save(test_name: str, pages: list[tuple[str, str, bytes]]) -> None:
    folder = ARTEFACTS / re.sub(r"[^\w.-]+", "_", test_name)
    folder.mkdir(parents=True, exist_ok=True)
    for number, (url, suffix, content) in enumerate(pages, start=1):
        path = re.sub(r"[^\w.-]+", "_", urlsplit(url).path.strip("/") or "home")[:80]
        (folder / f"{number:02d}-{path}.{suffix}").write_bytes(content)
