"""What the RFQ page shows of the trading floor, per viewer: completeness for everyone; buyer contact details,
the quote form or the supplier's own quote for suppliers; quotes, comparison, award and rating for the buyer."""

from typing import Any

from fastapi import Request
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.viewer import Viewer, can_manage
from app.core.schemas import field_errors
from app.core.validators import normalise_currency
from app.http.forms import CHOICES
from app.http.locale import activate
from app.models import Quote, Rfq
from app.models.enums import UNDECIDED_QUOTE_STATUSES, RfqStatus, SampleOffer
from app.quotes import repository
from app.quotes.access import refusal_of
from app.quotes.comparison import SORT_LABELS, SortBy, compare_quotes
from app.quotes.decisions import DECIDED
from app.quotes.schemas import HELD_NOTE, LandedEstimateIn, QuoteCreate, json_value
from app.rfqs import attachments
from app.rfqs.completeness import completeness
from app.rfqs.contact import page_context

QUOTE_CHOICES = {**CHOICES, "sample_offers": [(offer.value, offer.value) for offer in SampleOffer],
                 "sorts": list(SORT_LABELS.items())}


def quote_values(quote: Quote) -> dict[str, str]:
    """A quote as the revise form shows it."""
    values = {field: json_value(getattr(quote, field)) for field in QuoteCreate.model_fields}
    return {field: str(value) for field, value in values.items() if value is not None}


def asked_terms(rfq: Rfq) -> dict[str, str]:
    """A new quote's form starts from what the RFQ asks: its quantity and unit, and its currency and Incoterm
    when the buyer named them (the supplier may change any of them)."""
    asked = {"quantity": rfq.quantity, "unit": rfq.unit, "currency": rfq.currency, "incoterm": rfq.incoterm}
    return {field: str(json_value(value)) for field, value in asked.items() if value is not None}


def _comparison_params(request: Request) -> tuple[str | None, SortBy]:
    """Sort and currency from the page's query; values that make no sense fall back to the defaults."""
    sort = request.query_params.get("sort", SortBy.TOTAL.value)
    currency = request.query_params.get("currency")
    try:
        currency = normalise_currency(currency) if currency else None
    except (ValueError, ValidationError):
        currency = None
    return currency, SortBy(sort) if sort in SortBy.__members__.values() else SortBy.TOTAL


ESTIMATE_FIELDS = ("freight", "insurance")


def _estimate(request: Request) -> tuple[LandedEstimateIn, dict[str, str], dict[str, str]]:
    """The buyer's freight/insurance estimate from the page's query, the values as typed, and a message per bad
    field (a bad estimate is not used: the table shows the quotes without it)."""
    typed = {name: request.query_params.get(name, "").strip() for name in ESTIMATE_FIELDS}
    try:
        return LandedEstimateIn.model_validate({name: value for name, value in typed.items() if value}), typed, {}
    except ValidationError as exc:
        return LandedEstimateIn(), typed, {error.field: error.message for error in field_errors(exc.errors())}


async def comparison_context(request: Request, session: AsyncSession, viewer: Viewer | None,
                             rfq: Rfq) -> dict[str, Any]:
    """What the buyer's comparison table needs (templates/quotes/comparison_table.html)."""
    activate(request)  # the groups' reasons are written in the page's language
    currency, sort = _comparison_params(request)
    estimate, typed, errors = _estimate(request)
    comparison = await compare_quotes(session, viewer, rfq.id, currency, sort, estimate)
    asked = request.query_params.get("currency", "").strip()
    if asked and currency is None:
        typed["currency"] = asked
        errors["currency"] = f"Must be an ISO 4217 currency code, such as USD or EUR; shown in {comparison.currency}"
    return {"choices": QUOTE_CHOICES, "comparison": comparison, "may_award": rfq.status is RfqStatus.OPEN,
            "estimate_values": typed, "estimate_errors": errors}


async def _buyer_context(request: Request, session: AsyncSession, viewer: Viewer, rfq: Rfq) -> dict[str, Any]:
    quotes = await repository.quotes_on(session, rfq.id, for_buyer=True)
    return {
        "is_buyer": True,
        "quotes": quotes,
        **await comparison_context(request, session, viewer, rfq),
        "ratings": await repository.ratings_on(session, [quote.id for quote in quotes]),
        "may_rate": rfq.status in DECIDED,
    }


async def _supplier_context(session: AsyncSession, viewer: Viewer, rfq: Rfq) -> dict[str, Any]:
    mine = list(await repository.quotes_on(session, rfq.id, viewer.organization_id))
    active = next((quote for quote in mine if quote.status in UNDECIDED_QUOTE_STATUSES), None)
    refusal = refusal_of(rfq, await repository.active_quote_count(session, rfq.id))
    context: dict[str, Any] = {"my_quotes": mine, "my_quote": active, "quote_refusal": refusal,
                               "held_note": HELD_NOTE}
    if active is not None:
        context["revisions"] = await repository.revisions_of(session, active.id)
        context["values"] = quote_values(active)
    else:
        context["values"] = asked_terms(rfq)
    return context


async def trading_context(request: Request, session: AsyncSession, viewer: Viewer | None, rfq: Rfq
                          ) -> dict[str, Any]:
    context: dict[str, Any] = {"completeness": completeness(rfq), "choices": QUOTE_CHOICES,
                               **await page_context(session, viewer, rfq)}
    context.update(await attachments.page_context(session, viewer, rfq, context["disclosure"].full_text))
    if viewer is not None and can_manage(viewer, rfq.organization_id):
        context.update(await _buyer_context(request, session, viewer, rfq))
    elif viewer is not None and viewer.organization_role.sells:
        context.update(await _supplier_context(session, viewer, rfq))
    return context
