"""JSON API of advertising: the ad balance (read it, buy credit, administrators' adjustments) and keyword
campaigns with their clicks."""

from datetime import date
from decimal import Decimal
from typing import Annotated

from fastapi import APIRouter, Query, Response, status
from fastapi.responses import PlainTextResponse

from app.ads import campaigns, estimates, featured, reports, service
from app.ads.schemas import (
    MAX_BID,
    MIN_BID,
    AdBalanceOut,
    AdjustmentIn,
    CampaignIn,
    CampaignOut,
    CampaignPatch,
    ClickOut,
    EstimateOut,
    FeaturedIn,
    FeaturedOut,
    PlatformAdsOut,
    ReportOut,
    RevenueDayOut,
    RevenueMonthOut,
    TopKeywordOut,
    TopUpIn,
)
from app.billing.schemas import InvoiceOut
from app.http.deps import AdminViewer, AppSettings, DbSession, RequiredViewer, SearchEngine
from app.http.ids import MAX_ID, ObjectId

router = APIRouter(prefix="/api/v1", tags=["ads"])
OptionalId = Annotated[int | None, Query(ge=1, le=MAX_ID, description="One campaign; all of yours when left out")]


@router.get("/ads/balance", response_model=AdBalanceOut)
async def balance(viewer: RequiredViewer, session: DbSession) -> AdBalanceOut:
    """Your organisation's prepaid ad balance and its latest movements."""
    return await service.my_balance(session, viewer)


@router.post("/ads/top-ups", status_code=status.HTTP_201_CREATED, response_model=InvoiceOut)
async def top_up(data: TopUpIn, viewer: RequiredViewer, session: DbSession, settings: AppSettings) -> InvoiceOut:
    """An invoice for ad credit (owners, on a plan with keyword bidding): the balance is credited once, when the
    invoice is paid, however often its payment is reported."""
    return await service.top_up(session, settings, viewer, data)


@router.post("/admin/ads/adjustments", status_code=status.HTTP_201_CREATED, response_model=AdBalanceOut)
async def adjust(data: AdjustmentIn, viewer: AdminViewer, session: DbSession) -> AdBalanceOut:
    """Administrators: credit or debit an organisation's ad balance, with a reason (never below zero)."""
    return await service.adjust(session, viewer, data)


@router.get("/ads/campaigns", response_model=list[CampaignOut])
async def list_campaigns(viewer: RequiredViewer, session: DbSession) -> list[CampaignOut]:
    """Your organisation's keyword campaigns, newest first, with what each spent today."""
    return await campaigns.my_campaigns(session, viewer)


@router.post("/ads/campaigns", status_code=status.HTTP_201_CREATED, response_model=CampaignOut)
async def create_campaign(data: CampaignIn, viewer: RequiredViewer, session: DbSession) -> CampaignOut:
    """A campaign promoting your published listings on keywords (plans with keyword bidding): 402 on other plans."""
    return await campaigns.campaign_out(session, await campaigns.create(session, viewer, data))


@router.get("/ads/campaigns/{campaign_id}", response_model=CampaignOut)
async def get_campaign(campaign_id: ObjectId, viewer: RequiredViewer, session: DbSession) -> CampaignOut:
    return await campaigns.campaign_out(session, await campaigns.my_campaign(session, viewer, campaign_id))


@router.patch("/ads/campaigns/{campaign_id}", response_model=CampaignOut)
async def update_campaign(campaign_id: ObjectId, data: CampaignPatch, viewer: RequiredViewer,
                          session: DbSession) -> CampaignOut:
    """Pause or resume, change the budget, dates, listings or keywords (a keyword that stays keeps its history)."""
    return await campaigns.campaign_out(session, await campaigns.update(session, viewer, campaign_id, data))


@router.get("/ads/campaigns/{campaign_id}/clicks", response_model=list[ClickOut])
async def campaign_clicks(campaign_id: ObjectId, viewer: RequiredViewer, session: DbSession) -> list[ClickOut]:
    """Every click on the campaign's ads, newest first (the latest 200): charged or not, and why not."""
    return await campaigns.clicks(session, viewer, campaign_id)


@router.get("/ads/reports", response_model=ReportOut)
async def ads_report(viewer: RequiredViewer, session: DbSession, campaign_id: OptionalId = None,
                     since: date | None = None, until: date | None = None) -> ReportOut:
    """Per day, campaign and keyword over a period (the last 30 days by default): impressions, charged and
    uncharged clicks, CTR, spend, average position and cost per click."""
    return (await reports.report(session, viewer, campaign_id, since, until)).out


@router.get("/ads/reports.csv", response_class=PlainTextResponse,
            responses={200: {"content": {"text/csv": {}}, "description": "The report's rows as CSV"}})
async def ads_report_csv(viewer: RequiredViewer, session: DbSession, campaign_id: OptionalId = None,
                         since: date | None = None, until: date | None = None) -> Response:
    found = (await reports.report(session, viewer, campaign_id, since, until)).out
    name = f"ads-{found.since.isoformat()}-{found.until.isoformat()}.csv"
    return Response(reports.as_csv(found), media_type="text/csv; charset=utf-8",
                    headers={"Content-Disposition": f'attachment; filename="{name}"'})


@router.get("/admin/ads/report", response_model=PlatformAdsOut)
async def platform_report(viewer: AdminViewer, session: DbSession) -> PlatformAdsOut:
    """Administrators: ad revenue per day and month, the share of clicks not charged, the top keywords."""
    found = await reports.platform_ads(session, viewer)
    return PlatformAdsOut(
        currency=found.currency, invalid_share=found.invalid_share,
        days=[RevenueDayOut(day=d.day, revenue=d.revenue, clicks=d.clicks, invalid_clicks=d.invalid_clicks)
              for d in found.days],
        months=[RevenueMonthOut(month=month, revenue=revenue) for month, revenue in found.months],
        top_keywords=[TopKeywordOut(keyword=k, clicks=c, revenue=r) for k, c, r in found.top_keywords])


@router.get("/ads/estimate", response_model=EstimateOut)
async def bid_estimate(viewer: RequiredViewer, session: DbSession, settings: AppSettings, engine: SearchEngine,
                       keyword: Annotated[str, Query(min_length=1, max_length=100)],
                       max_cpc: Annotated[Decimal, Query(ge=MIN_BID, le=MAX_BID, decimal_places=2)]) -> EstimateOut:
    """Where a bid on a keyword would show now and what a click would cost, against today's other bids, with the
    traffic the keyword's recent impressions suggest."""
    found = await estimates.estimate(session, engine, settings, viewer, keyword, max_cpc)
    return EstimateOut(keyword=keyword, max_cpc=max_cpc, position=found.position,
                       cost_per_click=found.cost_per_click, competitors=found.competitors, relevant=found.relevant,
                       searches_per_day=found.searches_per_day, clicks_per_day=found.clicks_per_day)


@router.get("/ads/featured", response_model=list[FeaturedOut])
async def featured_placements(viewer: RequiredViewer, session: DbSession) -> list[FeaturedOut]:
    """Your featured-supplier placements, newest first: waiting for payment, live, or over."""
    return await featured.mine(session, viewer)


@router.post("/ads/featured", status_code=status.HTTP_201_CREATED, response_model=InvoiceOut)
async def buy_featured(data: FeaturedIn, viewer: RequiredViewer, session: DbSession,
                       settings: AppSettings) -> InvoiceOut:
    """30 days as a featured supplier of an HS chapter you sell in (owners): an invoice; live once it is paid."""
    return await featured.buy(session, settings, viewer, data)
