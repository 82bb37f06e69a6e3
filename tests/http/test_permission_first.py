"""Permission is checked before the body is read: an anonymous caller is told to sign in (401) and a member who
is not an admin is refused (403) whatever the body, never handed a 422 listing what a valid body would hold."""

import re

import httpx
from fastapi import FastAPI
from fastapi.routing import APIRoute

from app.http.deps import admin_viewer
from app.main import ROUTERS
from tests.conftest import BASE_URL, ActorFactory

PARAMETER = re.compile(r"{([a-z_]+)(?::[a-z]+)?}")
STAND_INS = {"entity_type": "listing", "code": "gold", "slug": "nobody"}
# Writes anyone may make: signing up and in and out, the card gateway's signed webhook, and the two signed links
# opened from an e-mail (joining by an invitation, confirming an address): the link is the permission.
OPEN_TO_ANYONE = {"/api/v1/auth/register", "/api/v1/auth/login", "/api/v1/auth/logout",
                  "/api/v1/billing/webhooks/card-gateway", "/api/v1/invitations/accept", "/api/v1/auth/confirm-email"}


def _needs(route: APIRoute) -> set[object]:
    return {dependency.call for dependency in route.dependant.dependencies}


def _writes() -> list[tuple[str, str, APIRoute]]:
    """(method, URL, route) of every API write, ids filled with 1."""
    found = []
    for route in (route for mount in ROUTERS if not mount.page for route in mount.router.routes):
        if isinstance(route, APIRoute):
            url = PARAMETER.sub(lambda match: STAND_INS.get(match.group(1), "1"), route.path_format)
            found.extend((method, url, route) for method in sorted(route.methods - {"GET", "HEAD"}))
    return found


async def test_every_api_write_but_the_open_ones_asks_an_anonymous_caller_to_sign_in(app: FastAPI) -> None:
    writes = _writes()
    assert len(writes) > 30
    transport = httpx.ASGITransport(app=app, raise_app_exceptions=False)
    async with httpx.AsyncClient(transport=transport, base_url=BASE_URL) as anonymous:
        answers = {f"{method} {url}": (await anonymous.request(method, url, json={"junk": True})).status_code
                   for method, url, route in writes if route.path_format not in OPEN_TO_ANYONE}
    assert {call: status for call, status in answers.items() if status != 401} == {}


async def test_admin_writes_refuse_a_member_before_reading_the_body(app: FastAPI, make_actor: ActorFactory) -> None:
    member = await make_actor("both")
    admin_writes = [(method, url) for method, url, route in _writes() if admin_viewer in _needs(route)]
    assert len(admin_writes) >= 5
    answers = {f"{method} {url}": (await member.client.request(method, url, json={"junk": True})).status_code
               for method, url in admin_writes}
    assert {call: status for call, status in answers.items() if status != 403} == {}
