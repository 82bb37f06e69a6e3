"""Side-by-side comparison of an RFQ's active quotes in one currency, for the buyer.

Like for like: sorted by total, only totals in the comparison currency, for the RFQ's quantity and unit, are
ranked against each other (group `compared`); a price per metric ton counts for an RFQ in kg (app/quotes/units.py:
mass, volume and dozens convert; flag unit_converted). A quote that cannot be converted (no exchange rate) is
grouped with the other quotes of its currency and ranked only among them; a quote in a unit that does not convert
(a bag, a pallet) gets no total and is not ranked by price; when the buyer entered a freight/insurance estimate, a
quote without an Incoterm (so nobody can tell what it includes) is apart too. Each group says why
(ComparisonGroupOut.reason). Sorted by lead time or trust, no amount is ranked, so every quote is in one group
(`all`), its unconverted totals marked by their flags.

Rounding rule: conversions are exact Decimal arithmetic. The unit price in the comparison currency is rounded
ROUND_HALF_UP to 4 places (the precision prices are stored with); the total (unit price x rate x the RFQ's
quantity, divided by the units' ratio when they differ) is computed exactly (dozens: to 28 significant digits) and
rounded once, ROUND_HALF_UP, to the minor unit of its currency (cents for USD, whole yen for JPY), with
membership.money.round_money. The rate is the latest on or before today (table fx_rates:
direct, inverse or crossed through one pivot currency) and the comparison says the day of the rates it used
(rates_as_of), not today's date.

Incoterms: the buyer may enter an estimate of the main freight and of the insurance of the whole quantity to the
destination; each quote gets the estimate of what its Incoterm leaves to the buyer added (landed_total), so an FOB
price is ranked against a CIF price with the freight and insurance the buyer would still pay."""

from collections.abc import Callable
from datetime import date, timedelta
from decimal import ROUND_HALF_UP, Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.viewer import Viewer
from app.core.clock import today
from app.core.currency import Pair, Rate, rate_between
from app.core.i18n import N_
from app.core.repository import by_id
from app.fx.repository import latest_dated_rates
from app.http.locale import format_day, format_number, gettext
from app.models import Listing, Organization, Quote, Rfq
from app.quotes import repository
from app.quotes.access import buyer_rfq
from app.quotes.incoterms import BUYER, INCOTERMS
from app.quotes.messages import hours
from app.quotes.schemas import (
    ComparisonGroupOut,
    ComparisonOut,
    ComparisonRowOut,
    IncotermOut,
    LandedEstimateIn,
    SupplierOut,
)
from app.quotes.units import units_in
from app.verifications.schemas import VerificationFacts
from app.verifications.service import badges as verification_badges
from matching.trust import TrustSignals, supplier_trust
from membership.money import round_money
from membership.tiers import current_tiers

UNIT_PRICE_PLACES = Decimal("0.0001")
ROUNDING = ("unit prices ROUND_HALF_UP to 4 places; totals computed exactly, then ROUND_HALF_UP once to the "
            "currency's minor unit")
COMPARED, NO_INCOTERM, UNIT_DIFFERS, NO_RATE, ALL = "compared", "no_incoterm", "unit_differs", "no_rate", "all"
GROUP_RANKS = {COMPARED: 0, NO_INCOTERM: 1, NO_RATE: 2, UNIT_DIFFERS: 3}
DatedRates = dict[Pair, tuple[Decimal, date]]


class SortBy(StrEnum):
    TOTAL = "total"
    LEAD_TIME = "lead_time"
    TRUST = "trust"


SORT_LABELS = {SortBy.TOTAL: N_("total"), SortBy.LEAD_TIME: N_("lead time"), SortBy.TRUST: N_("trust")}
# What the buyer adds to a quote, and who pays under an Incoterm (app.quotes.incoterms), as the table shows them.
COST_WORDS = (N_("freight"), N_("insurance"), N_("buyer"), N_("seller"))


def _certifications(required: list[str], held: set[str]) -> tuple[list[str], list[str]]:
    held_keys = {name.casefold() for name in held}
    met = [name for name in required if name.casefold() in held_keys]
    return met, [name for name in required if name.casefold() not in held_keys]


def _landed(total: Decimal | None, buyer_adds: list[str], estimate: LandedEstimateIn,
            currency: str) -> Decimal | None:
    if total is None or not estimate.given:
        return None
    added = {"freight": estimate.freight, "insurance": estimate.insurance}
    return round_money(total + sum((added[cost] or Decimal(0) for cost in buyer_adds), Decimal(0)), currency)


def _prices(rfq: Rfq, quote: Quote, rate: Rate | None, dated: DatedRates, currency: str,
            estimate: LandedEstimateIn) -> dict[str, Any]:
    per = units_in(quote.unit, rfq.unit)
    same_unit = per is not None
    total = quote.unit_price * rfq.quantity / (per or 1)
    terms = INCOTERMS[quote.incoterm] if quote.incoterm else None
    buyer_adds = [] if terms is None else [cost for cost, payer in (
        ("freight", terms.main_freight_paid_by), ("insurance", terms.insurance_paid_by)) if payer == BUYER]
    total_in_currency = round_money(rate.apply(total), currency) if rate is not None and same_unit else None
    return {
        "rate": None if rate is None else rate.value.quantize(Decimal("0.0000000001"), rounding=ROUND_HALF_UP),
        "rate_as_of": min((dated[pair][1] for pair in rate.pairs), default=None) if rate is not None else None,
        "unit_price_in_currency": None if rate is None else rate.apply(quote.unit_price).quantize(
            UNIT_PRICE_PLACES, rounding=ROUND_HALF_UP),
        "total_in_currency": total_in_currency,
        "total_in_quote_currency": round_money(total, quote.currency) if same_unit else None,
        "buyer_adds": buyer_adds,
        "landed_total": None if terms is None else _landed(total_in_currency, buyer_adds, estimate, currency),
    }


def _flags(rate: Rate | None, quote: Quote, rfq: Rfq, expired: bool, no_incoterm: bool) -> list[str]:
    per = units_in(quote.unit, rfq.unit)
    raised = ((NO_RATE, rate is None), (UNIT_DIFFERS, per is None), ("unit_converted", per not in (None, 1)),
              ("expired", expired), (NO_INCOTERM, no_incoterm))
    return [flag for flag, up in raised if up]


def _quantity_fit(rfq: Rfq, quote: Quote) -> str | None:
    per = units_in(quote.unit, rfq.unit)
    if per is None:
        return None
    quantity = quote.quantity * per
    if quantity == rfq.quantity:
        return "as_asked"
    return "less_than_asked" if quantity < rfq.quantity else "more_than_asked"


def _fit(rfq: Rfq, quote: Quote, listing: Listing | None, organization: Organization, day: date) -> dict[str, Any]:
    ready_by = None if quote.lead_time_days is None else day + timedelta(days=quote.lead_time_days)
    per = None if listing is None else units_in(listing.moq_unit, rfq.unit)
    moq_fit = None if listing is None or per is None else rfq.quantity >= listing.moq * per
    met, missing = _certifications(rfq.required_certifications,
                                   set(organization.certifications) | set(listing.certifications if listing else []))
    terms = INCOTERMS[quote.incoterm] if quote.incoterm else None
    return {
        "incoterm": IncotermOut.model_validate(terms, from_attributes=True) if terms else None,
        "lead_time_days": quote.lead_time_days, "ready_by": ready_by,
        "ready_by_valid_until": None if ready_by is None else ready_by <= rfq.valid_until,
        "listing_moq": listing.moq if listing else None, "moq_fit": moq_fit,
        "quantity_fit": _quantity_fit(rfq, quote),
        "certifications_met": met, "certifications_missing": missing,
    }


async def _badges(session: AsyncSession, organization_ids: set[int]) -> dict[int, str | None]:
    return {organization: tier.badge if tier else None
            for organization, tier in (await current_tiers(session, organization_ids)).items()}


def _none_last(value: Any) -> tuple[bool, Any]:
    return value is None, value


def _amount(row: ComparisonRowOut) -> Decimal | None:
    """The amount a row is ranked by within its group (all of a group's amounts are in one currency)."""
    for amount in (row.landed_total, row.total_in_currency, row.total_in_quote_currency):
        if amount is not None:
            return amount
    return None


SORT_KEYS: dict[SortBy, Callable[[ComparisonRowOut], Any]] = {
    SortBy.TOTAL: lambda row: (_none_last(_amount(row)), row.quote_id),
    SortBy.LEAD_TIME: lambda row: (_none_last(row.lead_time_days), row.quote_id),
    SortBy.TRUST: lambda row: (-row.trust_score, row.quote_id),
}


def _group_of(flags: list[str], quote_currency: str, sort: SortBy) -> str:
    if sort is not SortBy.TOTAL:
        return ALL
    if UNIT_DIFFERS in flags:
        return UNIT_DIFFERS
    if NO_RATE in flags:
        return f"{NO_RATE}:{quote_currency}"
    return NO_INCOTERM if NO_INCOTERM in flags else COMPARED


def _reason(key: str, rfq: Rfq, target: str, day: date, estimate: LandedEstimateIn,
            sort: SortBy) -> tuple[str | None, str]:
    """The group's currency and why it stands apart, in the language being shown (English in the API)."""
    unit = gettext(rfq.unit.value.replace("_", " "))
    quantity = f"{format_number(rfq.quantity)} {unit}"
    if key == ALL:
        return None, gettext("Every quote ranked by %(sort)s, whatever its currency; a total that could not be "
                             "converted to %(currency)s is marked and shown in its own currency.") % {
            "sort": gettext(SORT_LABELS[sort]), "currency": target}
    if key == COMPARED:
        text = (gettext("Totals for %(quantity)s in %(currency)s plus your freight and insurance estimate where the "
                        "Incoterm leaves them to you, ranked against each other.") if estimate.given else
                gettext("Totals for %(quantity)s in %(currency)s, ranked against each other."))
        return target, text % {"quantity": quantity, "currency": target}
    if key == NO_INCOTERM:
        return target, gettext("No Incoterm given, so nobody can tell whether freight and insurance are included: "
                               "your estimate is not added and these are not ranked against the others.")
    if key == UNIT_DIFFERS:
        return None, gettext("Quoted in another unit than the %(unit)s asked: no total for %(quantity)s, so these "
                             "are not ranked by price.") % {"unit": unit, "quantity": quantity}
    currency = key.split(":", 1)[1]
    return currency, gettext("In %(currency)s: no %(currency)s to %(target)s exchange rate is loaded on or before "
                             "%(day)s, so these totals are not converted and are ranked only among themselves.") % {
        "currency": currency, "target": target, "day": format_day(day)}


def _grouped(rows: list[ComparisonRowOut], sort: SortBy, rfq: Rfq, target: str, day: date,
             estimate: LandedEstimateIn) -> tuple[list[ComparisonGroupOut], list[ComparisonRowOut]]:
    keys = sorted({row.group for row in rows}, key=lambda key: (GROUP_RANKS.get(key.split(":")[0], 0), key))
    groups, ordered = [], []
    for key in keys:
        members = sorted((row for row in rows if row.group == key), key=SORT_KEYS[sort])
        currency, reason = _reason(key, rfq, target, day, estimate, sort)
        groups.append(ComparisonGroupOut(key=key, currency=currency, reason=reason,
                                         quote_ids=[row.quote_id for row in members]))
        ordered.extend(members)
    return groups, ordered


async def compare_quotes(session: AsyncSession, viewer: Viewer | None, rfq_id: int, currency: str | None = None,
                         sort: SortBy = SortBy.TOTAL, estimate: LandedEstimateIn | None = None) -> ComparisonOut:
    rfq = await buyer_rfq(session, viewer, rfq_id)
    target = currency or rfq.currency or "USD"
    estimate = estimate or LandedEstimateIn()
    day = today()
    quotes = await repository.quotes_on(session, rfq.id, active_only=True, for_buyer=True)
    dated = await latest_dated_rates(session, day)
    rates = {pair: rate for pair, (rate, _) in dated.items()}
    suppliers = await by_id(session, Organization, {quote.organization_id for quote in quotes})
    listings = await by_id(session, Listing, {quote.listing_id for quote in quotes if quote.listing_id is not None})
    trust = await supplier_trust(session, suppliers.keys())
    badges = await _badges(session, set(suppliers))
    verified = await verification_badges(session, suppliers.keys())
    ratings = await repository.ratings_on(session, [quote.id for quote in quotes])
    context = _Context(rfq, target, day, dated, estimate, sort)
    rows = [context.row(quote, suppliers[quote.organization_id], listings.get(quote.listing_id or 0),
                        trust[quote.organization_id], badges[quote.organization_id],
                        verified.get(quote.organization_id, []),
                        rate_between(rates, quote.currency, target), ratings.get(quote.id))
            for quote in quotes]
    groups, rows = _grouped(rows, sort, rfq, target, day, estimate)
    used = [row.rate_as_of for row in rows if row.total_in_currency is not None and row.rate_as_of is not None]
    rates_as_of = min(used, default=None)
    age = None if rates_as_of is None else (day - rates_as_of).days
    return ComparisonOut(rfq_id=rfq.id, currency=target, quantity=rfq.quantity, unit=rfq.unit,
                         rates_as_of=rates_as_of, rates_age_days=age,
                         sort=sort.value, rounding=ROUNDING,
                         freight_estimate=estimate.freight, insurance_estimate=estimate.insurance, groups=groups,
                         rows=rows)


class _Context:
    """What every row of one comparison shares."""

    def __init__(self, rfq: Rfq, target: str, day: date, dated: DatedRates, estimate: LandedEstimateIn,
                 sort: SortBy) -> None:
        self.rfq, self.target, self.day, self.dated, self.estimate, self.sort = rfq, target, day, dated, estimate, sort

    def row(self, quote: Quote, organization: Organization, listing: Listing | None, trust: TrustSignals,
            badge: str | None, verifications: list[VerificationFacts], rate: Rate | None,
            rated: int | None) -> ComparisonRowOut:
        supplier = SupplierOut(id=organization.id, name=organization.name, country=organization.country,
                               verified=trust.verified, verifications=verifications, tier_badge=badge)
        expired = quote.valid_until is not None and quote.valid_until < self.day
        flags = _flags(rate, quote, self.rfq, expired, self.estimate.given and quote.incoterm is None)
        return ComparisonRowOut(
            quote_id=quote.id, status=quote.status, supplier=supplier, unit_price=quote.unit_price,
            quote_currency=quote.currency, quantity=quote.quantity, unit=quote.unit, sample_offer=quote.sample_offer,
            valid_until=quote.valid_until, expired=expired, message=quote.message,
            response_hours=hours(quote.response_seconds), rating_avg=trust.rating_avg,
            rating_count=trust.rating_count, trust_score=trust.score, rated=rated, flags=flags,
            group=_group_of(flags, quote.currency, self.sort),
            **_prices(self.rfq, quote, rate, self.dated, self.target, self.estimate),
            **_fit(self.rfq, quote, listing, organization, self.day),
        )
