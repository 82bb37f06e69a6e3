"""A team in a real browser: the owner invites a colleague from /account/team, the colleague opens the link from
the e-mail in another browser, joins, and both see the team; the owner then makes the colleague an owner."""

import pytest
from playwright.async_api import Browser, Page, expect
from sqlalchemy.ext.asyncio import AsyncSession

from tests.conftest import ActorFactory
from tests.support.browser import log_in
from tests.support.membership import put_on_tier
from tests.team.test_team_api import _link_sent_to

pytestmark = pytest.mark.browser


async def test_an_owner_invites_a_colleague_who_joins_from_the_e_mail(page: Page, browser: Browser, live_server: str,
                                                                     make_actor: ActorFactory,
                                                                     db: AsyncSession) -> None:
    owner = await make_actor("supplier", organization_name="Costa Cutelaria Lda")
    await put_on_tier(db, owner.organization_id, "silver")
    await db.commit()
    await log_in(page, owner)
    await page.goto("/account")
    await page.get_by_role("link", name="Team").click()
    await expect(page.locator(".places")).to_contain_text("1 of 3 users")
    await page.get_by_label("E-mail address").fill("rui@example.com")
    await page.get_by_role("button", name="Send invitation").click()
    await expect(page.get_by_role("status")).to_contain_text("Invitation sent.")
    await expect(page.locator("table.team-invitations")).to_contain_text("rui@example.com")

    colleague = await (await browser.new_context(base_url=live_server)).new_page()
    await colleague.goto(f"/invitations/{await _link_sent_to(db, 'rui@example.com')}")
    await expect(colleague.get_by_role("heading", level=1)).to_have_text("Join Costa Cutelaria Lda")
    await colleague.get_by_label("Your name").fill("Rui Alves")
    await colleague.get_by_label("Password (at least 10 characters)").fill("a long enough password")
    await colleague.get_by_role("button", name="Join Costa Cutelaria Lda").click()
    await expect(colleague.locator("table.team-members")).to_contain_text("Rui Alves")
    await expect(colleague.get_by_role("button", name="Send invitation")).to_have_count(0)

    await page.reload()
    row = page.get_by_role("row").filter(has_text="Rui Alves")
    await row.get_by_label("Role of Rui Alves").select_option("owner")
    await row.get_by_role("button", name="Change role").click()
    await expect(page.get_by_role("status")).to_have_text("Role changed.")
    await expect(page.get_by_role("row").filter(has_text="Rui Alves").get_by_role("cell").nth(2)).to_have_text("owner")
    await colleague.context.close()
