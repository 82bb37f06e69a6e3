"""JSON API of exchange rates (administrators load them)."""

from fastapi import APIRouter, status

from app.fx import service
from app.fx.schemas import FxLoadOut, FxRateOut, FxRatesIn
from app.http.deps import AdminViewer, DbSession

router = APIRouter(prefix="/api/v1/admin/fx-rates", tags=["fx"])


@router.post("", status_code=status.HTTP_201_CREATED, response_model=FxLoadOut)
async def load_rates(data: FxRatesIn, session: DbSession, viewer: AdminViewer) -> FxLoadOut:
    stored = await service.admin_load_rates(session, viewer, data.rates)
    return FxLoadOut(loaded=len(stored), rates=[FxRateOut.model_validate(rate) for rate in stored])
