"""Pages of the trading floor: the quote form and the supplier's revise/withdraw on the RFQ page, the buyer's
comparison page, award and rating. Every form is CSRF-checked; a refused one shows the RFQ page again with the
reason."""

from collections.abc import Awaitable, Callable
from dataclasses import replace
from typing import Annotated, Any

from fastapi import Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import UploadFile

from app.core.errors import AppError
from app.http.deps import DbSession, Files
from app.http.forms import ObjectId, filled, parse, refused
from app.http.page_deps import CheckedForm, PageViewer, SignedInUser, csrf_checked_form
from app.http.pagination import Pagination
from app.http.refusals import lazy_refusal
from app.http.templating import render
from app.models.enums import QuoteStatus
from app.quotes import decisions, rfq_endings, service
from app.quotes.access import buyer_rfq, visible_quote
from app.quotes.page_context import comparison_context, trading_context
from app.quotes.schemas import HELD_NOTE, AwardIn, QuoteCreate, QuoteUpdate, RatingIn
from app.rfqs import attachments
from app.rfqs import pages as rfqs_pages

# The RFQ pages, with the trading floor on the detail page and closing (which declines the quotes) as an action.
rfq_pages = replace(rfqs_pages.pages, detail_extra=trading_context,
                    actions={**rfqs_pages.pages.actions, "close": rfq_endings.close_rfq})
router = rfq_pages.router()
checked = [Depends(csrf_checked_form)]
Work = Callable[[], Awaitable[Any]]


async def rfq_page(request: Request, session: AsyncSession, user: SignedInUser, rfq_id: int,
                   extra: dict[str, Any] | None = None, status_code: int = 200) -> HTMLResponse:
    return await rfq_pages.detail_response(request, session, user.viewer, rfq_id, extra, status_code)


async def _attempt(request: Request, session: AsyncSession, user: SignedInUser, rfq_id: int, work: Work,
                   values: dict[str, str] | None = None) -> Response:
    """Runs the change and goes back to the RFQ page; a refusal shows that page again with the reason."""
    try:
        await work()
    except AppError as error:
        refusal = await refused(session, error, values or {})
        if values is None:
            refusal.pop("values")
        return await rfq_page(request, session, user, rfq_id, refusal, error.status)
    return RedirectResponse(f"/rfqs/{rfq_id}", status_code=303)


async def _rfq_of_quote(session: AsyncSession, user: SignedInUser, quote_id: int) -> int:
    quote, _ = await visible_quote(session, user.viewer, quote_id)
    return quote.rfq_id


@router.post("/rfqs/{rfq_id:int}/quotes", dependencies=checked)
async def submit_quote(request: Request, rfq_id: ObjectId, form: CheckedForm, user: SignedInUser,
                       session: DbSession) -> Response:
    values = filled(form, QuoteCreate.model_fields)
    return await _attempt(request, session, user, rfq_id, lambda: _submit(session, user, rfq_id, values), values)


async def _submit(session: AsyncSession, user: SignedInUser, rfq_id: int, values: dict[str, str]) -> Any:
    return await service.submit_quote(session, user.viewer, rfq_id, parse(QuoteCreate, values))


@router.post("/quotes/{quote_id:int}/revise", dependencies=checked)
async def revise_quote(request: Request, quote_id: ObjectId, form: CheckedForm, user: SignedInUser,
                       session: DbSession) -> Response:
    rfq_id = await _rfq_of_quote(session, user, quote_id)
    values = filled(form, QuoteUpdate.model_fields)

    async def work() -> Any:
        return await service.revise_quote(session, user.viewer, quote_id, parse(QuoteUpdate, values))

    return await _attempt(request, session, user, rfq_id, work, values)


@router.post("/quotes/{quote_id:int}/withdraw", dependencies=checked)
async def withdraw_quote(request: Request, quote_id: ObjectId, user: SignedInUser, session: DbSession) -> Response:
    rfq_id = await _rfq_of_quote(session, user, quote_id)
    return await _attempt(request, session, user, rfq_id,
                          lambda: service.withdraw_quote(session, user.viewer, quote_id))


@router.post("/rfqs/{rfq_id:int}/award", dependencies=checked)
async def award(request: Request, rfq_id: ObjectId, form: CheckedForm, user: SignedInUser,
                session: DbSession) -> Response:
    async def work() -> Any:
        choice = parse(AwardIn, filled(form, AwardIn.model_fields))
        return await rfq_endings.award_quote(session, user.viewer, rfq_id, choice.quote_id)

    return await _attempt(request, session, user, rfq_id, work)


@router.post("/quotes/{quote_id:int}/rating", dependencies=checked)
async def rate(request: Request, quote_id: ObjectId, form: CheckedForm, user: SignedInUser,
               session: DbSession) -> Response:
    rfq_id = await _rfq_of_quote(session, user, quote_id)

    async def work() -> Any:
        return await decisions.rate_quote(session, user.viewer, quote_id,
                                          parse(RatingIn, filled(form, RatingIn.model_fields)))

    return await _attempt(request, session, user, rfq_id, work)


@router.get("/rfqs/{rfq_id:int}/comparison", response_class=HTMLResponse)
async def comparison_page(request: Request, rfq_id: ObjectId, session: DbSession, user: SignedInUser,
                          viewer: PageViewer) -> HTMLResponse:
    rfq = await buyer_rfq(session, viewer, rfq_id)
    context = await comparison_context(request, session, viewer, rfq)
    return render(request, "quotes/comparison.html", {"item": rfq, **context})


@router.post("/rfqs/{rfq_id:int}/attachments")
async def add_attachment(request: Request, rfq_id: ObjectId, form: CheckedForm, user: SignedInUser,
                         session: DbSession, store: Files) -> Response:
    upload = form.get("file")
    data = await upload.read() if isinstance(upload, UploadFile) else None
    name = (upload.filename if isinstance(upload, UploadFile) else None) or ""
    try:
        await attachments.add_attachment(session, store, user.viewer, rfq_id, name, data)
    except AppError as error:
        if error.status not in (409, 422):
            raise
        refusal = await refused(session, error, {})
        message = refusal["field_errors"].get("file") or lazy_refusal(error)
        return await rfq_page(request, session, user, rfq_id, {"attachment_error": message}, error.status)
    return RedirectResponse(f"/rfqs/{rfq_id}#attachments", status_code=303)


@router.post("/rfqs/{rfq_id:int}/attachments/{attachment_id:int}/delete", dependencies=checked)
async def remove_attachment(rfq_id: ObjectId, attachment_id: ObjectId, user: SignedInUser, session: DbSession,
                            store: Files) -> Response:
    await attachments.remove_attachment(session, store, user.viewer, rfq_id, attachment_id)
    return RedirectResponse(f"/rfqs/{rfq_id}#attachments", status_code=303)


QUOTES_SENT = "/my/quotes"
QUOTE_STATUSES = [QuoteStatus.SUBMITTED, QuoteStatus.PENDING_REVIEW, QuoteStatus.AWARDED, QuoteStatus.DECLINED,
                  QuoteStatus.WITHDRAWN, QuoteStatus.EXPIRED, QuoteStatus.REJECTED]


@router.get(QUOTES_SENT, response_class=HTMLResponse)
async def quotes_sent_page(request: Request, session: DbSession, user: SignedInUser, pagination: Pagination,
                           status: Annotated[str | None, Query(max_length=40)] = None) -> HTMLResponse:
    """A supplier's quotes, by status: what it offered on which RFQ and where each stands; an unknown status shows
    them all."""
    chosen = QuoteStatus(status) if status in set(QuoteStatus) else None
    page, titles = await service.sent_quotes(session, user.viewer, chosen, pagination.page, pagination.per_page)
    return render(request, "quotes/sent.html", {"page": page, "rfq_titles": titles, "status": chosen,
                                                "statuses": QUOTE_STATUSES, "held_note": HELD_NOTE})
