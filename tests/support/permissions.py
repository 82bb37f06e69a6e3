"""Permission tables of owned objects (listings, RFQs): the outcome each role gets for an action, and the check
that an allowed action changed the object once while a refused one left it exactly as it was."""

from collections.abc import Callable
from typing import Any

import pytest
from sqlalchemy.ext.asyncio import AsyncSession

from tests.support.actors import ROLES, Cast
from tests.support.owned import OwnedKind, Request
from tests.support.problems import assert_problem

Outcome = tuple[int, str] | None  # None: allowed; else the problem's status and code

ALLOWED: Outcome = None
HIDDEN = (404, "not_found")  # an unpublished object of another organization does not exist for strangers
NOT_A_MEMBER = (403, "not_a_member")  # a public object exists, but is not theirs to change
ADMIN_ONLY: dict[str, Outcome] = {"anonymous": (401, "not_authenticated"), "stranger": (403, "admin_only"),
                                  "owner": (403, "admin_only"), "member": (403, "admin_only"), "admin": ALLOWED}


def owner_action(stranger: Outcome) -> dict[str, Outcome]:
    """Owner actions: the organization's members and platform admins may; a stranger gets `stranger`."""
    return {"anonymous": (401, "not_authenticated"), "stranger": stranger, "owner": ALLOWED, "member": ALLOWED,
            "admin": ALLOWED}


def role_cases(table: dict[tuple[str, str], dict[str, Outcome]]) -> list[Any]:
    """(action, starting status, role, outcome) for each role of each row."""
    return [pytest.param(action, status, role, outcome, id=f"{action}-{status}-{role}")
            for (action, status), outcomes in table.items() for role, outcome in outcomes.items()]


async def check_action(kind: OwnedKind, cast: Cast, db: AsyncSession, status: str, role: str, request: Request,
                       outcome: Outcome, status_after: str | None) -> None:
    item = await kind.in_status(cast, status)
    client = await cast.client(role)
    if outcome is not ALLOWED:
        await kind.check_refused(cast, db, item, client, request, *outcome)
        return
    _, events_before = await kind.snapshot(cast, db, item)
    method, suffix, body = request

    response = await client.request(method, kind.path(item, suffix), json=body)

    assert response.status_code == 200, response.text
    stored, events = await kind.snapshot(cast, db, item)
    assert response.json() == stored
    assert stored["status"] == (status_after or status)
    assert events == [*events_before, "upsert"]


async def check_visibility(kind: OwnedKind, cast: Cast, status: str, visible_to: set[str],
                           seen_by: Callable[[str, dict[str, Any]], dict[str, Any]] | None = None) -> None:
    """GET of an item in `status`: the same body for each role in `visible_to` (as `seen_by(role, item)` says,
    where a role sees less), 404 for every other role."""
    item = await kind.in_status(cast, status)
    for role in ROLES:
        response = await (await cast.client(role)).get(kind.path(item))
        if role in visible_to:
            expected = seen_by(role, item) if seen_by else item
            assert (response.status_code, response.json()) == (200, expected), role
        else:
            assert_problem(response, 404, "not_found")
