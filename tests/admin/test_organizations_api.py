"""/api/v1/admin/organizations and /api/v1/admin/users: the list and one organisation, suspension and reactivation
with a required reason, each decision in the account log; refused to everyone but platform admins."""

import httpx
import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.admin.accounts import ORGANIZATIONS, decide, log_rows, suspended
from tests.support.actors import Cast
from tests.support.permissions import ADMIN_ONLY, Outcome
from tests.support.problems import assert_invalid, assert_problem

REASON = "Fraud reports from three buyers"


async def test_the_list_is_searchable_by_name_slug_and_country(cast: Cast) -> None:
    admin, owner = await cast.admin(), await cast.owner()
    await cast.member()
    buyer = await cast.other("buyer")  # in CN, like every cast organisation

    everyone = (await admin.client.get(ORGANIZATIONS)).json()
    by_name = (await admin.client.get(ORGANIZATIONS, params={"q": "buyer company"})).json()
    by_slug = (await admin.client.get(ORGANIZATIONS, params={"q": owner.organization_slug})).json()
    by_country = (await admin.client.get(ORGANIZATIONS, params={"q": "cn"})).json()
    nothing = (await admin.client.get(ORGANIZATIONS, params={"q": "100%_"})).json()

    assert everyone["total"] == 3 and [item["name"] for item in everyone["items"]] == sorted(
        item["name"] for item in everyone["items"])
    assert [item["slug"] for item in by_name["items"]] == [buyer.organization_slug]
    row = by_slug["items"][0]
    assert (by_slug["total"], row["slug"], row["role"], row["country"], row["members"], row["suspended_at"]) == \
        (1, owner.organization_slug, "supplier", "CN", 2, None)
    assert "plan" in row
    assert by_country["total"] == 3 and nothing["total"] == 0


async def test_the_list_is_paged(cast: Cast) -> None:
    admin = await cast.admin()
    await cast.owner()
    await cast.stranger()

    first = (await admin.client.get(ORGANIZATIONS, params={"per_page": 2})).json()
    last = (await admin.client.get(ORGANIZATIONS, params={"per_page": 2, "page": 2})).json()

    assert (first["total"], first["pages"], len(first["items"]), len(last["items"])) == (3, 2, 2, 1)
    assert {item["id"] for item in first["items"]}.isdisjoint({item["id"] for item in last["items"]})


async def test_suspension_and_reactivation_are_logged_with_their_reasons(cast: Cast, db: AsyncSession) -> None:
    admin, owner = await cast.admin(), await cast.owner()

    body = await decide(admin, "suspend", slug=owner.organization_slug)
    assert await suspended(db, owner.organization_id)
    again = await decide(admin, "reactivate", slug=owner.organization_slug, reason="  Cleared after review  ")

    assert body["suspended_at"] is not None and again["suspended_at"] is None
    assert not await suspended(db, owner.organization_id)
    assert [(entry["action"], entry["reason"], entry["admin_name"], entry["user_id"]) for entry in again["log"]] == [
        ("reactivate_organization", "Cleared after review", "User " + admin.email[5:13], None),
        ("suspend_organization", REASON, "User " + admin.email[5:13], None)]
    assert await log_rows(db, owner.organization_id) == [
        (None, "suspend_organization", REASON, admin.user_id),
        (None, "reactivate_organization", "Cleared after review", admin.user_id)]


async def test_one_user_is_suspended_and_reactivated(cast: Cast, db: AsyncSession) -> None:
    admin, member = await cast.admin(), await cast.member()

    body = await decide(admin, "suspend", user_id=member.user_id)
    assert await suspended(db, user_id=member.user_id)
    assert not await suspended(db, member.organization_id)
    await decide(admin, "reactivate", user_id=member.user_id, reason="Apologised")

    detail = (await admin.client.get(f"{ORGANIZATIONS}/{member.organization_slug}")).json()
    assert (body["id"], body["suspended_at"] is not None) == (member.user_id, True)
    assert not await suspended(db, user_id=member.user_id)
    assert [(user["id"], user["member_role"], user["suspended_at"]) for user in detail["users"]] == [
        (detail["users"][0]["id"], "owner", None), (member.user_id, "member", None)]
    assert [(entry["action"], entry["user_id"], entry["user_name"]) for entry in detail["log"]] == [
        ("reactivate_user", member.user_id, detail["users"][1]["name"]),
        ("suspend_user", member.user_id, detail["users"][1]["name"])]
    assert await log_rows(db, member.organization_id) == [
        (member.user_id, "suspend_user", REASON, admin.user_id),
        (member.user_id, "reactivate_user", "Apologised", admin.user_id)]


@pytest.mark.parametrize("reason", ["", "   ", None])
@pytest.mark.parametrize("decision", ["suspend", "reactivate"])
async def test_a_reason_is_required_and_nothing_changes_without_one(cast: Cast, db: AsyncSession, decision: str,
                                                                     reason: str | None) -> None:
    admin, owner, member = await cast.admin(), await cast.owner(), await cast.member()
    if decision == "reactivate":
        await decide(admin, "suspend", slug=owner.organization_slug)
        await decide(admin, "suspend", user_id=member.user_id)
    before = await log_rows(db, owner.organization_id)
    body = {} if reason is None else {"reason": reason}

    refused_organization = await admin.client.post(f"{ORGANIZATIONS}/{owner.organization_slug}/{decision}",
                                                   json=body)
    refused_user = await admin.client.post(f"/api/v1/admin/users/{member.user_id}/{decision}", json=body)

    problem = assert_invalid(refused_organization, reason="reason_required")
    assert problem["errors"][0]["message"] == "Give the reason: it is kept in the organisation's account log"
    assert_invalid(refused_user, reason="reason_required")
    assert await suspended(db, owner.organization_id) is (decision == "reactivate")
    assert await suspended(db, user_id=member.user_id) is (decision == "reactivate")
    assert await log_rows(db, owner.organization_id) == before


async def test_a_too_long_reason_is_refused(cast: Cast) -> None:
    admin, owner = await cast.admin(), await cast.owner()

    response = await admin.client.post(f"{ORGANIZATIONS}/{owner.organization_slug}/suspend",
                                       json={"reason": "x" * 2001})

    assert_invalid(response, reason="string_too_long")


async def test_suspending_twice_or_reactivating_an_active_account_conflicts(cast: Cast, db: AsyncSession) -> None:
    admin, owner, member = await cast.admin(), await cast.owner(), await cast.member()
    await decide(admin, "suspend", slug=owner.organization_slug)
    await decide(admin, "suspend", user_id=member.user_id)

    cases = [(f"{ORGANIZATIONS}/{owner.organization_slug}/suspend", "already_suspended"),
             (f"/api/v1/admin/users/{member.user_id}/suspend", "already_suspended"),
             (f"{ORGANIZATIONS}/{(await cast.stranger()).organization_slug}/reactivate", "not_suspended"),
             (f"/api/v1/admin/users/{owner.user_id}/reactivate", "not_suspended")]
    for path, code in cases:
        assert_problem(await admin.client.post(path, json={"reason": REASON}), 409, code)
    assert len(await log_rows(db, owner.organization_id)) == 2


async def test_an_admin_cannot_suspend_their_own_organisation_or_themselves(cast: Cast, db: AsyncSession) -> None:
    admin = await cast.admin()

    own = await admin.client.post(f"{ORGANIZATIONS}/{admin.organization_slug}/suspend", json={"reason": REASON})
    themselves = await admin.client.post(f"/api/v1/admin/users/{admin.user_id}/suspend", json={"reason": REASON})

    assert_problem(own, 409, "cannot_suspend_own_organization")
    assert_problem(themselves, 409, "cannot_suspend_yourself")
    assert not await suspended(db, admin.organization_id)
    assert not await suspended(db, user_id=admin.user_id)
    assert await log_rows(db, admin.organization_id) == []


async def test_unknown_organisations_and_users_are_not_found(cast: Cast) -> None:
    admin = await cast.admin()

    assert_problem(await admin.client.get(f"{ORGANIZATIONS}/no-such-org"), 404, "not_found")
    assert_problem(await admin.client.post(f"{ORGANIZATIONS}/no-such-org/suspend", json={"reason": REASON}),
                   404, "not_found")
    assert_problem(await admin.client.post("/api/v1/admin/users/999999/suspend", json={"reason": REASON}),
                   404, "not_found")


REQUESTS = ["list", "detail", "suspend organization", "reactivate organization", "suspend user", "reactivate user"]


async def _request(cast: Cast, role: str, name: str, target_slug: str, target_user: int) -> httpx.Response:
    client = await cast.client(role)
    if name == "list":
        return await client.get(ORGANIZATIONS)
    if name == "detail":
        return await client.get(f"{ORGANIZATIONS}/{target_slug}")
    decision, what = name.split()
    path = f"{ORGANIZATIONS}/{target_slug}" if what == "organization" else f"/api/v1/admin/users/{target_user}"
    return await client.post(f"{path}/{decision}", json={"reason": REASON})


@pytest.mark.parametrize("role", [role for role, outcome in ADMIN_ONLY.items() if outcome is not None])
@pytest.mark.parametrize("name", REQUESTS)
async def test_only_platform_admins_manage_accounts(cast: Cast, db: AsyncSession, role: str, name: str) -> None:
    target = await cast.other("buyer")
    if name.startswith("reactivate"):
        admin = await cast.admin()
        await decide(admin, "suspend", slug=target.organization_slug)
        await decide(admin, "suspend", user_id=target.user_id)
    before = await log_rows(db, target.organization_id)
    outcome: Outcome = ADMIN_ONLY[role]
    assert outcome is not None

    response = await _request(cast, role, name, target.organization_slug, target.user_id)

    assert_problem(response, *outcome)
    assert await suspended(db, target.organization_id) is name.startswith("reactivate")
    assert await log_rows(db, target.organization_id) == before
