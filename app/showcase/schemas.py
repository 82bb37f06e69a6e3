"""API shapes of the showcase."""

from datetime import datetime

from pydantic import BaseModel, Field

from app.core.schemas import DecimalOut
from app.http.ids import MAX_ID
from app.models.enums import ListingStatus


class ShowcasePickIn(BaseModel):
    listing_id: int = Field(ge=1, le=MAX_ID, description="One of your organisation's published listings")


class ShowcaseEntryOut(BaseModel):
    listing_id: int
    title: str
    status: ListingStatus
    picked_at: datetime
    shown: bool = Field(description="Leads the store and carries the Showcase badge and boost now")
    hidden_because: str | None = Field(description="Why a pick is not shown: `not_published` (the listing is not "
                                       "live) or `beyond_slots` (picked before a downgrade to fewer slots)")


class ShowcaseOut(BaseModel):
    slots: int | None = Field(description="Showcase slots on your plan")
    used: int = Field(description="Slots taken: every pick counts, shown or not")
    boost: DecimalOut = Field(description="How much higher a showcased listing may rank (0.02 = 2%), added to the "
                              "plan's boost, the sum at most the tier-boost cap")
    picks: list[ShowcaseEntryOut]
