"""Input and output of lead reports."""

from datetime import datetime

from pydantic import BaseModel, ConfigDict, Field, model_validator

from app.core.schemas import require_note_for_other
from app.models.enums import LeadReportReason, LeadReportStatus

REASON_LABELS = {
    LeadReportReason.FAKE_BUYER: "The buyer does not exist or is not who it claims to be",
    LeadReportReason.NO_INTENT: "No intention to buy (price fishing, market research)",
    LeadReportReason.CONTACT_HARVESTING: "It collects suppliers' contact details",
    LeadReportReason.DUPLICATE: "A copy of another RFQ",
    LeadReportReason.OTHER: "Other (explain)",
}


class LeadReportIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    reason: LeadReportReason
    note: str = Field(default="", max_length=2000)

    @model_validator(mode="after")
    def other_needs_a_note(self) -> "LeadReportIn":
        require_note_for_other(self.reason is LeadReportReason.OTHER, self.note)
        return self


class DecisionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")

    note: str = Field(default="", max_length=2000)


class LeadReportOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    rfq_id: int
    organization_id: int
    reason: LeadReportReason
    note: str
    status: LeadReportStatus
    created_at: datetime
    decided_at: datetime | None
    decision_note: str


class AdminLeadReportOut(LeadReportOut):
    """A report as admins review it: with the RFQ's title, its buyer and the reporter's name."""

    rfq_title: str
    buyer_organization_id: int
    reporter_name: str
