"""Pages of lead reports: /rfqs/{id}/report (a quoting supplier reports the RFQ as fake, or sees its report) and
/admin/lead-reports (admins confirm or dismiss). Every change goes through app.leads.service, as the API's does."""

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.viewer import require_admin
from app.core.errors import AppError
from app.http.deps import DbSession
from app.http.forms import ObjectId, filled, parse, refused
from app.http.page_deps import CheckedForm, PageUser, SignedInUser
from app.http.pagination import Pagination
from app.http.templating import render
from app.leads import service
from app.leads.schemas import REASON_LABELS, DecisionIn, LeadReportIn
from app.models.enums import LeadReportStatus
from app.rfqs.service import get_rfq

router = APIRouter()
REPORTS = "/admin/lead-reports"
REPORT_FORM = "leads/report.html"


async def _report_context(session: AsyncSession, user: PageUser, rfq_id: int) -> dict[str, Any]:
    rfq = await get_rfq(session, user.viewer, rfq_id)
    report = await service.report_on(session, user.viewer, rfq.id)
    return {"rfq": rfq, "report": report,
            "may_report": report is None and await service.quoted_on(session, user.viewer, rfq),
            "reasons": [(reason.value, label) for reason, label in REASON_LABELS.items()]}


@router.get("/rfqs/{rfq_id:int}/report", response_class=HTMLResponse)
async def report_page(request: Request, rfq_id: ObjectId, session: DbSession, user: SignedInUser) -> HTMLResponse:
    return render(request, REPORT_FORM, {**await _report_context(session, user, rfq_id), "values": {}})


@router.post("/rfqs/{rfq_id:int}/report")
async def report(request: Request, rfq_id: ObjectId, form: CheckedForm, session: DbSession,
                 user: SignedInUser) -> Response:
    values = filled(form, ("reason", "note"))
    try:
        await service.report_lead(session, user.viewer, rfq_id, parse(LeadReportIn, values))
    except AppError as error:
        refusal = await refused(session, error, values)
        return render(request, REPORT_FORM, {**await _report_context(session, user, rfq_id), **refusal},
                      status_code=error.status)
    return RedirectResponse(f"/rfqs/{rfq_id}/report", status_code=303)


@router.get(REPORTS, response_class=HTMLResponse)
async def reports_page(request: Request, session: DbSession, user: SignedInUser, pagination: Pagination,
                       status: Annotated[str | None, Query(max_length=20)] = None) -> HTMLResponse:
    chosen = LeadReportStatus(status) if status in set(LeadReportStatus) else None
    page = await service.reports_for_admin(session, user.viewer, chosen, pagination.page, pagination.per_page)
    return render(request, "leads/admin_reports.html", {"page": page, "status": chosen,
                                                        "statuses": list(LeadReportStatus),
                                                        "reason_labels": REASON_LABELS})


@router.post(REPORTS + "/{report_id}/confirm")
async def confirm(report_id: ObjectId, form: CheckedForm, session: DbSession, user: SignedInUser) -> RedirectResponse:
    viewer = require_admin(user.viewer)
    await service.confirm_report(session, viewer, report_id, parse(DecisionIn, filled(form, ("note",))))
    return RedirectResponse(REPORTS, status_code=303)


@router.post(REPORTS + "/{report_id}/dismiss")
async def dismiss(report_id: ObjectId, form: CheckedForm, session: DbSession, user: SignedInUser) -> RedirectResponse:
    viewer = require_admin(user.viewer)
    await service.dismiss_report(session, viewer, report_id, parse(DecisionIn, filled(form, ("note",))))
    return RedirectResponse(REPORTS, status_code=303)
