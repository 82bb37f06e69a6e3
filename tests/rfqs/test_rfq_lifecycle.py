"""RFQs: the status machine draft -> pending_review -> open / rejected -> closed."""

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.support.actors import Cast
from tests.support.rfqs import RFQS, as_outsider_sees, rfq_in_status

INVALID = [
    ("draft", "admin", "approve", "open"),
    ("draft", "admin", "reject", "rejected"),
    ("pending_review", "owner", "submit", "pending_review"),
    ("open", "owner", "submit", "pending_review"),
    ("open", "admin", "approve", "open"),
    ("open", "admin", "reject", "rejected"),
    ("rejected", "admin", "approve", "open"),
    ("closed", "owner", "close", "closed"),
    ("closed", "owner", "submit", "pending_review"),
    ("closed_after_open", "owner", "close", "closed"),
]


@pytest.mark.parametrize(("status", "role", "action", "target"), INVALID,
                         ids=[f"{action} {status}" for status, _, action, _ in INVALID])
async def test_invalid_transition_is_409(cast: Cast, db: AsyncSession, status: str, role: str, action: str,
                                         target: str) -> None:
    rfq = await rfq_in_status(cast, status)
    body = {"reason": "Too vague to quote"} if action == "reject" else None

    problem = await RFQS.check_refused(cast, db, rfq, await cast.client(role), ("POST", f"/{action}", body),
                                       409, "invalid_status_transition")

    assert problem["detail"] == f"An RFQ that is {rfq['status']} cannot become {target}"


@pytest.mark.parametrize("status", ["pending_review", "open", "closed"])
async def test_rfq_under_review_open_or_closed_cannot_be_edited(cast: Cast, db: AsyncSession, status: str) -> None:
    rfq = await rfq_in_status(cast, status)
    owner = await cast.owner()

    problem = await RFQS.check_refused(cast, db, rfq, owner.client, ("PATCH", "", {"title": "Robusta coffee beans"}),
                                       403, "not_editable")

    assert problem["detail"] == f"An RFQ that is {status} cannot be edited"


async def test_rejected_rfq_is_fixed_resubmitted_and_approved(cast: Cast) -> None:
    owner, admin = await cast.owner(), await cast.admin()
    rfq = await rfq_in_status(cast, "rejected")
    assert rfq["rejection_reason"] == "Too vague to quote"
    path = f"/api/v1/rfqs/{rfq['id']}"

    edited = await owner.client.patch(path, json={"description": "Arabica, washed, screen 16+"})
    assert (edited.status_code, edited.json()["status"], edited.json()["rejection_reason"]) == (
        200, "rejected", "Too vague to quote")

    resubmitted = await owner.client.post(f"{path}/submit")
    assert (resubmitted.status_code, resubmitted.json()["status"], resubmitted.json()["rejection_reason"]) == (
        200, "pending_review", None)

    approved = await admin.client.post(f"{path}/approve")
    assert (approved.json()["status"], approved.json()["description"]) == ("open", "Arabica, washed, screen 16+")


@pytest.mark.parametrize("status", ["draft", "pending_review", "rejected", "open"])
async def test_every_live_status_can_be_closed(cast: Cast, status: str) -> None:
    rfq = await rfq_in_status(cast, status)

    response = await (await cast.owner()).client.post(f"/api/v1/rfqs/{rfq['id']}/close")

    assert (response.status_code, response.json()["status"], response.json()["opened_at"]) == (
        200, "closed", rfq["opened_at"])


async def test_closed_rfq_leaves_the_public_list_but_stays_readable(cast: Cast) -> None:
    rfq = await rfq_in_status(cast, "open")
    assert (await cast.anonymous.get("/api/v1/rfqs")).json()["total"] == 1

    closed = (await (await cast.owner()).client.post(f"/api/v1/rfqs/{rfq['id']}/close")).json()

    assert (await cast.anonymous.get("/api/v1/rfqs")).json()["total"] == 0
    assert (await cast.anonymous.get(f"/api/v1/rfqs/{rfq['id']}")).json() == as_outsider_sees(closed)
