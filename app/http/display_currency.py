"""Prices in the viewer's currency: a page shows each price as its supplier set it, with the amount converted at the
dated reference rate beside it, labelled indicative. The viewer picks the currency (a cookie, from the footer);
the rates arrive through the request facts (the fx domain's latest dated rates), loaded once per page."""

from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass
from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from fastapi import Request
from markupsafe import Markup, escape

from app.core.clock import today
from app.core.currency import Pair, rate_between
from app.http.deps import DbSession
from app.http.identity import request_facts

COOKIE = "tl_currency"
CHOICES = ("USD", "EUR", "GBP", "CNY", "JPY", "INR", "AED", "BRL", "MXN", "TRY", "VND", "KRW")
DatedRates = Mapping[Pair, tuple[Decimal, date]]


@dataclass(frozen=True)
class Display:
    currency: str
    rates: DatedRates


# The Display of the page being rendered: the price macros, imported without the page's context, read it here;
# activate_display sets it from the request each time a page renders.
_DISPLAY: ContextVar[Display | None] = ContextVar("display", default=None)


def chosen_currency(request: Request) -> str | None:
    value = request.cookies.get(COOKIE, "")
    return value if value in CHOICES else None


async def display_currency(request: Request, session: DbSession) -> None:
    """For the pages: the viewer's currency and today's rates, when the viewer chose one (request.state.display)."""
    currency = chosen_currency(request)
    display = None
    if currency is not None:
        display = Display(currency, await request_facts(request).dated_rates(session, today()))
    request.state.display = display


def activate_display(request: Request) -> str | None:
    """Makes the request's Display the one its page's prices are shown with, and returns the viewer's currency, for
    the footer's picker. A page rendered without the display_currency dependency (an error page, the 404 handler)
    has no rates, so converts no price, but its picker still shows the cookie's choice."""
    display: Display | None = getattr(request.state, "display", None)
    _DISPLAY.set(display)
    return display.currency if display is not None else chosen_currency(request)


def _amount(value: Decimal) -> str:
    places = Decimal(1) if value >= 1000 else Decimal("0.01")
    return f"{value.quantize(places, rounding=ROUND_HALF_UP):,f}"


def indicative(low: Decimal | None, high: Decimal | None, currency: str | None) -> Markup:
    """`≈ EUR 1.95 - 3.15` (an en dash between) after a price in another currency, with the rate's date on hover;
    nothing when the viewer chose no currency, the price is already in it, or no rate is known."""
    display = _DISPLAY.get()
    if display is None or currency is None or currency == display.currency:
        return Markup("")
    rate = rate_between({pair: value for pair, (value, _) in display.rates.items()}, currency, display.currency)
    amounts = [rate.apply(value) for value in (low, high) if value is not None] if rate else []
    if rate is None or not amounts:
        return Markup("")
    as_of = min(display.rates[pair][1] for pair in rate.pairs) if rate.pairs else today()
    shown = " \u2013 ".join(_amount(value) for value in dict.fromkeys(amounts))
    title = f"Indicative: converted from {currency} at the reference rate of {as_of.isoformat()}"
    return Markup('<span class="indicative" title="{}">\u2248 {} {}</span>').format(
        escape(title), escape(display.currency), escape(shown))
