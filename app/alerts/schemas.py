"""Pydantic I/O of saved searches and webhook endpoints."""

from datetime import datetime
from typing import Annotated, Any

from pydantic import BaseModel, ConfigDict, Field, HttpUrl, StringConstraints, field_validator

from app.models.enums import ALERT_KINDS, NotificationKind
from app.search_api.params import QUERY_MAX_LENGTH

Name = Annotated[str, StringConstraints(strip_whitespace=True, min_length=1, max_length=120)]
URL_MAX_LENGTH = 500


class SavedSearchCreate(BaseModel):
    """`filters` takes the listing search's filter parameters (as /api/v1/search/listings does): hs_chapter,
    hs_heading, hs_subheading, origin_country, supplier_country, certifications, tier (lists), verified,
    price_min, price_max, currency, moq_max, lead_time_max."""

    model_config = ConfigDict(extra="forbid")

    name: Name
    query: str = Field(default="", max_length=QUERY_MAX_LENGTH)
    filters: dict[str, Any] = Field(default_factory=dict)


class SavedSearchOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    name: str
    query: str
    filters: dict[str, Any]
    created_at: datetime


class WebhookCreate(BaseModel):
    model_config = ConfigDict(extra="forbid")

    url: HttpUrl
    events: list[NotificationKind] = Field(default_factory=lambda: list(ALERT_KINDS), min_length=1)

    @field_validator("url")
    @classmethod
    def url_fits(cls, url: HttpUrl) -> HttpUrl:
        if len(str(url)) > URL_MAX_LENGTH:
            raise ValueError(f"must be at most {URL_MAX_LENGTH} characters")
        return url

    @field_validator("events")
    @classmethod
    def alert_kinds_only(cls, events: list[NotificationKind]) -> list[NotificationKind]:
        unknown = [event.value for event in events if event not in ALERT_KINDS]
        if unknown:
            allowed = ", ".join(kind.value for kind in ALERT_KINDS)
            raise ValueError(f"webhooks carry only these events: {allowed}")
        return list(dict.fromkeys(events))


class WebhookOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    url: str
    events: list[str]
    active: bool
    consecutive_failures: int
    disabled_at: datetime | None
    created_at: datetime


class WebhookCreatedOut(WebhookOut):
    secret: str
    """Shown only in this response: the receiver verifies signatures with it."""


class WebhookDeliveryOut(BaseModel):
    model_config = ConfigDict(from_attributes=True)

    id: int
    event_id: str
    event_type: str
    payload: str
    attempts: int
    last_status: int | None
    last_error: str | None
    next_attempt_at: datetime
    delivered_at: datetime | None
    created_at: datetime
