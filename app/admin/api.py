"""JSON API of the admin dashboard: the figures behind /admin."""

from fastapi import APIRouter

from app.admin import service
from app.admin.schemas import StatsOut, stats_out
from app.core.clock import today
from app.http.deps import AdminViewer, DbSession

router = APIRouter(prefix="/api/v1/admin", tags=["admin"])


@router.get("/stats", response_model=StatsOut)
async def stats(session: DbSession, viewer: AdminViewer) -> StatsOut:
    """Activity per UTC day (last 30 days) and month (last 12), revenue per currency, the moderation backlog and
    totals now."""
    days = await service.activity(session, viewer, "day")
    months = await service.activity(session, viewer, "month")
    return stats_out(today(), days, months, await service.overview(session, viewer))
