"""Queries of users, organizations, API tokens and login failures."""

from datetime import datetime

from sqlalchemy import delete, func, select, update
from sqlalchemy.ext.asyncio import AsyncSession

from app.models import ApiToken, LoginFailure, LoginSession, Organization, User
from app.models.enums import MemberRole


async def user_by_email(session: AsyncSession, email: str) -> User | None:
    return await session.scalar(select(User).where(User.email == email.lower()))


async def user_by_id(session: AsyncSession, user_id: int) -> User | None:
    return await session.get(User, user_id)


async def owner_of(session: AsyncSession, organization_id: int) -> User | None:
    """The organization's first owner (lowest id), if it has one."""
    return await session.scalar(
        select(User).where(User.organization_id == organization_id, User.member_role == MemberRole.OWNER)
        .order_by(User.id).limit(1)
    )


async def has_organizations(session: AsyncSession) -> bool:
    """Whether at least one organization is registered."""
    return await session.scalar(select(Organization.id).limit(1)) is not None


async def organization_by_slug(session: AsyncSession, slug: str) -> Organization | None:
    return await session.scalar(select(Organization).where(Organization.slug == slug))


async def slugs_starting_with(session: AsyncSession, base: str) -> set[str]:
    rows = await session.scalars(select(Organization.slug).where(Organization.slug.like(f"{base}%")))
    return set(rows)


async def live_token(session: AsyncSession, token_hash: str) -> ApiToken | None:
    return await session.scalar(
        select(ApiToken).where(ApiToken.token_hash == token_hash, ApiToken.revoked_at.is_(None))
    )


async def tokens_of(session: AsyncSession, user_id: int) -> list[ApiToken]:
    rows = await session.scalars(select(ApiToken).where(ApiToken.user_id == user_id).order_by(ApiToken.id))
    return list(rows)


async def failures_since(session: AsyncSession, since: datetime, *, client_address: str,
                         email: str | None = None, excluding: int | None = None) -> tuple[int, datetime | None]:
    """How many failed logins from this address (for this e-mail, if given) since `since`, and the latest one's
    time; `excluding` is the attempt asking."""
    condition = [LoginFailure.created_at >= since, LoginFailure.client_address == client_address]
    if email is not None:
        condition.append(LoginFailure.email == email)
    if excluding is not None:
        condition.append(LoginFailure.id != excluding)
    row = (await session.execute(select(func.count(), func.max(LoginFailure.created_at)).where(*condition))).one()
    return row[0], row[1]


async def delete_failure(session: AsyncSession, failure_id: int) -> None:
    await session.execute(delete(LoginFailure).where(LoginFailure.id == failure_id))


async def clear_failures(session: AsyncSession, email: str, client_address: str) -> None:
    await session.execute(delete(LoginFailure).where(LoginFailure.email == email,
                                                     LoginFailure.client_address == client_address))


async def live_session(session: AsyncSession, key_hash: str, now: datetime) -> LoginSession | None:
    return await session.scalar(select(LoginSession).where(
        LoginSession.key_hash == key_hash, LoginSession.ended_at.is_(None), LoginSession.expires_at > now))


async def end_sessions(session: AsyncSession, user_id: int, now: datetime, *, key_hash: str | None = None,
                       except_key_hash: str | None = None) -> int:
    """Ends the user's live sessions (only the one with `key_hash`, or all but `except_key_hash`); how many."""
    condition = [LoginSession.user_id == user_id, LoginSession.ended_at.is_(None)]
    if key_hash is not None:
        condition.append(LoginSession.key_hash == key_hash)
    if except_key_hash is not None:
        condition.append(LoginSession.key_hash != except_key_hash)
    result = await session.execute(update(LoginSession).where(*condition).values(ended_at=now))
    return int(getattr(result, "rowcount", 0) or 0)


async def live_session_count(session: AsyncSession, user_id: int, now: datetime) -> int:
    return int(await session.scalar(select(func.count()).select_from(LoginSession).where(
        LoginSession.user_id == user_id, LoginSession.ended_at.is_(None), LoginSession.expires_at > now)) or 0)


async def sign_ups_since(session: AsyncSession, address: str, since: datetime) -> tuple[int, datetime | None]:
    """How many users this address signed up since `since`, and the earliest one's time."""
    row = (await session.execute(select(func.count(), func.min(User.created_at)).where(
        User.registered_from == address, User.created_at >= since))).one()
    return row[0], row[1]
