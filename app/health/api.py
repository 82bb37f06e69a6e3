"""/healthz (the process answers) and /readyz (it can serve: database, migrations, search engine), for load
balancers and orchestrators. Neither needs a login; neither says more than what is up."""

from fastapi import APIRouter
from fastapi.responses import JSONResponse

from app.health import service
from app.health.schemas import Alive, Readiness
from app.http.deps import DbSession, SearchEngine

router = APIRouter(tags=["health"])


@router.get("/healthz", response_model=Alive)
async def healthz() -> Alive:
    return Alive(status="ok")


@router.get("/readyz", response_model=Readiness, responses={503: {"model": Readiness, "description": "Not ready"}})
async def readyz(session: DbSession, backend: SearchEngine) -> JSONResponse:
    found = await service.readiness(session, backend)
    return JSONResponse(found.model_dump(), status_code=200 if found.ready else 503)
