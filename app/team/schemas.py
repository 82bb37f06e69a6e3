"""What the team API reads and returns: members, invitations, and the plan's user places."""

from datetime import datetime
from enum import StrEnum

from pydantic import BaseModel, ConfigDict, EmailStr, Field

from app.accounts.schemas import PASSWORD_MIN_LENGTH
from app.models.enums import MemberRole


class InvitationStatus(StrEnum):
    OPEN = "open"
    ACCEPTED = "accepted"
    REVOKED = "revoked"
    EXPIRED = "expired"


class InvitationCreate(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    email: EmailStr
    member_role: MemberRole = MemberRole.MEMBER


class InvitationAccept(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True)

    token: str = Field(min_length=1, max_length=500)
    name: str = Field(min_length=1, max_length=200)
    password: str = Field(min_length=PASSWORD_MIN_LENGTH, max_length=200)


class MemberRoleUpdate(BaseModel):
    member_role: MemberRole


class MemberOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    email: str
    member_role: MemberRole
    created_at: datetime
    last_login_at: datetime | None
    email_verified_at: datetime | None


class InvitationOut(BaseModel):
    id: int
    email: str
    member_role: MemberRole
    invited_by: str | None
    created_at: datetime
    expires_at: datetime
    status: InvitationStatus


class Places(BaseModel):
    """The plan's users limit (None = unlimited) and how many places members and open invitations take."""

    limit: int | None
    used: int


class TeamOut(BaseModel):
    organization: str
    members: list[MemberOut]
    invitations: list[InvitationOut]
    places: Places
    may_manage: bool


class InvitationPreview(BaseModel):
    """What the invited person sees before joining."""

    organization: str
    email: str
    member_role: MemberRole
    expires_at: datetime
