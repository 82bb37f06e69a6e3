"""JSON API of lead reports: a quoting supplier reports an RFQ as fake; admins list, confirm and dismiss reports."""

from typing import Annotated

from fastapi import APIRouter, Query, status

from app.core.schemas import PageOut, page_out
from app.http.deps import DbSession, RequiredViewer
from app.http.forms import ObjectId
from app.http.pagination import Pagination
from app.leads import service
from app.leads.schemas import AdminLeadReportOut, DecisionIn, LeadReportIn, LeadReportOut
from app.models.enums import LeadReportStatus

router = APIRouter(prefix="/api/v1", tags=["leads"])


@router.post("/leads/{rfq_id}/report", status_code=status.HTTP_201_CREATED, response_model=LeadReportOut)
async def report_lead(rfq_id: ObjectId, data: LeadReportIn, session: DbSession,
                      viewer: RequiredViewer) -> LeadReportOut:
    """Reports an RFQ the caller's organisation quoted on as fake (once per organisation)."""
    return LeadReportOut.model_validate(await service.report_lead(session, viewer, rfq_id, data))


@router.get("/admin/lead-reports", response_model=PageOut[AdminLeadReportOut])
async def lead_reports(session: DbSession, viewer: RequiredViewer, pagination: Pagination,
                       in_status: Annotated[LeadReportStatus | None, Query(alias="status")] = None,
                       ) -> PageOut[AdminLeadReportOut]:
    """Reports of fake RFQs, oldest first (admins)."""
    page = await service.reports_for_admin(session, viewer, in_status, pagination.page, pagination.per_page)
    return page_out(page, page.items)


@router.post("/admin/lead-reports/{report_id}/confirm", response_model=LeadReportOut)
async def confirm(report_id: ObjectId, data: DecisionIn, session: DbSession, viewer: RequiredViewer) -> LeadReportOut:
    """The RFQ is fake: it closes, quoting suppliers get their quote and lead views back and are told."""
    return LeadReportOut.model_validate(await service.confirm_report(session, viewer, report_id, data))


@router.post("/admin/lead-reports/{report_id}/dismiss", response_model=LeadReportOut)
async def dismiss(report_id: ObjectId, data: DecisionIn, session: DbSession, viewer: RequiredViewer) -> LeadReportOut:
    return LeadReportOut.model_validate(await service.dismiss_report(session, viewer, report_id, data))
