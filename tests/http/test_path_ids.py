"""Every id in a URL is bounded to the database's integer range: an oversized id is a 422 (or the refusal the
caller gets anyway: 401, 403, 404, a page's redirect to the login) on every route of the API and the pages,
anonymous and signed in, on both databases, never a 500 from the driver."""

import re

import httpx
import pytest
from fastapi import FastAPI
from fastapi.routing import APIRoute

from app.main import ROUTERS
from tests.conftest import BASE_URL, ActorFactory

OVERSIZED = "99999999999999999999"
PARAMETER = re.compile(r"{([a-z_]+)(?::[a-z]+)?}")
STAND_INS = {"entity_type": "listing", "decision": "approve", "action": "submit", "slug": "nobody"}


def _id_routes() -> list[tuple[str, str]]:
    """(method, URL with every id oversized) of each route, of every router the app mounts, that takes an integer
    id in its path."""
    found = []
    for route in (route for mount in ROUTERS for route in mount.router.routes):
        if not isinstance(route, APIRoute):
            continue
        integer_ids = {param.name for param in route.dependant.path_params if param.field_info.annotation is int}
        if not integer_ids:
            continue
        url = PARAMETER.sub(lambda match, ids=integer_ids: OVERSIZED if match.group(1) in ids  # type: ignore[misc]
                            else STAND_INS.get(match.group(1), "x"), route.path_format)
        found.extend((method, url) for method in sorted(route.methods))
    return found


def test_the_route_table_has_id_routes() -> None:
    assert len(_id_routes()) > 30  # the check below covers them all, not an empty list


@pytest.mark.parametrize("signed_in", [False, True], ids=["anonymous", "admin"])
async def test_an_oversized_id_is_never_a_server_error(app: FastAPI, make_actor: ActorFactory, signed_in: bool) -> None:
    headers = dict((await make_actor("both", admin=True)).client.headers) if signed_in else {}
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)  # a crash is a 500 here, as users see it
    failures = []
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL, headers=headers) as caller:
        for method, url in _id_routes():
            response = await caller.request(method, url, json={} if method != "GET" else None)
            to_login = response.status_code == 303 and response.headers["location"].startswith("/login")
            if response.status_code not in {401, 403, 404, 422} and not to_login:
                failures.append(f"{method} {url}: {response.status_code}")
    assert not failures, "\n".join(failures)
