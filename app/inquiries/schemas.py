"""Pydantic input and output of inquiries."""

from datetime import datetime
from enum import StrEnum
from typing import Any

from pydantic import BaseModel, ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from app.core.schemas import DecimalOut, Quantity
from app.models.enums import Unit

MESSAGE_LENGTH = 5000


class InquiryRole(StrEnum):
    """Which side of a thread an organization is on."""

    BUYER = "buyer"
    SUPPLIER = "supplier"


class ReplyInput(BaseModel):
    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    message: str = Field(min_length=1, max_length=MESSAGE_LENGTH)


class InquiryCreate(ReplyInput):
    quantity: Quantity | None = None
    unit: Unit | None = None

    @model_validator(mode="after")
    def unit_needs_quantity(self) -> Any:
        if self.unit is not None and self.quantity is None:
            raise PydanticCustomError("quantity_required", "a quantity is required with a unit",
                                      {"field": "quantity"})
        return self


class MessageOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    organization_id: int
    user_id: int | None
    body: str
    created_at: datetime


class InquiryOut(BaseModel):
    id: int
    listing_id: int
    subject: str
    quantity: DecimalOut | None
    unit: Unit | None
    buyer_organization_id: int
    buyer_organization_name: str
    supplier_organization_id: int
    supplier_organization_name: str
    my_role: InquiryRole | None  # None for an admin reading someone else's thread
    unread: int
    created_at: datetime
    last_message_at: datetime


class InquiryDetailOut(InquiryOut):
    messages: list[MessageOut]


class UnreadInquiriesOut(BaseModel):
    unread_messages: int
    threads_with_unread: int
