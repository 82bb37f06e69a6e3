"""RFQs: who may do what, one case per role and action; every refusal leaves the RFQ as it was."""

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from app.models.enums import EntityType
from tests.support.actors import Cast
from tests.support.outbox import outbox_operations
from tests.support.owned import Request
from tests.support.permissions import (
    ADMIN_ONLY,
    ALLOWED,
    HIDDEN,
    NOT_A_MEMBER,
    Outcome,
    check_action,
    check_visibility,
    owner_action,
    role_cases,
)
from tests.support.problems import assert_problem
from tests.support.rfqs import RFQS, rfq_payload, seen_by

# action: (request, status the RFQ has afterwards; None: unchanged)
ACTIONS: dict[str, tuple[Request, str | None]] = {
    "update": (("PATCH", "", {"title": "Robusta coffee beans"}), None),
    "submit": (("POST", "/submit", None), "pending_review"),
    "approve": (("POST", "/approve", None), "open"),
    "reject": (("POST", "/reject", {"reason": "Too vague to quote"}), "rejected"),
    "close": (("POST", "/close", None), "closed"),
}
TABLE = {
    ("update", "draft"): owner_action(HIDDEN),
    ("update", "rejected"): owner_action(HIDDEN),
    ("submit", "draft"): owner_action(HIDDEN),
    ("submit", "rejected"): owner_action(HIDDEN),
    ("close", "draft"): owner_action(HIDDEN),
    ("close", "open"): owner_action(NOT_A_MEMBER),
    ("approve", "pending_review"): ADMIN_ONLY,
    ("reject", "pending_review"): ADMIN_ONLY,
}


@pytest.mark.parametrize(("action", "status", "role", "outcome"), role_cases(TABLE))
async def test_action_per_role(cast: Cast, db: AsyncSession, action: str, status: str, role: str,
                               outcome: Outcome) -> None:
    request, status_after = ACTIONS[action]
    await check_action(RFQS, cast, db, status, role, request, outcome, status_after)


@pytest.mark.parametrize(("status", "visible_to"), [
    ("draft", {"owner", "member", "admin"}),
    ("pending_review", {"owner", "member", "admin"}),
    ("rejected", {"owner", "member", "admin"}),
    ("closed", {"owner", "member", "admin"}),
    ("open", {"anonymous", "stranger", "owner", "member", "admin"}),
    ("closed_after_open", {"anonymous", "stranger", "owner", "member", "admin"}),
])
async def test_get_per_role(cast: Cast, status: str, visible_to: set[str]) -> None:
    await check_visibility(RFQS, cast, status, visible_to, seen_by)


@pytest.mark.parametrize(("organization_role", "outcome"), [
    ("buyer", ALLOWED),
    ("both", ALLOWED),
    ("supplier", (403, "not_a_buyer")),
])
async def test_create_per_organization_role(cast: Cast, db: AsyncSession, organization_role: str,
                                            outcome: Outcome) -> None:
    actor = await cast.other(organization_role)

    response = await actor.client.post("/api/v1/rfqs", json=rfq_payload())

    if outcome is ALLOWED:
        assert response.status_code == 201
        assert (response.json()["organization_id"], response.json()["user_id"], response.json()["status"]) == (
            actor.organization_id, actor.user_id, "draft")
        assert await outbox_operations(db, EntityType.RFQ) == ["upsert"]
    else:
        assert_problem(response, *outcome)
        assert await outbox_operations(db, EntityType.RFQ) == []


async def test_create_anonymous_is_401(cast: Cast, db: AsyncSession) -> None:
    assert_problem(await cast.anonymous.post("/api/v1/rfqs", json=rfq_payload()), 401, "not_authenticated")
    assert await outbox_operations(db, EntityType.RFQ) == []
