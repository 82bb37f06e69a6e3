"""Pydantic input and output of moderation."""

from datetime import datetime
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from app.core.i18n import N_
from app.models.enums import ModerationDecisionKind, ModerationReason

REASON_LABELS: dict[ModerationReason, str] = {
    ModerationReason.PROHIBITED_ITEM: N_("Prohibited item"),
    ModerationReason.INCOMPLETE: N_("Incomplete"),
    ModerationReason.MISLEADING: N_("Misleading"),
    ModerationReason.DUPLICATE: N_("Duplicate"),
    ModerationReason.CONTACT_DETAILS_IN_TEXT: N_("Contact details in the text"),
    ModerationReason.OTHER: N_("Other"),
}
NOTE_LENGTH = 2000
OTHER_NEEDS_NOTE = "Write a note: the owner needs to know why when the reason is \"Other\""


class ApproveInput(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    note: str = Field(default="", max_length=NOTE_LENGTH)


class RejectDecisionInput(ApproveInput):
    reason_code: ModerationReason

    @model_validator(mode="after")
    def other_needs_note(self) -> Any:
        if self.reason_code is ModerationReason.OTHER and not self.note:
            raise PydanticCustomError("note_required", OTHER_NEEDS_NOTE, {"field": "note"})
        return self

    def reason_text(self) -> str:
        """What the owner reads on the rejected object."""
        label = REASON_LABELS[self.reason_code]
        return f"{label}: {self.note}" if self.note else label


class QueueItemOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    entity_type: str
    entity_id: int
    title: str
    organization_id: int
    organization_name: str = ""
    submitted_at: datetime
    link: str
    quality: int | None = None
    """An RFQ's lead quality, 0-100 (trust.lead_quality)."""


class DecisionOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    entity_type: str
    entity_id: int
    decision: ModerationDecisionKind
    reason_code: ModerationReason | None
    note: str
    admin_user_id: int | None
    decided_at: datetime


class ReasonOut(BaseModel):
    code: ModerationReason
    label: str
