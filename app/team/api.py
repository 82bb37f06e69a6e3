"""JSON API of the team: the viewer's organisation's members and invitations, and joining by an invitation."""

from typing import Annotated

from fastapi import APIRouter, Path, Response, status

from app.accounts import service as accounts
from app.accounts import sessions
from app.accounts.schemas import MeOut, OrganizationOut, UserOut
from app.http.deps import AppSettings, DbSession, RequiredViewer
from app.http.ids import ObjectId
from app.team import service
from app.team.schemas import (
    InvitationAccept,
    InvitationCreate,
    InvitationOut,
    InvitationPreview,
    MemberOut,
    MemberRoleUpdate,
    TeamOut,
)

router = APIRouter(prefix="/api/v1", tags=["team"])
Token = Annotated[str, Path(min_length=1, max_length=500, pattern=r"^[A-Za-z0-9_.-]+$")]


@router.get("/team", response_model=TeamOut)
async def team(viewer: RequiredViewer, session: DbSession) -> TeamOut:
    return await service.team_of(session, viewer)


@router.post("/team/invitations", status_code=status.HTTP_201_CREATED, response_model=InvitationOut)
async def invite(data: InvitationCreate, viewer: RequiredViewer, session: DbSession,
                 settings: AppSettings) -> InvitationOut:
    """Owners only; the link goes by e-mail to the address invited, never in this response."""
    return await service.invite(session, settings, viewer, data)


@router.post("/team/invitations/{invitation_id}/resend", response_model=InvitationOut)
async def resend(invitation_id: ObjectId, viewer: RequiredViewer, session: DbSession,
                 settings: AppSettings) -> InvitationOut:
    return await service.resend(session, settings, viewer, invitation_id)


@router.delete("/team/invitations/{invitation_id}", response_model=InvitationOut)
async def revoke(invitation_id: ObjectId, viewer: RequiredViewer, session: DbSession) -> InvitationOut:
    return await service.revoke(session, viewer, invitation_id)


@router.patch("/team/members/{user_id}", response_model=MemberOut)
async def change_role(user_id: ObjectId, data: MemberRoleUpdate, viewer: RequiredViewer,
                      session: DbSession) -> MemberOut:
    return MemberOut.model_validate(await service.change_role(session, viewer, user_id, data.member_role))


@router.delete("/team/members/{user_id}", status_code=status.HTTP_204_NO_CONTENT)
async def remove(user_id: ObjectId, viewer: RequiredViewer, session: DbSession) -> None:
    await service.remove(session, viewer, user_id)


@router.get("/invitations/{token}", response_model=InvitationPreview)
async def preview(token: Token, session: DbSession, settings: AppSettings) -> InvitationPreview:
    return await service.preview(session, settings, token)


@router.post("/invitations/accept", status_code=status.HTTP_201_CREATED, response_model=MeOut)
async def accept(data: InvitationAccept, session: DbSession, settings: AppSettings, response: Response) -> MeOut:
    """Creates the invited person's account and logs it in (a session cookie, as at sign-up)."""
    user = await service.accept(session, settings, data)
    organization = await accounts.get_organization_by_id(session, user.organization_id)
    await sessions.sign_in(session, settings, response, user)
    return MeOut(user=UserOut.model_validate(user), organization=OrganizationOut.model_validate(organization))
