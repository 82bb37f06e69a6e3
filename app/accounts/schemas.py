"""Pydantic input and output of the accounts API."""

from datetime import date, datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, EmailStr, Field, HttpUrl, field_validator, model_validator

from app.core.schemas import refuse_nulls
from app.core.validators import CountryCode, Tags
from app.http.locale import LOCALES
from app.models.enums import BusinessType, EmployeeRange, MemberRole, OrganizationRole

PASSWORD_MIN_LENGTH = 10


class OrganizationFields(BaseModel):
    city: str | None = Field(default=None, max_length=120)
    business_type: BusinessType | None = None
    year_established: int | None = Field(default=None, ge=1800, le=2100)
    employee_range: EmployeeRange | None = None
    export_markets: list[CountryCode] = Field(default_factory=list, max_length=250)
    certifications: Tags = Field(default_factory=list, max_length=50)
    website: HttpUrl | None = None
    description: str | None = Field(default=None, max_length=5000)


class RegisterInput(OrganizationFields):
    model_config = ConfigDict(str_strip_whitespace=True)

    email: EmailStr
    password: str = Field(min_length=PASSWORD_MIN_LENGTH, max_length=200)
    name: str = Field(min_length=1, max_length=200)
    organization_name: str = Field(min_length=2, max_length=200)
    organization_role: OrganizationRole
    country: CountryCode


class OrganizationUpdate(OrganizationFields):
    """Every field optional; only the fields sent are changed."""

    model_config = ConfigDict(str_strip_whitespace=True)

    name: str | None = Field(default=None, min_length=2, max_length=200)
    role: OrganizationRole | None = None
    country: CountryCode | None = None

    @model_validator(mode="after")
    def required_fields_not_null(self) -> "OrganizationUpdate":
        refuse_nulls(self, ("name", "role", "country"))
        return self


class LoginInput(BaseModel):
    email: EmailStr
    password: str = Field(min_length=1, max_length=200)


class ChangePasswordInput(BaseModel):
    current_password: str = Field(min_length=1, max_length=200)
    new_password: str = Field(min_length=PASSWORD_MIN_LENGTH, max_length=200)


class TokenCreate(BaseModel):
    name: str = Field(min_length=1, max_length=100)


class OrganizationOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    slug: str
    name: str
    role: OrganizationRole
    country: str
    city: str | None
    business_type: BusinessType | None
    year_established: int | None
    employee_range: EmployeeRange | None
    export_markets: list[str]
    certifications: list[str]
    website: str | None
    description: str | None
    verified_until: date | None = Field(description="The day it stops counting as verified (its latest approved "
                                                    "verification's expiry); null when never verified")
    created_at: datetime


class UserOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    email: str
    name: str
    member_role: MemberRole
    is_platform_admin: bool
    created_at: datetime
    last_login_at: datetime | None
    email_verified_at: datetime | None
    language: str | None = Field(description="The pages' language the user chose (BCP 47: en, zh-Hans, es); null: "
                                             "as the browser asks.")

    @field_validator("language", mode="before")
    @classmethod
    def _as_tag(cls, value: object) -> object:
        return LOCALES.get(value, value) if isinstance(value, str) else value


LanguageTag = Literal["en", "zh-Hans", "es"]


class MeUpdate(BaseModel):
    """What a user changes of their own account through PATCH /api/v1/me."""

    model_config = ConfigDict(extra="forbid")

    language: LanguageTag | None = Field(description="The pages' language (BCP 47); null: as the browser asks.")


class MeOut(BaseModel):
    user: UserOut
    organization: OrganizationOut


class TokenOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    prefix: str
    created_at: datetime
    last_used_at: datetime | None
    revoked_at: datetime | None


class TokenCreated(TokenOut):
    token: str = Field(description="The token itself; shown only once, store it now")


class SessionsEnded(BaseModel):
    ended: int = Field(description="Login sessions that were live and are now ended")


class AddressConfirmation(BaseModel):
    token: str = Field(min_length=1, max_length=500)
