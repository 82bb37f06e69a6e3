"""Queries of listings."""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select

from app.models import Listing
from app.models.enums import ListingStatus
from app.owned.repository import owned_query


@dataclass(frozen=True)
class ListingFilters:
    organization: str | None = None
    status: ListingStatus | None = None
    hs_code: str | None = None
    country_of_origin: str | None = None
    q: str | None = None


def listings_query(filters: ListingFilters, visible_organization_ids: set[int] | None) -> Select[Any]:
    conditions: list[ColumnElement[bool]] = []
    if filters.status is not None:
        conditions.append(Listing.status == filters.status)
    if filters.hs_code:
        conditions.append(Listing.hs_code.startswith(filters.hs_code))
    if filters.country_of_origin:
        conditions.append(Listing.country_of_origin == filters.country_of_origin)
    if filters.q:
        conditions.append(Listing.title.icontains(filters.q, autoescape=True))
    return owned_query(Listing, filters.organization, conditions, ListingStatus.PUBLISHED,
                       visible_organization_ids)
