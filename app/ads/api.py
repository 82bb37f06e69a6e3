"""JSON API of the ad balance: read it, buy credit (an invoice), and administrators' adjustments."""

from fastapi import APIRouter, status

from app.ads import service
from app.ads.schemas import AdBalanceOut, AdjustmentIn, TopUpIn
from app.billing.schemas import InvoiceOut
from app.http.deps import AdminViewer, AppSettings, DbSession, RequiredViewer

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
