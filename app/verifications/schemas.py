"""Input and output of verifications."""

from datetime import date, datetime

from pydantic import BaseModel, ConfigDict, Field, model_validator

from app.core.i18n import N_
from app.core.schemas import require_note_for_other
from app.models.enums import VerificationAction, VerificationKind, VerificationRejection, VerificationStatus

ISSUER_LABELS = {
    VerificationKind.BUSINESS_LICENCE: N_("Issuing authority"),
    VerificationKind.ONSITE_AUDIT: N_("Inspection company"),
    VerificationKind.MANAGEMENT_SYSTEM: N_("Certification body"),
    VerificationKind.PRODUCT_CERTIFICATE: N_("Certification body"),
    VerificationKind.EXPORT_LICENCE: N_("Issuing authority"),
}
REJECTION_LABELS = {
    VerificationRejection.UNREADABLE: N_("The evidence cannot be read"),
    VerificationRejection.NOT_GENUINE: N_("The evidence does not look genuine"),
    VerificationRejection.NAME_MISMATCH: N_("The company named is not this organisation"),
    VerificationRejection.FACTS_MISMATCH: N_("The facts given differ from the evidence"),
    VerificationRejection.UNKNOWN_ISSUER: N_("The issuer is not recognised"),
    VerificationRejection.OTHER: N_("Other (explain)"),
}


class VerificationIn(BaseModel):
    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True)

    kind: VerificationKind
    standard: str = Field(default="", max_length=80, description="The standard certified: ISO 9001, CE, RoHS, ...")
    issuer: str = Field(min_length=2, max_length=200, description="Authority, certification body or inspection "
                                                                  "company")
    certificate_number: str = Field(min_length=1, max_length=100)
    issued_on: date
    expires_on: date


class DecisionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: str = Field(default="", max_length=2000)


class RejectionIn(DecisionIn):
    reason: VerificationRejection

    @model_validator(mode="after")
    def other_needs_a_note(self) -> "RejectionIn":
        require_note_for_other(self.reason is VerificationRejection.OTHER, self.note)
        return self


class EvidenceRequestIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: str = Field(min_length=1, max_length=2000, description="What evidence is missing")


class FileVisibilityIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    public: bool


class EvidenceFileOut(BaseModel):
    id: int
    file_name: str
    content_type: str
    size: int
    public: bool
    created_at: datetime
    url: str


class EventOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    action: VerificationAction
    reason: VerificationRejection | None
    note: str
    user_id: int | None
    created_at: datetime


class _Certificate(BaseModel):
    """A verification's facts as its certificate states them."""

    id: int
    kind: VerificationKind
    standard: str
    issuer: str
    certificate_number: str
    issued_on: date
    expires_on: date


class VerificationFacts(_Certificate):
    """What anyone may see of an approved verification: the facts, never the files unless marked public."""

    public_files: list[EvidenceFileOut]


class VerificationOut(_Certificate):
    """A verification as its organisation and admins see it."""

    organization_id: int
    status: VerificationStatus
    live: bool = Field(description="Approved and not expired today: it gives a badge")
    created_at: datetime
    decided_at: datetime | None
    rejection_reason: VerificationRejection | None
    decision_note: str
    files: list[EvidenceFileOut]
    history: list[EventOut]


class AdminVerificationOut(VerificationOut):
    organization_name: str
