"""Pydantic input shared by listings and RFQs."""

from pydantic import BaseModel, ConfigDict, Field


class RejectInput(BaseModel):
    """An admin's reason for rejecting a listing or RFQ in review; the owner reads it."""

    model_config = ConfigDict(str_strip_whitespace=True, extra="forbid")

    reason: str = Field(min_length=3, max_length=2000)
