"""/admin/organizations and /admin/organizations/{slug}: the searchable list, one organisation with its members and
account log, and the CSRF-checked forms that suspend or reactivate it or a member, whose reason is required (the
message beside the field); refused to everyone but platform admins."""

import re

from sqlalchemy.ext.asyncio import AsyncSession

from tests.admin.accounts import decide, log_rows, suspended
from tests.http.test_valid_html import parse_errors
from tests.support.actors import Cast
from tests.support.pages import submit_form, text_of

LIST = "/admin/organizations"
REQUIRED = "Give the reason: it is kept in the organisation's account log"


def row_of(page: str, attribute: str) -> str:
    match = re.search(rf'<tr {attribute}>(.*?)</tr>', page, re.S)
    assert match, attribute
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", match.group(1))).strip()


async def test_the_list_shows_each_organisation_and_is_searchable(cast: Cast) -> None:
    admin, owner = await cast.admin(), await cast.owner()
    await cast.member()
    await decide(admin, "suspend", slug=owner.organization_slug)

    response = await admin.client.get(LIST)
    searched = text_of(await admin.client.get(LIST, params={"q": owner.organization_slug}))

    assert response.status_code == 200 and parse_errors(response.text) == []
    page = text_of(response)
    assert "2 organisations" in page
    assert f'<a href="/admin/organizations/{owner.organization_slug}">' in page
    assert re.fullmatch(r"Supplier Company \w+ supplier CN 2 (\w+ )?Suspended since \d{4}-\d\d-\d\d \d\d:\d\d UTC",
                        row_of(page, f'data-slug="{owner.organization_slug}"'))
    assert row_of(page, f'data-slug="{admin.organization_slug}"').endswith("Active")
    assert "1 organisation for" in searched and admin.organization_slug not in searched


async def test_the_dashboard_links_to_the_organisations(cast: Cast) -> None:
    page = text_of(await (await cast.admin()).client.get("/admin"))

    assert '<a href="/admin/organizations">Organisations and users</a>' in page


async def test_an_organisation_page_shows_members_log_and_forms(cast: Cast) -> None:
    admin, member = await cast.admin(), await cast.member()
    slug = member.organization_slug
    await decide(admin, "suspend", user_id=member.user_id, reason="Spam inquiries")

    response = await admin.client.get(f"{LIST}/{slug}")

    assert response.status_code == 200 and parse_errors(response.text) == []
    page = text_of(response)
    assert row_of(page, f'data-user="{member.user_id}"').startswith(f"User {member.email[5:13]} {member.email} member "
                                                                    "Suspended since")
    assert '<label for="reason-organization">Reason for suspending <span class="req"' in page
    assert f'<form method="post" action="/admin/organizations/{slug}/suspend"' in page
    assert f'action="/admin/organizations/{slug}/users/{member.user_id}/reactivate"' in page
    assert re.search(r"<td>\d{4}-\d\d-\d\d \d\d:\d\d UTC</td>\s*<td>suspend</td>\s*<td>User \w+</td>\s*"
                     r"<td>Spam inquiries</td>\s*<td>User \w+</td>", page)


async def test_an_admin_suspends_and_reactivates_through_the_forms(cast: Cast, db: AsyncSession) -> None:
    admin, owner = await cast.admin(), await cast.owner()
    page = f"{LIST}/{owner.organization_slug}"

    suspended_response = await submit_form(admin.client, page, f"{page}/suspend", {"reason": "Counterfeit goods"})
    shown = text_of(await admin.client.get(suspended_response.headers["location"]))
    assert await suspended(db, owner.organization_id)
    reactivated = await submit_form(admin.client, page, f"{page}/reactivate", {"reason": "Documents checked"})

    assert (suspended_response.status_code, suspended_response.headers["location"]) == (303, f"{page}?done=suspended")
    assert "The organisation is suspended." in shown and '<label for="reason-organization">Reason for reactivating' \
        in shown
    assert (reactivated.status_code, reactivated.headers["location"]) == (303, f"{page}?done=reactivated")
    assert not await suspended(db, owner.organization_id)
    assert [(action, reason) for _, action, reason, _ in await log_rows(db, owner.organization_id)] == [
        ("suspend_organization", "Counterfeit goods"), ("reactivate_organization", "Documents checked")]


async def test_an_empty_reason_is_shown_beside_its_field_and_changes_nothing(cast: Cast, db: AsyncSession) -> None:
    admin, owner = await cast.admin(), await cast.owner()
    page = f"{LIST}/{owner.organization_slug}"

    refused = await submit_form(admin.client, page, f"{page}/suspend", {"reason": "   "})

    assert refused.status_code == 422 and parse_errors(refused.text) == []
    text = text_of(refused)
    assert f'aria-invalid="true" aria-describedby="e-reason-organization"></textarea>\n    ' \
           f'<p class="field-error" id="e-reason-organization">{REQUIRED}</p>' in text
    assert text.count('class="field-error"') == 1
    assert not await suspended(db, owner.organization_id)
    assert await log_rows(db, owner.organization_id) == []


async def test_a_members_form_shows_its_own_error_and_suspends_only_them(cast: Cast, db: AsyncSession) -> None:
    admin, owner, member = await cast.admin(), await cast.owner(), await cast.member()
    page = f"{LIST}/{owner.organization_slug}"
    action = f"{page}/users/{member.user_id}/suspend"

    refused = await submit_form(admin.client, page, action, {})
    done = await submit_form(admin.client, page, action, {"reason": "Shared the account"})

    assert refused.status_code == 422
    assert f'<p class="field-error" id="e-reason-user-{member.user_id}">{REQUIRED}</p>' in text_of(refused)
    assert (done.status_code, done.headers["location"]) == (303, f"{page}?done=user-suspended")
    assert await suspended(db, user_id=member.user_id)
    assert not await suspended(db, user_id=owner.user_id) and not await suspended(db, owner.organization_id)


async def test_a_conflict_is_shown_above_the_forms(cast: Cast, db: AsyncSession) -> None:
    admin, owner = await cast.admin(), await cast.owner()
    page = f"{LIST}/{owner.organization_slug}"
    await decide(admin, "suspend", slug=owner.organization_slug)

    response = await submit_form(admin.client, page, f"{page}/suspend", {"reason": "Again"})

    assert response.status_code == 409
    assert '<strong>This organisation is suspended already</strong>' in text_of(response)
    assert len(await log_rows(db, owner.organization_id)) == 1


async def test_an_admin_has_no_form_to_suspend_their_own_organisation_or_themselves(cast: Cast) -> None:
    admin = await cast.admin()

    page = text_of(await admin.client.get(f"{LIST}/{admin.organization_slug}"))

    assert "This is your own organisation: you cannot suspend it." in page
    assert "/suspend" not in page and row_of(page, f'data-user="{admin.user_id}"').endswith("Active You")


async def test_a_user_of_another_organisation_is_not_found_on_this_page(cast: Cast, db: AsyncSession) -> None:
    admin, owner, stranger = await cast.admin(), await cast.owner(), await cast.stranger()
    page = f"{LIST}/{owner.organization_slug}"

    response = await submit_form(admin.client, page, f"{page}/users/{stranger.user_id}/suspend", {"reason": "Spam"})

    assert response.status_code == 404
    assert not await suspended(db, user_id=stranger.user_id)


async def test_non_admins_are_refused_and_visitors_sent_to_log_in(cast: Cast, db: AsyncSession) -> None:
    owner, member = await cast.owner(), await cast.member()
    page = f"{LIST}/{owner.organization_slug}"

    for path in (LIST, page):
        refused = await owner.client.get(path)
        anonymous = await cast.anonymous.get(path)
        assert refused.status_code == 403 and "<h1>Organisations</h1>" not in refused.text
        assert "Account log" not in refused.text and member.email not in refused.text
        assert anonymous.status_code == 303 and anonymous.headers["location"].startswith("/login?next=")
    posted = [await submit_form(member.client, "/account", action, {"reason": "Mine now"})
              for action in (f"{page}/suspend", f"{page}/users/{owner.user_id}/suspend")]

    assert [response.status_code for response in posted] == [403, 403]
    assert not await suspended(db, owner.organization_id) and not await suspended(db, user_id=owner.user_id)
    assert await log_rows(db, owner.organization_id) == []
