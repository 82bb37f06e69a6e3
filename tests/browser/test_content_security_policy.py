"""The content security policy in a real browser: it refuses nothing the site's own pages use."""

import re

import pytest
from playwright.async_api import ConsoleMessage, Page

from tests.conftest import ActorFactory
from tests.support.browser import log_in

pytestmark = pytest.mark.browser


async def test_the_policy_blocks_nothing_the_site_itself_uses(page: Page, make_actor: ActorFactory) -> None:
    refused: list[str] = []

    def on_console(message: ConsoleMessage) -> None:
        if re.search(r"Content Security Policy|Refused to", message.text):
            refused.append(message.text)

    page.on("console", on_console)
    buyer = await make_actor("buyer")
    await page.goto("/")
    await log_in(page, buyer)
    bought = await buyer.client.post("/api/v1/billing/subscription", json={"tier": "silver"})
    assert bought.status_code == 201, bought.text
    invoice = f"/billing/invoices/{bought.json()['invoice']['id']}"  # a printable document outside the layout
    fonts = {}
    for path in ("/my/rfqs", "/search", "/plans", "/notifications", invoice):
        response = await page.goto(path)
        assert response is not None and response.status == 200, path
        fonts[path] = await page.evaluate("getComputedStyle(document.body).fontFamily")
    assert refused == []
    assert [path for path, font in fonts.items() if "Times" in font] == []
