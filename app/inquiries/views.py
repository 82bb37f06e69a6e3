"""Inquiries as the API and the pages show them: with both organizations' names and the viewer's unread count."""

from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.viewer import Viewer
from app.http.lookups import organization_names
from app.inquiries import service
from app.inquiries.schemas import InquiryDetailOut, InquiryOut, MessageOut
from app.models import Inquiry, InquiryMessage


async def summaries(session: AsyncSession, viewer: Viewer, inquiries: list[Inquiry]) -> list[InquiryOut]:
    names = await organization_names(session, {organization_id for inquiry in inquiries for organization_id in
                                               (inquiry.buyer_organization_id, inquiry.supplier_organization_id)})
    unread = await service.unread_in(session, viewer, inquiries)
    return [
        InquiryOut(
            id=inquiry.id, listing_id=inquiry.listing_id, subject=inquiry.subject, quantity=inquiry.quantity,
            unit=inquiry.unit, buyer_organization_id=inquiry.buyer_organization_id,
            buyer_organization_name=names.get(inquiry.buyer_organization_id, ""),
            supplier_organization_id=inquiry.supplier_organization_id,
            supplier_organization_name=names.get(inquiry.supplier_organization_id, ""),
            my_role=service.role_in(inquiry, viewer), unread=unread.get(inquiry.id, 0),
            created_at=inquiry.created_at, last_message_at=inquiry.last_message_at,
        )
        for inquiry in inquiries
    ]


async def detail(session: AsyncSession, viewer: Viewer, inquiry: Inquiry,
                 messages: list[InquiryMessage]) -> InquiryDetailOut:
    summary = (await summaries(session, viewer, [inquiry]))[0]
    return InquiryDetailOut(**summary.model_dump(), messages=[MessageOut.model_validate(m) for m in messages])
