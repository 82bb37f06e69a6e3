"""Queries of RFQs."""

from dataclasses import dataclass
from typing import Any

from sqlalchemy import ColumnElement, Select

from app.models import Rfq
from app.models.enums import RfqStatus
from app.owned_queries import owned_query


@dataclass(frozen=True)
class RfqFilters:
    organization: str | None = None
    status: RfqStatus | None = None
    hs_code: str | None = None
    destination_country: str | None = None
    q: str | None = None


def rfqs_query(filters: RfqFilters, visible_organization_ids: set[int] | None) -> Select[Any]:
    conditions: list[ColumnElement[bool]] = []
    if filters.status is not None:
        conditions.append(Rfq.status == filters.status)
    if filters.hs_code:
        conditions.append(Rfq.hs_code.startswith(filters.hs_code))
    if filters.destination_country:
        conditions.append(Rfq.destination_country == filters.destination_country)
    if filters.q:
        conditions.append(Rfq.title.icontains(filters.q, autoescape=True))
    return owned_query(Rfq, filters.organization, conditions, RfqStatus.OPEN, visible_organization_ids)
