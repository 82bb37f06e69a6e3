"""A real headless Chromium (Debian's /usr/bin/chromium, driven by Playwright) against the real app served by
uvicorn on a free loopback port (tests/conftest.py's live_server). A missing Chromium fails the tests: CI installs
it, nothing is skipped."""

import contextlib
import os
import re
from collections.abc import AsyncIterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from playwright.async_api import Browser, Page, ViewportSize, async_playwright
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
    of every page it loads is kept (with the viewport it was seen in); when the test fails, each is photographed
    again from that HTML and saved beside it, with a photograph of where the test stopped, under
    var/test-artefacts/<test>/ (TRADELEADS_TEST_ARTEFACTS moves them). Photographing each page as it loads would
    race the test's own viewport changes: a screenshot taken meanwhile restores the size it began with."""
    context = await browser.new_context(base_url=live_server, viewport={"width": 1200, "height": 900})
    context.set_default_timeout(10_000)
    tab = await context.new_page()
    seen: list[Seen] = []

    async def keep(loaded: Page) -> None:
        with contextlib.suppress(PlaywrightError):  # navigated away or closed meanwhile: the next one is kept
            seen.append(Seen(loaded.url, await loaded.content(), loaded.viewport_size or DEFAULT_VIEWPORT))

    tab.on("load", keep)
    yield tab
    report = getattr(request.node, "report_call", None)
    if report is not None and report.failed:
        with contextlib.suppress(PlaywrightError):
            files = await _photographed(browser, live_server, seen)
            files["last.png"] = await tab.screenshot(full_page=True)
            _save(ARTEFACTS / re.sub(r"[^\w.-]+", "_", request.node.name), files)
    await context.close()


@dataclass(frozen=True)
class Seen:
    url: str
    html: str
    viewport: ViewportSize


DEFAULT_VIEWPORT: ViewportSize = {"width": 1200, "height": 900}


async def _photographed(browser: Browser, live_server: str, seen: list[Seen]) -> dict[str, bytes]:
    """Each page seen, as its HTML and a photograph of that HTML (styles and pictures from the live server)."""
    files = {}
    for number, page in enumerate(seen, start=1):
        name = f"{number:02d}-" + re.sub(r"[^\w.-]+", "_", urlsplit(page.url).path.strip("/") or "home")[:80]
        context = await browser.new_context(viewport=page.viewport, java_script_enabled=False)
        photo = await context.new_page()
        await photo.set_content(page.html.replace("<head>", f'<head><base href="{live_server}/">', 1))
        files[f"{name}.html"], files[f"{name}.png"] = page.html.encode(), await photo.screenshot(full_page=True)
        await context.close()
    return files


def _save(folder: Path, files: dict[str, bytes]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, content in files.items():
        (folder / name).write_bytes(content)
