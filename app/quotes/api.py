"""JSON API of quotes: submit on an RFQ, list, revise, withdraw, history; compare, award and rate."""

from typing import Annotated

from fastapi import APIRouter, Query, status

from app.core.schemas import PageOut, page_out
from app.core.validators import CurrencyCode
from app.http.deps import DbSession, OptionalViewer, RequiredViewer
from app.http.forms import ObjectId
from app.http.pagination import Pagination
from app.models.enums import QuoteStatus
from app.quotes import decisions, rfq_endings, service
from app.quotes.comparison import SortBy, compare_quotes
from app.quotes.schemas import (
    AwardIn,
    ComparisonOut,
    EstimateAmount,
    LandedEstimateIn,
    QuoteCreate,
    QuoteOut,
    QuoteRevisionOut,
    QuoteUpdate,
    RatingIn,
    RatingOut,
    SentQuoteOut,
    sent_quote_out,
)
from app.rfqs.schemas import RfqOut

router = APIRouter(prefix="/api/v1", tags=["quotes"])


@router.post("/rfqs/{rfq_id}/quotes", status_code=status.HTTP_201_CREATED, response_model=QuoteOut)
async def submit_quote(rfq_id: ObjectId, data: QuoteCreate, session: DbSession, viewer: RequiredViewer) -> QuoteOut:
    return QuoteOut.model_validate(await service.submit_quote(session, viewer, rfq_id, data))


@router.get("/rfqs/{rfq_id}/quotes", response_model=list[QuoteOut])
async def rfq_quotes(rfq_id: ObjectId, session: DbSession, viewer: OptionalViewer) -> list[QuoteOut]:
    return [QuoteOut.model_validate(quote) for quote in await service.rfq_quotes(session, viewer, rfq_id)]


@router.get("/rfqs/{rfq_id}/comparison", response_model=ComparisonOut)
async def comparison(rfq_id: ObjectId, session: DbSession, viewer: OptionalViewer,
                     currency: Annotated[CurrencyCode | None, Query()] = None,
                     sort: SortBy = SortBy.TOTAL,
                     freight: Annotated[EstimateAmount | None, Query()] = None,
                     insurance: Annotated[EstimateAmount | None, Query()] = None) -> ComparisonOut:
    """`freight` and `insurance`: the buyer's estimate for the whole quantity, in the comparison currency, added
    to each quote whose Incoterm leaves that cost to the buyer (landed_total)."""
    estimate = LandedEstimateIn(freight=freight, insurance=insurance)
    return await compare_quotes(session, viewer, rfq_id, currency, sort, estimate)


@router.post("/rfqs/{rfq_id}/award", response_model=RfqOut)
async def award(rfq_id: ObjectId, data: AwardIn, session: DbSession, viewer: RequiredViewer) -> RfqOut:
    return RfqOut.model_validate(await rfq_endings.award_quote(session, viewer, rfq_id, data.quote_id))


@router.post("/rfqs/{rfq_id}/close", response_model=RfqOut, tags=["rfqs"])
async def close_rfq(rfq_id: ObjectId, session: DbSession, viewer: RequiredViewer) -> RfqOut:
    """Closes the RFQ without award; the quotes still undecided are declined."""
    return RfqOut.model_validate(await rfq_endings.close_rfq(session, viewer, rfq_id))


@router.get("/quotes", response_model=PageOut[SentQuoteOut])
async def sent_quotes(session: DbSession, viewer: RequiredViewer, pagination: Pagination,
                      in_status: Annotated[QuoteStatus | None, Query(alias="status")] = None) -> PageOut[SentQuoteOut]:
    """The quotes the caller's organisation sent (a supplier's "Quotes sent"), latest changed first."""
    page, titles = await service.sent_quotes(session, viewer, in_status, pagination.page, pagination.per_page)
    return page_out(page, [sent_quote_out(quote, titles[quote.rfq_id]) for quote in page.items])


@router.get("/quotes/{quote_id}", response_model=QuoteOut)
async def get_quote(quote_id: ObjectId, session: DbSession, viewer: OptionalViewer) -> QuoteOut:
    return QuoteOut.model_validate(await service.get_quote(session, viewer, quote_id))


@router.patch("/quotes/{quote_id}", response_model=QuoteOut)
async def revise_quote(quote_id: ObjectId, data: QuoteUpdate, session: DbSession, viewer: RequiredViewer) -> QuoteOut:
    return QuoteOut.model_validate(await service.revise_quote(session, viewer, quote_id, data))


@router.post("/quotes/{quote_id}/withdraw", response_model=QuoteOut)
async def withdraw_quote(quote_id: ObjectId, session: DbSession, viewer: RequiredViewer) -> QuoteOut:
    return QuoteOut.model_validate(await service.withdraw_quote(session, viewer, quote_id))


@router.get("/quotes/{quote_id}/revisions", response_model=list[QuoteRevisionOut])
async def revisions(quote_id: ObjectId, session: DbSession, viewer: OptionalViewer) -> list[QuoteRevisionOut]:
    return [QuoteRevisionOut.model_validate(row) for row in await service.quote_revisions(session, viewer, quote_id)]


@router.post("/quotes/{quote_id}/rating", status_code=status.HTTP_201_CREATED, response_model=RatingOut)
async def rate(quote_id: ObjectId, data: RatingIn, session: DbSession, viewer: RequiredViewer) -> RatingOut:
    return RatingOut.model_validate(await decisions.rate_quote(session, viewer, quote_id, data))
