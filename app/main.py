"""Composition root: builds the FastAPI app, mounts the routers, picks backends from configuration."""

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager

from fastapi import FastAPI
from fastapi.staticfiles import StaticFiles

from app.accounts import api as accounts_api
from app.alerts import api as alerts_api
from app.alerts.wiring import install_alerts
from app.billing import api as billing_api
from app.core.config import PROJECT_ROOT, Settings, get_settings
from app.core.db import create_engine, create_sessionmaker
from app.fx import api as fx_api
from app.http.problems import install_error_handlers
from app.http.templating import render_error
from app.inquiries import api as inquiries_api
from app.listings import api as listings_api
from app.matches import api as matches_api
from app.moderation import api as moderation_api
from app.notifications import api as notifications_api
from app.notifications.wiring import install_mail
from app.pages import router as pages_router
from app.quotes import api as quotes_api
from app.rfqs import api as rfqs_api
from app.search_api import api as search_api
from app.search_api.wiring import install_search


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    engine = create_engine(settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        yield
        await engine.dispose()
        await app.state.search.close()

    app = FastAPI(title="tradeleads", version="0.1.0", lifespan=lifespan)
    app.state.settings = settings
    app.state.engine = engine
    app.state.sessionmaker = create_sessionmaker(engine)
    install_error_handlers(app, render_error)
    install_search(app, settings)
    install_alerts(app, settings)
    install_mail(app, settings)
    app.include_router(search_api.router)
    for router in (accounts_api.router, listings_api.router, rfqs_api.router, pages_router):
        app.include_router(router)
    app.include_router(billing_api.router)
    app.include_router(matches_api.router)
    app.include_router(alerts_api.saved_searches_router)
    app.include_router(alerts_api.webhooks_router)
    for router in (notifications_api.router, inquiries_api.router, moderation_api.router):
        app.include_router(router)
    app.include_router(quotes_api.router)
    app.include_router(fx_api.router)
    app.mount("/static", StaticFiles(directory=str(PROJECT_ROOT / "static")), name="static")
    return app
