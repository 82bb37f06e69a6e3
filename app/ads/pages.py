"""/my/ads: the organisation's ad balance, its movements, and buying credit (an invoice, paid like the plan's)."""

from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.ext.asyncio import AsyncSession

from app.ads import campaigns, featured, reports, service
from app.ads.schemas import FeaturedIn, TopUpIn
from app.core.config import Settings
from app.core.errors import AppError
from app.core.i18n import N_
from app.hs.service import code_descriptions
from app.http.deps import AppSettings, DbSession
from app.http.forms import filled, parse, refused
from app.http.ids import MAX_ID
from app.http.page_deps import CheckedForm, PageUser, SignedInUser
from app.http.templating import render
from membership.ad_credit import MAX_TOP_UP, MIN_TOP_UP
from membership.reports import revenue_by_month

router = APIRouter()
PAGE = "ads/balance.html"
KINDS = {"ad_top_up": N_("Top-up paid"), "adjustment": N_("Adjustment by the platform"),
         "ad_click": N_("Click charged")}
Invoice = Annotated[int | None, Query(ge=1, le=MAX_ID)]


async def _context(session: AsyncSession, user: PageUser, settings: Settings) -> dict[str, Any]:
    chapters = await featured.chapters_of(session, user.viewer.organization_id)
    names = await code_descriptions(session, set(chapters))
    return {"balance": await service.my_balance(session, user.viewer), "min_top_up": MIN_TOP_UP,
            "max_top_up": MAX_TOP_UP, "kinds": KINDS, "campaigns": await campaigns.my_campaigns(session, user.viewer),
            "placements": await featured.mine(session, user.viewer), "featured_price": settings.ads_featured_price,
            "chapters": [(chapter, f"{chapter} · {names.get(chapter, '')}") for chapter in chapters]}


@router.get("/my/ads", response_class=HTMLResponse)
async def balance_page(request: Request, user: SignedInUser, session: DbSession, settings: AppSettings,
                       invoice: Invoice = None) -> HTMLResponse:
    return render(request, PAGE, {**await _context(session, user, settings), "invoice_id": invoice})


@router.post("/my/ads/top-ups")
async def top_up(request: Request, form: CheckedForm, user: SignedInUser, session: DbSession,
                 settings: AppSettings) -> Response:
    values = filled(form, ("amount",))
    try:
        invoice = await service.top_up(session, settings, user.viewer, parse(TopUpIn, values))
    except AppError as error:
        refusal = await refused(session, error, values)
        return render(request, PAGE, {**await _context(session, user, settings), **refusal}, status_code=error.status)
    return RedirectResponse(f"/my/ads?invoice={invoice.id}", status_code=303)


@router.post("/my/ads/featured")
async def buy_featured(request: Request, form: CheckedForm, user: SignedInUser, session: DbSession,
                       settings: AppSettings) -> Response:
    values = filled(form, ("chapter",))
    try:
        invoice = await featured.buy(session, settings, user.viewer, parse(FeaturedIn, values))
    except AppError as error:
        refusal = await refused(session, error, values)
        return render(request, PAGE, {**await _context(session, user, settings), **refusal, "form": "featured"},
                      status_code=error.status)
    return RedirectResponse(f"/my/ads?invoice={invoice.id}#featured", status_code=303)


@router.get("/admin/ads", response_class=HTMLResponse)
async def platform_ads_page(request: Request, user: SignedInUser, session: DbSession) -> HTMLResponse:
    """Administrators: ad revenue per day and per month beside membership revenue, clicks not charged, top
    keywords."""
    found = await reports.platform_ads(session, user.viewer)
    membership = {row.label: row.total for row in await revenue_by_month(session) if row.currency == found.currency}
    months = sorted({*membership, *(month for month, _ in found.months)}, reverse=True)[:12]
    ads_by_month = dict(found.months)
    return render(request, "ads/admin.html", {
        "ads": found, "months": [(month, membership.get(month), ads_by_month.get(month)) for month in months]})
