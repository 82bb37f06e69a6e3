"""What a person does in the browser tests' Chromium, shared by the tests: logging in through the form."""

from playwright.async_api import Page

from tests.conftest import Actor
from tests.support.pages import PASSWORD


async def fill_login_form(page: Page, actor: Actor) -> None:
    """Logs in with the login form the page shows (where a "Sign in" link or a ?next= led)."""
    await page.get_by_label("E-mail").fill(actor.email)
    await page.get_by_label("Password").fill(PASSWORD)
    await page.get_by_role("button", name="Log in").click()


async def log_in(page: Page, actor: Actor) -> None:
    """Opens the login page and logs in as `actor`."""
    await page.goto("/login")
    await fill_login_form(page, actor)
