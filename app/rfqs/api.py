"""JSON API of RFQs."""

from typing import Annotated

from fastapi import APIRouter, Query, status

from app.core.schemas import PageOut, page_out
from app.core.validators import CountryCode, HsCodeText
from app.http.deps import AdminViewer, DbSession, OptionalViewer, RequiredViewer
from app.http.ids import ObjectId
from app.http.pagination import Pagination
from app.models.enums import RfqStatus
from app.owned.schemas import RejectInput
from app.rfqs import service
from app.rfqs.repository import RfqFilters
from app.rfqs.schemas import RfqCreate, RfqOut, RfqUpdate

router = APIRouter(prefix="/api/v1/rfqs", tags=["rfqs"])


@router.get("", response_model=PageOut[RfqOut])
async def list_rfqs(
    session: DbSession,
    viewer: OptionalViewer,
    pagination: Pagination,
    organization: Annotated[str | None, Query(max_length=120)] = None,
    status: RfqStatus | None = None,
    hs_code: Annotated[HsCodeText | None, Query()] = None,
    destination_country: Annotated[CountryCode | None, Query()] = None,
    q: Annotated[str | None, Query(max_length=200)] = None,
) -> PageOut[RfqOut]:
    filters = RfqFilters(organization, status, hs_code, destination_country, q)
    page, items = await service.list_rfqs_out(session, viewer, filters, pagination.page, pagination.per_page)
    return page_out(page, items)


@router.post("", status_code=status.HTTP_201_CREATED, response_model=RfqOut)
async def create_rfq(data: RfqCreate, session: DbSession, viewer: RequiredViewer) -> RfqOut:
    return RfqOut.model_validate(await service.create_rfq(session, viewer, data))


@router.get("/{rfq_id}", response_model=RfqOut)
async def get_rfq(rfq_id: ObjectId, session: DbSession, viewer: OptionalViewer) -> RfqOut:
    return await service.rfq_out(session, viewer, rfq_id)


@router.patch("/{rfq_id}", response_model=RfqOut)
async def update_rfq(rfq_id: ObjectId, data: RfqUpdate, session: DbSession, viewer: RequiredViewer) -> RfqOut:
    return RfqOut.model_validate(await service.update_rfq(session, viewer, rfq_id, data))


@router.post("/{rfq_id}/submit", response_model=RfqOut)
async def submit_rfq(rfq_id: ObjectId, session: DbSession, viewer: RequiredViewer) -> RfqOut:
    return RfqOut.model_validate(await service.submit_rfq(session, viewer, rfq_id))


@router.post("/{rfq_id}/approve", response_model=RfqOut)
async def approve_rfq(rfq_id: ObjectId, session: DbSession, viewer: AdminViewer) -> RfqOut:
    return RfqOut.model_validate(await service.approve_rfq(session, viewer, rfq_id))


@router.post("/{rfq_id}/reject", response_model=RfqOut)
async def reject_rfq(rfq_id: ObjectId, data: RejectInput, session: DbSession, viewer: AdminViewer) -> RfqOut:
    return RfqOut.model_validate(await service.reject_rfq(session, viewer, rfq_id, data.reason))
