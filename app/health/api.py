"""/healthz (the process answers) and /readyz (it can serve: database, migrations, search engine), for load
balancers and orchestrators: neither needs a login, neither says more than what is up. /metrics (Prometheus text)
is for administrators: a scraper sends an admin's personal access token as a bearer token."""

from fastapi import APIRouter, Request
from fastapi.responses import JSONResponse, Response
from prometheus_client import CONTENT_TYPE_LATEST, generate_latest

from app.health import service
from app.health.metrics import QueueMetrics
from app.health.schemas import Alive, Readiness
from app.http.deps import AdminViewer, DbSession, SearchEngine

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Alive)
async def healthz() -> Alive:
    return Alive(status="ok")


@router.get("/readyz", response_model=Readiness, responses={503: {"model": Readiness, "description": "Not ready"}})
async def readyz(session: DbSession, backend: SearchEngine) -> JSONResponse:
    found = await service.readiness(session, backend)
    return JSONResponse(found.model_dump(), status_code=200 if found.ready else 503)


@router.get("/metrics", response_class=Response,
            responses={200: {"content": {CONTENT_TYPE_LATEST: {}}, "description": "Prometheus text format"}})
async def metrics(request: Request, session: DbSession, _admin: AdminViewer) -> Response:
    queues: QueueMetrics = request.app.state.queue_metrics
    await queues.refresh(session)
    return Response(generate_latest(request.app.state.metrics_registry), media_type=CONTENT_TYPE_LATEST)
