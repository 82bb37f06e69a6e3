"""Reports of fake RFQs. A supplier that quoted on an RFQ may report it once, with a reason; an admin confirms or
dismisses each report. Confirming marks the RFQ fake (rfqs.fake_confirmed_at): it closes if still open (its quotes
declined), every quoting supplier's quote and lead views on it stop counting against their plan
(membership.usage), they and the reporters are told, and the buyer's live RFQs are scored again, now with the
confirmed fake against them (app.rfqs.quality)."""

from sqlalchemy.exc import IntegrityError
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.viewer import Viewer, require_admin, require_seller
from app.core.clock import utcnow
from app.core.errors import conflict, forbidden, not_found
from app.core.repository import Page, by_id, get_or_404, paginate
from app.leads import repository
from app.leads.schemas import AdminLeadReportOut, DecisionIn, LeadReportIn, LeadReportOut
from app.models import LeadReport, Organization, Rfq
from app.models.enums import LeadReportStatus, NotificationKind, RfqStatus
from app.notifications.service import Message, notify_organization
from app.quotes import repository as quotes_repository
from app.quotes.rfq_endings import close_rfq
from app.rfqs import quality
from app.rfqs.service import get_rfq, locked_rfq


async def report_lead(session: AsyncSession, viewer: Viewer | None, rfq_id: int, data: LeadReportIn) -> LeadReport:
    seller = require_seller(viewer)
    rfq = await get_rfq(session, seller, rfq_id)
    if not await _has_quoted(session, seller.organization_id, rfq.id):
        raise forbidden("Only a supplier that quoted on this RFQ may report it", code="not_a_quoting_supplier")
    if await repository.report_of(session, seller.organization_id, rfq.id) is not None:
        raise conflict("Your organisation has reported this RFQ already", code="already_reported")
    report = LeadReport(rfq_id=rfq.id, organization_id=seller.organization_id, user_id=seller.user_id,
                        reason=data.reason, note=data.note.strip())
    try:
        async with session.begin_nested():  # two members reporting at once: one report
            session.add(report)
    except IntegrityError:
        raise conflict("Your organisation has reported this RFQ already", code="already_reported") from None
    return report


async def report_on(session: AsyncSession, viewer: Viewer | None, rfq_id: int) -> LeadReportOut | None:
    """The viewer's organisation's report on the RFQ, if any."""
    seller = require_seller(viewer)
    found = await repository.report_of(session, seller.organization_id, rfq_id)
    return LeadReportOut.model_validate(found) if found else None


async def quoted_on(session: AsyncSession, viewer: Viewer | None, rfq: Rfq) -> bool:
    """Whether this viewer is a supplier that quoted on the RFQ (who may report it, once)."""
    if viewer is None or not viewer.organization_role.sells or viewer.belongs_to(rfq.organization_id):
        return False
    return await _has_quoted(session, viewer.organization_id, rfq.id)


async def reports_for_admin(session: AsyncSession, viewer: Viewer | None, status: LeadReportStatus | None,
                            page: int, per_page: int) -> Page[AdminLeadReportOut]:
    require_admin(viewer)
    found = await paginate(session, repository.reports_in(status), page, per_page)
    rfqs = await by_id(session, Rfq, {report.rfq_id for report in found.items})
    reporters = await by_id(session, Organization, {report.organization_id for report in found.items})
    items = [AdminLeadReportOut.model_validate({
        **LeadReportOut.model_validate(report).model_dump(), "rfq_title": rfqs[report.rfq_id].title,
        "buyer_organization_id": rfqs[report.rfq_id].organization_id,
        "reporter_name": reporters[report.organization_id].name}) for report in found.items]
    return Page(items=items, total=found.total, page=found.page, per_page=found.per_page)


async def _open_report(session: AsyncSession, report_id: int) -> tuple[LeadReport, Rfq]:
    """The report, still open, and its RFQ with its row locked: decisions on one RFQ's reports happen one after
    the other, and a second admin deciding the same report at once is told it was decided."""
    report = await get_or_404(session, LeadReport, report_id, "Lead report")
    rfq = await locked_rfq(session, report.rfq_id)
    if rfq is None:
        raise not_found("RFQ")
    await session.refresh(report)
    if report.status is not LeadReportStatus.OPEN:
        raise conflict(f"This report was {report.status.value} already", code="report_decided")
    return report, rfq


def _decide(report: LeadReport, viewer: Viewer, status: LeadReportStatus, note: str) -> None:
    report.status, report.decided_at = status, utcnow()
    report.decided_by_user_id, report.decision_note = viewer.user_id, note.strip()


async def confirm_report(session: AsyncSession, viewer: Viewer | None, report_id: int, data: DecisionIn) -> LeadReport:
    admin = require_admin(viewer)
    report, rfq = await _open_report(session, report_id)
    if rfq.status is RfqStatus.OPEN:
        rfq = await close_rfq(session, admin, rfq.id)
    rfq.fake_confirmed_at = rfq.fake_confirmed_at or utcnow()
    reporters = set()
    for each in await repository.open_reports_on(session, rfq.id):  # one decision answers every report on it
        _decide(each, admin, LeadReportStatus.CONFIRMED, data.note)
        reporters.add(each.organization_id)
    message = Message(NotificationKind.LEAD_REPORT_DECIDED, f"RFQ confirmed fake: {rfq.title}",
                      "An administrator confirmed that this RFQ is fake. It is closed, and your quote and lead views "
                      "on it no longer count against your plan.", f"/rfqs/{rfq.id}")
    for organization_id in set(await repository.quoting_organizations(session, rfq.id)) | reporters:
        await notify_organization(session, organization_id, message)
    await quality.reassess_live_rfqs_of(session, rfq.organization_id)
    await session.flush()
    return report


async def dismiss_report(session: AsyncSession, viewer: Viewer | None, report_id: int, data: DecisionIn) -> LeadReport:
    admin = require_admin(viewer)
    report, rfq = await _open_report(session, report_id)
    _decide(report, admin, LeadReportStatus.DISMISSED, data.note)
    body = "An administrator reviewed your report and found no reason to treat this RFQ as fake."
    await notify_organization(session, report.organization_id, Message(
        NotificationKind.LEAD_REPORT_DECIDED, f"Report dismissed: {rfq.title}",
        f"{body} {data.note.strip()}".strip(), f"/rfqs/{rfq.id}"))
    await session.flush()
    return report


async def _has_quoted(session: AsyncSession, organization_id: int, rfq_id: int) -> bool:
    return rfq_id in await quotes_repository.rfqs_quoted_by(session, organization_id, [rfq_id])
