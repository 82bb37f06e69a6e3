"""What the admin billing page tests share: a user logged in through the login form, as a browser is, and the
tiers as they were before a test edited them."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

import httpx
from fastapi import FastAPI
from sqlalchemy import select, update

from app.billing.schemas import TierUpdate
from app.models import Tier
from tests.conftest import BASE_URL, ActorFactory
from tests.support.pages import PASSWORD, submit_form


@asynccontextmanager
async def logged_in(app: FastAPI, make_actor: ActorFactory, *, admin: bool) -> AsyncIterator[httpx.AsyncClient]:
    """A cookie client of a new user (a platform admin or not) that logged in with the login form."""
    actor = await make_actor("both", admin=admin)
    async with httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL) as client:
        response = await submit_form(client, "/login", "/login", {"email": actor.email, "password": PASSWORD})
        assert response.status_code == 303, response.text
        yield client


def login_redirect(response: httpx.Response) -> bool:
    return response.is_redirect and response.headers["location"].startswith("/login")


@asynccontextmanager
async def tiers_restored(app: FastAPI) -> AsyncIterator[None]:
    """Tiers are reference data that outlives a test (tests/conftest.py empties the other tables): every field the
    edit form changes is put back afterwards, whatever the test did."""
    fields = list(TierUpdate.model_fields)
    async with app.state.sessionmaker() as session:
        stored = await session.scalars(select(Tier))
        saved = {tier.code: {name: getattr(tier, name) for name in fields} for tier in stored}
    try:
        yield
    finally:
        async with app.state.sessionmaker() as session:
            for code, values in saved.items():
                await session.execute(update(Tier).where(Tier.code == code).values(**values))
            await session.commit()
