"""The people of a permission test: users with an API token, stored directly.

Registering through the API hashes a password with argon2 (~100 ms here); the role tables would pay that several
times per case. Registration itself is tested in tests/accounts; these users reach the API exactly like registered
ones (bearer token -> user -> organization)."""

import secrets
from collections.abc import AsyncIterator

import httpx
import pytest
from fastapi import FastAPI

from app.core.security import hash_api_token, new_api_token
from app.models import ApiToken, Organization, User
from app.models.enums import MemberRole, OrganizationRole
from tests.conftest import BASE_URL, Actor

ROLES = ("anonymous", "stranger", "owner", "member", "admin")


async def new_actor(app: FastAPI, role: str = "supplier", *, admin: bool = False, member_of: Actor | None = None,
                    country: str = "CN") -> Actor:
    """The owner of a new organization of `role`, or with `member_of` a plain member of that actor's
    organization. The caller closes `actor.client`."""
    suffix = secrets.token_hex(4)
    token = new_api_token()
    async with app.state.sessionmaker() as session:
        organization_id = member_of.organization_id if member_of else await _new_organization(session, role, suffix,
                                                                                              country)
        user = User(email=f"user-{suffix}@example.com", password_hash="!", name=f"User {suffix}",
                    organization_id=organization_id, is_platform_admin=admin,
                    member_role=MemberRole.MEMBER if member_of else MemberRole.OWNER)
        session.add(user)
        await session.flush()
        session.add(ApiToken(user_id=user.id, name="tests", token_hash=hash_api_token(token), prefix=token[:10]))
        slug = (await session.get_one(Organization, organization_id)).slug
        await session.commit()
    client = httpx.AsyncClient(transport=httpx.ASGITransport(app=app), base_url=BASE_URL,
                               headers={"Authorization": f"Bearer {token}"})
    return Actor(client, user.id, user.email, "", organization_id, slug)


async def _new_organization(session: object, role: str, suffix: str, country: str) -> int:
    organization = Organization(name=f"{role.title()} Company {suffix}", slug=f"{role}-company-{suffix}",
                                role=OrganizationRole(role), country=country)
    session.add(organization)  # type: ignore[attr-defined]
    await session.flush()  # type: ignore[attr-defined]
    return organization.id


class Cast:
    """Created on first use: the owner of an organization of `owner_role`, a member of that organization,
    a stranger owning another organization of the same role, and a platform admin (of an organization that
    both buys and sells). `anonymous` is the unauthenticated client."""

    def __init__(self, app: FastAPI, anonymous: httpx.AsyncClient, owner_role: str) -> None:
        self._app = app
        self.anonymous = anonymous
        self.owner_role = owner_role
        self._actors: dict[str, Actor] = {}

    async def _actor(self, name: str, role: str, *, admin: bool = False, member_of: Actor | None = None) -> Actor:
        if name not in self._actors:
            self._actors[name] = await new_actor(self._app, role, admin=admin, member_of=member_of)
        return self._actors[name]

    async def owner(self) -> Actor:
        return await self._actor("owner", self.owner_role)

    async def member(self) -> Actor:
        return await self._actor("member", self.owner_role, member_of=await self.owner())

    async def stranger(self) -> Actor:
        return await self._actor("stranger", self.owner_role)

    async def admin(self) -> Actor:
        return await self._actor("admin", "both", admin=True)

    async def other(self, role: str) -> Actor:
        """The owner of one more organization, of `role` (supplier, buyer or both)."""
        return await self._actor(f"other-{role}", role)

    async def client(self, role: str) -> httpx.AsyncClient:
        """The HTTP client of one of ROLES."""
        if role == "anonymous":
            return self.anonymous
        actor: Actor = await getattr(self, role)()
        return actor.client

    async def close(self) -> None:
        for actor in self._actors.values():
            await actor.client.aclose()


def cast_fixture(owner_role: str) -> object:
    """A `cast` fixture for a test folder whose objects belong to organizations of `owner_role`."""

    @pytest.fixture
    async def cast(app: FastAPI, client: httpx.AsyncClient) -> AsyncIterator[Cast]:
        people = Cast(app, client, owner_role)
        yield people
        await people.close()

    return cast
