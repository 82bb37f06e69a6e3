"""The header in a real browser: one row at desktop widths for every role, never wider than a 360 px phone, and
its menus reach every page the role may use (the administration pages only for admins)."""

import re

import pytest
from playwright.async_api import Page, expect

from tests.conftest import ActorFactory
from tests.support.browser import log_in

pytestmark = pytest.mark.browser

EVERY_SIGNED_IN = ["/inquiries", "/notifications", "/account", "/billing", "/plans", "/saved-searches", "/webhooks",
                   "/verifications"]
PAGES = {
    "supplier": ["/my/listings", "/leads", *EVERY_SIGNED_IN],
    "buyer": ["/my/rfqs", *EVERY_SIGNED_IN],
    "both": ["/my/listings", "/leads", "/my/rfqs", *EVERY_SIGNED_IN],
}
ADMINISTRATION = ["/admin", "/admin/moderation", "/admin/billing", "/admin/verifications"]
BROWSE = ["/categories", "/search", "/suppliers", "/rfqs"]  # the public addresses, for everyone


async def _header_links(page: Page) -> list[str]:
    links = await page.locator("header.site-header a").evaluate_all("links => links.map(a => a.getAttribute('href'))")
    return [str(link) for link in links]


async def _header_height(page: Page) -> float:
    box = await page.locator("header.site-header .header-row").bounding_box()
    assert box is not None
    return box["height"]


async def _page_is_wider_than_the_screen(page: Page) -> bool:
    return bool(await page.evaluate("document.documentElement.scrollWidth > window.innerWidth"))


@pytest.mark.parametrize("role", ["supplier", "buyer", "both"])
async def test_each_role_reaches_its_pages_from_a_header_that_fits(page: Page, make_actor: ActorFactory,
                                                                  role: str) -> None:
    actor = await make_actor(role, organization_name="Zhejiang Hengda Precision Hardware Manufacturing Co")
    await log_in(page, actor)
    await page.set_viewport_size({"width": 1280, "height": 900})
    await page.goto("/search")

    links = await _header_links(page)
    assert set(PAGES[role]) | set(BROWSE) <= set(links)
    assert not set(ADMINISTRATION) & set(links)
    assert await _header_height(page) <= 70  # one row: nothing wrapped out of the bar

    await page.locator(".nav-menu summary").click()
    await page.get_by_role("link", name="Saved searches").click()
    await expect(page).to_have_url(re.compile(r"/saved-searches$"))

    await page.set_viewport_size({"width": 360, "height": 800})
    await page.goto("/search")
    assert not await _page_is_wider_than_the_screen(page)
    await page.locator(".nav-menu summary").click()
    menu = await page.locator(".nav-menu-items").bounding_box()
    assert menu is not None and menu["x"] >= 0 and menu["x"] + menu["width"] <= 360  # the whole menu on screen
    await expect(page.get_by_role("button", name="Log out")).to_be_visible()


async def test_admins_find_the_administration_pages_in_their_menu(page: Page, make_actor: ActorFactory) -> None:
    await log_in(page, await make_actor("buyer", admin=True))
    await page.locator(".nav-menu summary").click()
    await page.get_by_role("link", name="Billing and refunds").click()
    await expect(page).to_have_url(re.compile(r"/admin/billing$"))
    assert set(ADMINISTRATION) <= set(await _header_links(page))


async def test_visitors_see_plans_and_sign_up_and_the_footer_leads_on(page: Page) -> None:
    await page.goto("/")
    links = await _header_links(page)
    assert {"/plans", "/login", "/register", *BROWSE} <= set(links)
    footer = page.locator("footer.site-footer")
    for name, path in [("HS code lookup", "/hs"), ("Plans", "/plans"), ("API docs", "/docs"), ("Terms", "/terms")]:
        await expect(footer.get_by_role("link", name=name)).to_have_attribute("href", path)
