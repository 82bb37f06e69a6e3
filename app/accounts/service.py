"""Accounts: registration, login with throttling, passwords, API tokens, organization profiles."""

import math
import re
import unicodedata
from datetime import timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from app.accounts import repository, sessions
from app.accounts.schemas import ChangePasswordInput, OrganizationUpdate, RegisterInput
from app.auth.viewer import SignedIn, Viewer, can_manage, suspension
from app.background.outbox import record_change
from app.core.clock import utcnow
from app.core.config import Settings
from app.core.errors import (
    AppError,
    FieldError,
    conflict,
    forbidden,
    not_found,
    too_many_requests,
    validation_failed,
)
from app.core.repository import get_or_404, get_or_none, get_users_own
from app.core.security import (
    hash_api_token,
    hash_password_off_loop,
    new_api_token,
    password_matches,
    sign,
    unsign,
)
from app.http.locale import LOCALES
from app.models import ApiToken, LoginFailure, Organization, User
from app.models.enums import EntityType, MemberRole
from app.notifications.service import send_email
from app.rfqs import quality

ADDRESS_CHECK = "address-check"
ADDRESS_CHECK_DAYS = 3
ADDRESS_FAILURE_FACTOR = 4  # one address may fail for several accounts (an office behind one NAT)
FIRST_DELAY_SECONDS = 2


def slugify(text: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text.lower()).strip("-")[:100] or "org"


async def unique_slug(session: AsyncSession, name: str) -> str:
    base = slugify(name)
    taken = await repository.slugs_starting_with(session, base)
    if base not in taken:
        return base
    return next(f"{base}-{n}" for n in range(2, len(taken) + 3) if f"{base}-{n}" not in taken)


def viewer_of(user: User, organization: Organization) -> Viewer:
    return Viewer(
        user_id=user.id,
        organization_id=organization.id,
        organization_role=organization.role,
        member_role=user.member_role,
        is_admin=user.is_platform_admin,
    )


async def _ensure_sign_ups_left(session: AsyncSession, settings: Settings, address: str) -> None:
    since = utcnow() - timedelta(hours=1)
    count, earliest = await repository.sign_ups_since(session, address, since)
    if count >= settings.registrations_per_hour and earliest is not None:
        retry_after = max(1, math.ceil((earliest - since).total_seconds()))
        raise too_many_requests(f"{settings.registrations_per_hour} accounts were signed up from your address in "
                                "the last hour; wait before signing up another", retry_after)


async def register(session: AsyncSession, data: RegisterInput, *, settings: Settings | None = None,
                   address: str | None = None) -> User:
    """A new organization with its first user, its owner. A sign-up from the web names its client's address and
    counts against the hourly sign-ups of that address; the seed and the CLI name none."""
    if settings is not None and address is not None:
        await _ensure_sign_ups_left(session, settings, address)
    email = data.email.lower()
    if await repository.user_by_email(session, email) is not None:
        raise conflict("An account with this e-mail address already exists", code="email_taken")
    organization = Organization(
        name=data.organization_name,
        slug=await unique_slug(session, data.organization_name),
        role=data.organization_role,
        country=data.country,
        **data.model_dump(include=set(OrganizationUpdate.model_fields) - {"name", "role", "country"}, mode="json"),
    )
    session.add(organization)
    await session.flush()
    user = User(
        email=email,
        password_hash=await hash_password_off_loop(data.password),
        name=data.name,
        organization_id=organization.id,
        member_role=MemberRole.OWNER,
        is_platform_admin=False,
        registered_from=address,
        # The seed and the CLI vouch for the addresses they give; a sign-up confirms its own by the link sent.
        email_verified_at=None if settings else utcnow(),
    )
    session.add(user)
    record_change(session, EntityType.ORGANIZATION, organization.id)
    await session.flush()
    if settings is not None:
        await send_address_check(session, settings, user)
    return user


async def send_address_check(session: AsyncSession, settings: Settings, user: User) -> None:
    """E-mails a signed link that confirms `user` owns their address; it names the address, so a link sent before
    an address change confirms nothing."""
    token = sign(settings.secret_key, ADDRESS_CHECK, {"user": user.id, "email": user.email})
    link = f"{settings.site_url.rstrip('/')}/account/confirm-email/{token}"
    body = (f"Hello {user.name},\n\nconfirm that {user.email} is your address on tradeleads by opening this link "
            f"(it works for {ADDRESS_CHECK_DAYS} days):\n{link}\n\nBuyers and suppliers trust confirmed "
            "addresses more. If you did not sign up, ignore this e-mail.")
    await send_email(session, user.email, "Confirm your e-mail address on tradeleads", body)


async def resend_address_check(session: AsyncSession, settings: Settings, viewer: Viewer) -> User:
    user = await _user(session, viewer.user_id)
    if user.email_verified_at is not None:
        raise conflict("Your e-mail address is confirmed already", code="email_already_confirmed")
    await send_address_check(session, settings, user)
    return user


async def confirm_address(session: AsyncSession, settings: Settings, token: str) -> User:
    data = unsign(settings.secret_key, ADDRESS_CHECK, token, max_age=ADDRESS_CHECK_DAYS * 86400)
    user = await repository.user_by_id(session, data["user"]) if data and isinstance(data.get("user"), int) else None
    if user is None or data is None or data.get("email") != user.email:
        raise AppError("This confirmation link does not work: it has expired or is not for your current address. "
                       "Send a new one from your account page.", code="confirmation_not_valid", status=404,
                       title="Not found")
    if user.email_verified_at is None:
        user.email_verified_at = utcnow()
        await session.flush()
        await quality.reassess_live_rfqs_of(session, user.organization_id)  # a confirmed buyer asks better leads
    return user


async def _ensure_not_throttled(session: AsyncSession, settings: Settings, email: str, address: str,
                                attempt: int) -> None:
    """Guessing slows down instead of locking anyone out: after `login_max_failures` failures of one account from
    one address (four times as many from one address over all accounts), each further attempt from that address
    waits twice as long as the one before, up to the window. The owner elsewhere never waits for a guesser."""
    now = utcnow()
    since = now - timedelta(seconds=settings.login_window_seconds)
    counts = (
        (await repository.failures_since(session, since, email=email, client_address=address, excluding=attempt),
         settings.login_max_failures),
        (await repository.failures_since(session, since, client_address=address, excluding=attempt),
         settings.login_max_failures * ADDRESS_FAILURE_FACTOR),
    )
    for (count, latest), free in counts:
        if count < free or latest is None:
            continue
        delay = min(FIRST_DELAY_SECONDS * 2 ** (count - free), settings.login_window_seconds)
        wait = latest + timedelta(seconds=delay) - now
        if wait.total_seconds() > 0:
            raise too_many_requests("Too many failed logins; wait before trying again",
                                    max(1, math.ceil(wait.total_seconds())))


async def _admit_attempt(session: AsyncSession, settings: Settings, email: str, address: str) -> None:
    """Counts the attempt as a failure before the password is checked, so that attempts arriving at once see each
    other (a burst of guesses cannot all pass the throttle before the first is counted), then applies the throttle;
    an attempt it refuses was never tried and does not lengthen the wait. On a connection of its own, committed:
    the failed request rolls back, the failure must stay counted (a success clears it). The request's connection
    is not held meanwhile, so a burst of logins cannot exhaust the pool waiting for second connections."""
    async with AsyncSession(bind=session.bind) as audit:
        failure = LoginFailure(email=email, client_address=address)
        audit.add(failure)
        await audit.flush()
        attempt = failure.id
        await audit.commit()
        try:
            await _ensure_not_throttled(audit, settings, email, address, attempt)
        except AppError:
            await repository.delete_failure(audit, attempt)
            await audit.commit()
            raise


async def authenticate(
    session: AsyncSession, settings: Settings, email: str, password: str, client_address: str
) -> User:
    email = email.lower()
    await _admit_attempt(session, settings, email, client_address)
    user = await repository.user_by_email(session, email)
    if not await password_matches(password, user.password_hash if user else None) or user is None:
        raise AppError("E-mail or password is wrong", code="invalid_credentials", status=401,
                       title="Login failed")
    refusal = suspension(user, await get_organization_by_id(session, user.organization_id))
    if refusal is not None:
        raise refusal
    user.last_login_at = utcnow()
    await repository.clear_failures(session, email, client_address)  # this attempt's row with the others
    await session.flush()
    return user


async def change_password(session: AsyncSession, viewer: Viewer, data: ChangePasswordInput) -> User:
    user = await _user(session, viewer.user_id)
    if not await password_matches(data.current_password, user.password_hash):
        raise validation_failed([FieldError("current_password", "The current password is wrong", "wrong_password")])
    user.password_hash = await hash_password_off_loop(data.new_password)
    await session.flush()
    return user


async def _user(session: AsyncSession, user_id: int) -> User:
    user = await repository.user_by_id(session, user_id)
    if user is None:
        raise not_found("User")
    return user


async def set_language(session: AsyncSession, viewer: Viewer, language: str | None) -> User:
    """Keeps the pages' language with the account: `language` is a locale (app.http.locale.LOCALES: en, zh_Hans,
    es) or its BCP 47 tag (en, zh-Hans, es); anything else, or None, means as the browser asks."""
    user = await _user(session, viewer.user_id)
    by_tag = {tag: locale for locale, tag in LOCALES.items()}
    user.language = language if language in LOCALES else by_tag.get(language or "")
    await session.flush()
    return user


async def me(session: AsyncSession, viewer: Viewer) -> tuple[User, Organization]:
    user = await _user(session, viewer.user_id)
    return user, await get_organization_by_id(session, viewer.organization_id)


def _signed_in(user: User, organization: Organization) -> SignedIn:
    return SignedIn(viewer_of(user, organization), user.name, user.email, organization.name, organization.slug,
                    user.language)


class AccountsIdentity:
    """Who is asking, for the request plumbing (app.http.identity.Identity)."""

    async def from_session(self, session: AsyncSession, user_id: int, version: str, key: str) -> SignedIn | None:
        user = await repository.user_by_id(session, user_id)
        if user is None or sessions.session_version(user) != version:
            return None
        if not await sessions.is_live(session, user_id, key):
            return None
        organization = await get_or_none(session, Organization, user.organization_id)
        return _signed_in(user, organization) if organization else None

    async def from_token(self, session: AsyncSession, token: str) -> SignedIn | None:
        api_token = await repository.live_token(session, hash_api_token(token))
        if api_token is None:
            return None
        user = await repository.user_by_id(session, api_token.user_id)
        organization = await get_or_none(session, Organization, user.organization_id) if user else None
        if user is None or organization is None:
            return None
        api_token.last_used_at = utcnow()
        return _signed_in(user, organization)


async def create_token(session: AsyncSession, viewer: Viewer, name: str) -> tuple[ApiToken, str]:
    plaintext = new_api_token()
    token = ApiToken(user_id=viewer.user_id, name=name, token_hash=hash_api_token(plaintext),
                     prefix=plaintext[:10])
    session.add(token)
    await session.flush()
    return token, plaintext


async def list_tokens(session: AsyncSession, viewer: Viewer) -> list[ApiToken]:
    return await repository.tokens_of(session, viewer.user_id)


async def revoke_token(session: AsyncSession, viewer: Viewer, token_id: int) -> ApiToken:
    token = await get_users_own(session, ApiToken, token_id, viewer.user_id, "Token")
    if token.revoked_at is None:
        token.revoked_at = utcnow()
        await session.flush()
    return token


async def get_organization_by_id(session: AsyncSession, organization_id: int) -> Organization:
    return await get_or_404(session, Organization, organization_id, "Organization")


async def get_organization(session: AsyncSession, slug: str) -> Organization:
    organization = await repository.organization_by_slug(session, slug)
    if organization is None:
        raise not_found("Organization")
    return organization


async def update_organization(
    session: AsyncSession, viewer: Viewer, slug: str, data: OrganizationUpdate
) -> Organization:
    organization = await get_organization(session, slug)
    if not can_manage(viewer, organization.id):
        raise forbidden("Only members of this organization may edit it", code="not_a_member")
    for field, value in data.model_dump(exclude_unset=True, mode="json").items():
        setattr(organization, field, value)
    organization.updated_at = utcnow()
    record_change(session, EntityType.ORGANIZATION, organization.id)
    await session.flush()
    return organization
