"""A team: the members of an organisation and the invitations to join it. Owners invite by e-mail (a signed link
to one invitation row), change roles and remove members; every member sees the team. The plan's users limit (the
policy's add_member) counts members and open invitations; an organisation always keeps at least one owner."""

from datetime import datetime, timedelta

from sqlalchemy.ext.asyncio import AsyncSession

from app.accounts import repository as accounts_repository
from app.auth.viewer import Viewer, require_owner, require_viewer
from app.core.clock import utcnow
from app.core.config import Settings
from app.core.errors import AppError, FieldError, conflict, not_found, validation_failed
from app.core.repository import get_or_404
from app.core.security import hash_password_off_loop, sign, unsign
from app.models import Invitation, Organization, User
from app.models.enums import MemberRole
from app.notifications.service import send_email
from app.team import repository
from app.team.schemas import (
    InvitationAccept,
    InvitationCreate,
    InvitationOut,
    InvitationPreview,
    InvitationStatus,
    MemberOut,
    Places,
    TeamOut,
)
from membership.policy import Action, decide, ensure_allowed, lock_organization

INVITATION_DAYS = 7
LISTED_DAYS = 30  # withdrawn and expired invitations stay on the team page this long
PURPOSE = "invitation"


def status_of(invitation: Invitation, now: datetime) -> InvitationStatus:
    if invitation.accepted_at is not None:
        return InvitationStatus.ACCEPTED
    if invitation.revoked_at is not None:
        return InvitationStatus.REVOKED
    return InvitationStatus.OPEN if invitation.expires_at > now else InvitationStatus.EXPIRED


async def team_of(session: AsyncSession, viewer: Viewer | None) -> TeamOut:
    viewer = require_viewer(viewer)
    organization = await get_or_404(session, Organization, viewer.organization_id, "Organization")
    now = utcnow()
    invitations = await repository.invitations(session, organization.id, now - timedelta(days=LISTED_DAYS))
    inviters = await repository.names_of(session, {i.invited_by_user_id for i in invitations if i.invited_by_user_id})
    places = await decide(session, organization.id, Action.ADD_MEMBER)
    return TeamOut(
        organization=organization.name,
        members=[MemberOut.model_validate(user) for user in await repository.members(session, organization.id)],
        invitations=[_invitation_out(i, inviters.get(i.invited_by_user_id or 0), now) for i in invitations],
        places=Places(limit=places.limit, used=places.usage),
        may_manage=viewer.member_role is MemberRole.OWNER,
    )


def _invitation_out(invitation: Invitation, inviter: str | None, now: datetime) -> InvitationOut:
    return InvitationOut(id=invitation.id, email=invitation.email, member_role=invitation.member_role,
                         invited_by=inviter, created_at=invitation.created_at, expires_at=invitation.expires_at,
                         status=status_of(invitation, now))


async def invite(session: AsyncSession, settings: Settings, viewer: Viewer | None,
                 data: InvitationCreate) -> InvitationOut:
    viewer = require_owner(viewer)
    email = data.email.lower()
    await lock_organization(session, viewer.organization_id)
    await _ensure_not_taken(session, viewer.organization_id, email)
    now = utcnow()
    if await repository.open_invitation_to(session, viewer.organization_id, email, now) is not None:
        raise validation_failed([FieldError("email", "This address is invited already: send the invitation again "
                                            "from the list if it was lost", "already_invited")])
    await ensure_allowed(session, viewer.organization_id, Action.ADD_MEMBER)
    invitation = Invitation(organization_id=viewer.organization_id, email=email, member_role=data.member_role,
                            invited_by_user_id=viewer.user_id, created_at=now,
                            expires_at=now + timedelta(days=INVITATION_DAYS))
    session.add(invitation)
    await session.flush()
    inviter = await _send_invitation(session, settings, viewer, invitation)
    return _invitation_out(invitation, inviter, now)


async def _ensure_not_taken(session: AsyncSession, organization_id: int, email: str) -> None:
    existing = await accounts_repository.user_by_email(session, email)
    if existing is None:
        return
    if existing.organization_id == organization_id:
        raise validation_failed([FieldError("email", "This person is a member already", "already_member")])
    raise validation_failed([FieldError(
        "email", "This address has an account with another organisation; a person belongs to one organisation, "
        "so invite another address", "email_taken")])


async def _send_invitation(session: AsyncSession, settings: Settings, viewer: Viewer,
                           invitation: Invitation) -> str:
    inviter = await get_or_404(session, User, viewer.user_id, "User")
    organization = await get_or_404(session, Organization, invitation.organization_id, "Organization")
    token = sign(settings.secret_key, PURPOSE, {"invitation": invitation.id})
    link = f"{settings.site_url.rstrip('/')}/invitations/{token}"
    body = (f"{inviter.name} invited you to join {organization.name} on tradeleads as {invitation.member_role.value}."
            f"\n\nAccept the invitation here (the link works once, until {invitation.expires_at:%d %B %Y %H:%M} UTC):"
            f"\n{link}\n\nIf you did not expect this invitation, ignore this e-mail.")
    await send_email(session, invitation.email, f"Join {organization.name} on tradeleads", body)
    return inviter.name


async def _managed_invitation(session: AsyncSession, viewer: Viewer, invitation_id: int) -> Invitation:
    invitation = await repository.invitation_for_update(session, invitation_id)
    if invitation is None or invitation.organization_id != viewer.organization_id:
        raise not_found("Invitation")
    return invitation


async def resend(session: AsyncSession, settings: Settings, viewer: Viewer | None,
                 invitation_id: int) -> InvitationOut:
    """Sends an open invitation again with a fresh link, its validity starting again."""
    viewer = require_owner(viewer)
    invitation = await _managed_invitation(session, viewer, invitation_id)
    now = utcnow()
    if status_of(invitation, now) is not InvitationStatus.OPEN:
        raise conflict(f"This invitation is {status_of(invitation, now).value}: invite the address again",
                       code="invitation_not_open")
    invitation.expires_at = now + timedelta(days=INVITATION_DAYS)
    await session.flush()
    inviter = await _send_invitation(session, settings, viewer, invitation)
    return _invitation_out(invitation, inviter, now)


async def revoke(session: AsyncSession, viewer: Viewer | None, invitation_id: int) -> InvitationOut:
    """Withdraws an open invitation: its link stops working and its place is free again."""
    viewer = require_owner(viewer)
    invitation = await _managed_invitation(session, viewer, invitation_id)
    now = utcnow()
    if invitation.accepted_at is not None:
        raise conflict("This invitation was accepted: remove the member instead", code="invitation_accepted")
    if invitation.revoked_at is None:
        invitation.revoked_at = now
        await session.flush()
    return _invitation_out(invitation, None, now)


def _invitation_id(settings: Settings, token: str) -> int | None:
    data = unsign(settings.secret_key, PURPOSE, token, max_age=INVITATION_DAYS * 86400 * 4)
    value = data.get("invitation") if data else None
    return value if isinstance(value, int) else None


def _invalid_link() -> AppError:
    return AppError("This invitation link does not work: it was used or withdrawn, or it has expired. Ask the "
                    "organisation for a new invitation.", code="invitation_not_valid", status=404, title="Not found")


async def _open_invitation(session: AsyncSession, settings: Settings, token: str, lock: bool) -> Invitation:
    invitation_id = _invitation_id(settings, token)
    invitation = None
    if invitation_id is not None:
        invitation = await (repository.invitation_for_update(session, invitation_id) if lock
                            else session.get(Invitation, invitation_id))
    if invitation is None or status_of(invitation, utcnow()) is not InvitationStatus.OPEN:
        raise _invalid_link()
    return invitation


async def preview(session: AsyncSession, settings: Settings, token: str) -> InvitationPreview:
    invitation = await _open_invitation(session, settings, token, lock=False)
    organization = await get_or_404(session, Organization, invitation.organization_id, "Organization")
    return InvitationPreview(organization=organization.name, email=invitation.email,
                             member_role=invitation.member_role, expires_at=invitation.expires_at)


async def accept(session: AsyncSession, settings: Settings, data: InvitationAccept) -> User:
    """Joins the invited person: a new user of the organisation, with the invited address (verified by the link
    that reached it) and role. The invitation's place passes to the new user; a plan downgraded meanwhile may
    leave no place, and then the owner must upgrade or free one."""
    invitation = await _open_invitation(session, settings, data.token, lock=True)
    organization_id = invitation.organization_id
    await lock_organization(session, organization_id)
    if await accounts_repository.user_by_email(session, invitation.email) is not None:
        raise conflict("This address has an account already: log in with it", code="email_taken")
    now = utcnow()
    invitation.accepted_at = now
    await session.flush()
    await ensure_allowed(session, organization_id, Action.ADD_MEMBER)
    user = User(email=invitation.email, password_hash=await hash_password_off_loop(data.password), name=data.name,
                organization_id=organization_id, member_role=invitation.member_role, is_platform_admin=False,
                created_at=now, email_verified_at=now)
    session.add(user)
    await session.flush()
    return user


async def _member(session: AsyncSession, viewer: Viewer, user_id: int) -> User:
    user = await session.get(User, user_id)
    if user is None or user.organization_id != viewer.organization_id:
        raise not_found("Member")
    return user


async def _ensure_another_owner(session: AsyncSession, member: User) -> None:
    if member.member_role is MemberRole.OWNER and await repository.owners_count(session, member.organization_id) < 2:
        raise conflict("An organisation needs an owner: make another member an owner first", code="last_owner")


async def change_role(session: AsyncSession, viewer: Viewer | None, user_id: int, role: MemberRole) -> User:
    viewer = require_owner(viewer)
    await lock_organization(session, viewer.organization_id)
    member = await _member(session, viewer, user_id)
    if member.member_role is not role:
        if role is MemberRole.MEMBER:
            await _ensure_another_owner(session, member)
        member.member_role = role
        await session.flush()
    return member


async def remove(session: AsyncSession, viewer: Viewer | None, user_id: int) -> None:
    """Removes a member: their logins and API tokens end with them; what they wrote (RFQs, quotes, messages)
    stays with the organisation, no longer naming them."""
    viewer = require_owner(viewer)
    await lock_organization(session, viewer.organization_id)
    member = await _member(session, viewer, user_id)
    await _ensure_another_owner(session, member)
    await session.delete(member)
    await session.flush()
