"""JSON API of advertising: the ad balance (read it, buy credit, administrators' adjustments) and keyword
campaigns with their clicks."""

from fastapi import APIRouter, status

from app.ads import campaigns, service
from app.ads.schemas import AdBalanceOut, AdjustmentIn, CampaignIn, CampaignOut, CampaignPatch, ClickOut, TopUpIn
from app.billing.schemas import InvoiceOut
from app.http.deps import AdminViewer, AppSettings, DbSession, RequiredViewer
from app.http.ids import ObjectId

router = APIRouter(prefix="/api/v1", tags=["ads"])


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
