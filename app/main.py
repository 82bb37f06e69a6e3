"""Composition root: builds the FastAPI app, picks the backends from configuration, wires the interfaces the
request plumbing and the background work need, and mounts every router from one list."""

import gc
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass

from fastapi import APIRouter, Depends, FastAPI
from fastapi.staticfiles import StaticFiles
from prometheus_client import CollectorRegistry

from app.accounts import api as accounts_api
from app.accounts import pages as accounts_pages
from app.accounts.service import AccountsIdentity
from app.admin import api as admin_api
from app.admin import pages as admin_pages
from app.ads import api as ads_api
from app.ads import campaign_pages as ads_campaign_pages
from app.ads import pages as ads_pages
from app.alerts import api as alerts_api
from app.alerts import pages as alerts_pages
from app.alerts.drain import AlertSettings, drain_alerts
from app.alerts.webhook_sender import WebhookPolicy, webhook_client
from app.alerts.worker import send_webhooks
from app.background.after_commit import AfterCommitChain
from app.billing import api as billing_api
from app.billing import pages as billing_pages
from app.categories import api as categories_api
from app.categories import pages as categories_pages
from app.core.config import PROJECT_ROOT, Settings, get_settings
from app.core.db import create_engine, create_sessionmaker
from app.core.storage import DiskStore
from app.fx import api as fx_api
from app.fx import pages as fx_pages
from app.fx.repository import latest_dated_rates
from app.health import api as health_api
from app.health.metrics import QueueMetrics
from app.home import pages as home_pages
from app.http.display_currency import display_currency
from app.http.identity import install_request_facts
from app.http.locale import EnglishUntilActivated
from app.http.openapi import install_openapi
from app.http.page_deps import page_user
from app.http.problems import install_error_handlers
from app.http.request_limits import BodyLimit, refuse_nul_characters
from app.http.request_log import RequestLog, request_latency
from app.http.security_headers import SecurityHeaders
from app.http.templating import render_error
from app.imports import api as imports_api
from app.imports import pages as imports_pages
from app.imports.service import work_off_imports
from app.inquiries import api as inquiries_api
from app.inquiries import pages as inquiries_pages
from app.leads import api as leads_api
from app.leads import pages as leads_pages
from app.listings import api as listings_api
from app.listings import pages as listings_pages
from app.matches import api as matches_api
from app.matches import pages as matches_pages
from app.moderation import api as moderation_api
from app.moderation import pages as moderation_pages
from app.notifications import api as notifications_api
from app.notifications import pages as notifications_pages
from app.notifications.email import EmailSender, create_sender
from app.notifications.mailer import RetryPolicy, drain_outgoing_emails
from app.notifications.service import unread_count
from app.organizations import api as organizations_api
from app.organizations import pages as organizations_pages
from app.preferences import pages as preferences_pages
from app.quotes import api as quotes_api
from app.quotes import pages as quotes_pages
from app.rfqs import api as rfqs_api
from app.rfqs import pages as rfqs_pages
from app.search_api import api as search_api
from app.search_api import pages as search_pages
from app.showcase import api as showcase_api
from app.showcase import pages as showcase_pages
from app.team import api as team_api
from app.team import pages as team_pages
from app.verifications import api as verifications_api
from app.verifications import pages as verifications_pages
from matching.hs.index import hs_index
from matching.model import configured_model
from search.backend import SearchBackend
from search.factory import create_backend, is_embedded
from search.indexer import drain_all


@dataclass(frozen=True)
class Mount:
    router: APIRouter
    page: bool = False  # HTML: left out of the OpenAPI document, and resolves its viewer first (for the nav)


def page(router: APIRouter) -> Mount:
    return Mount(router, page=True)


# Routes that take image uploads, with their own body limit.
UPLOAD_PATHS = (r"/api/v1/listings/\d+/images", r"/my/listings/\d+/images", r"/api/v1/organizations/[^/]+/logo",
                r"/account/company/logo", r"/api/v1/listing-imports", r"/my/listings/import",
                r"/api/v1/rfqs/\d+/attachments", r"/rfqs/\d+/attachments", r"/api/v1/verifications/\d+/files",
                r"/verifications", r"/verifications/\d+/files")

# Every router, in the order the app matches them.
ROUTERS: list[Mount] = [
    Mount(search_api.router), Mount(accounts_api.router), Mount(listings_api.router), Mount(rfqs_api.router),
    Mount(billing_api.router), Mount(matches_api.router), Mount(alerts_api.saved_searches_router),
    Mount(alerts_api.webhooks_router), Mount(notifications_api.router), Mount(inquiries_api.router),
    Mount(moderation_api.router), Mount(quotes_api.router), Mount(fx_api.router), Mount(health_api.router),
    Mount(organizations_api.router), Mount(listings_api.files_router), Mount(categories_api.router),
    Mount(admin_api.router), Mount(team_api.router), Mount(organizations_api.logos_router),
    Mount(organizations_api.logo_files_router), Mount(imports_api.router), Mount(rfqs_api.files_router),
    Mount(leads_api.router), Mount(verifications_api.router), Mount(verifications_api.files_router),
    Mount(showcase_api.router), Mount(ads_api.router),
    page(home_pages.router), page(accounts_pages.router), page(listings_pages.router), page(search_pages.router),
    page(billing_pages.router), page(matches_pages.router), page(alerts_pages.router), page(quotes_pages.router),
    page(notifications_pages.router), page(inquiries_pages.router), page(moderation_pages.router),
    page(organizations_pages.router), page(categories_pages.router), page(fx_pages.router),
    page(admin_pages.router), page(team_pages.router), page(imports_pages.router), page(preferences_pages.router),
    page(leads_pages.router), page(verifications_pages.router), page(rfqs_pages.router), page(showcase_pages.router),
    page(ads_pages.router), page(ads_campaign_pages.router),
]

# In-process batches per commit or timer round; the next round (or `tradeleads worker`, `mail send`) does the rest.
INDEX_BATCHES, ALERT_BATCHES, MAIL_BATCHES = 10, 5, 4


def create_app(settings: Settings | None = None) -> FastAPI:
    settings = settings or get_settings()
    engine = create_engine(settings)

    @asynccontextmanager
    async def lifespan(_: FastAPI) -> AsyncIterator[None]:
        chain: AfterCommitChain | None = app.state.after_commit
        if chain is not None:
            chain.start()
        configured_model(), hs_index()  # loaded now rather than by the first match page or HS lookup
        # What startup built lives as long as the process: frozen, a full collection no longer walks it (that walk
        # was a 100 ms pause on whichever page triggered it). Garbage goes first; unfrozen again at shutdown.
        gc.collect()
        gc.freeze()
        yield
        gc.unfreeze()
        if chain is not None:
            await chain.stop()
        await engine.dispose()
        await app.state.search.close()

    app = FastAPI(title="tradeleads", version="0.1.0", lifespan=lifespan,
                  dependencies=[Depends(refuse_nul_characters)])
    app.state.settings = settings
    app.state.metrics_registry = CollectorRegistry()
    app.state.queue_metrics = QueueMetrics(app.state.metrics_registry)
    app.state.engine = engine
    app.state.sessionmaker = create_sessionmaker(engine)
    app.state.search = create_backend(settings)
    app.state.files = DiskStore(settings.files_path)
    app.state.mail_sender = create_sender(settings)
    app.state.after_commit = after_commit_chain(app, settings) if in_process_background(settings) else None
    install_request_facts(app, AccountsIdentity(), unread_count, latest_dated_rates)
    install_error_handlers(app, render_error)
    for mount in ROUTERS:
        if mount.page:
            app.include_router(mount.router, include_in_schema=False,
                               dependencies=[Depends(page_user), Depends(display_currency)])
        else:
            app.include_router(mount.router)
    app.mount("/static", StaticFiles(directory=str(PROJECT_ROOT / "static")), name="static")
    install_openapi(app, [mount.router for mount in ROUTERS if not mount.page])
    app.add_middleware(BodyLimit, default_limit=settings.request_body_max_bytes,
                       route_limits=dict.fromkeys(UPLOAD_PATHS, settings.image_upload_max_bytes))
    app.add_middleware(SecurityHeaders, https_only=settings.secure_cookies)
    app.add_middleware(EnglishUntilActivated)
    app.add_middleware(RequestLog, latency=request_latency(app.state.metrics_registry))
    return app


def in_process_background(settings: Settings) -> bool:
    """The web process does the background work unless told not to; unset, it does on the embedded default (no
    separate worker to expect) and leaves it to `tradeleads worker` and `mail send` with OpenSearch."""
    if settings.background_in_process is not None:
        return settings.background_in_process
    return is_embedded(settings)


def after_commit_chain(app: FastAPI, settings: Settings) -> AfterCommitChain:
    """With no separate worker: right after each commit that queued work, index the changes, then work off the
    alerts (they read the index), then send the e-mails (the alerts' included), and then, from the chain's own task
    so that no response waits on a receiver, the webhooks; the task repeats every step on a timer (retries)."""
    sessions = app.state.sessionmaker
    backend: SearchBackend = app.state.search
    sender: EmailSender = app.state.mail_sender
    alert_settings, mail_policy = AlertSettings.from_settings(settings), RetryPolicy.from_settings(settings)
    webhook_policy = WebhookPolicy.from_settings(settings)

    async def index() -> None:
        await drain_all(sessions, backend, worker="in-process", max_attempts=settings.outbox_max_attempts,
                        max_batches=INDEX_BATCHES)

    async def alerts() -> None:
        await drain_alerts(sessions, backend, alert_settings, worker="in-process", max_batches=ALERT_BATCHES)

    async def mail() -> None:
        await drain_outgoing_emails(sessions, sender, policy=mail_policy, max_batches=MAIL_BATCHES)

    async def webhooks() -> None:
        async with webhook_client(webhook_policy) as client:
            await send_webhooks(sessions, client, webhook_policy)

    async def imports() -> None:
        await work_off_imports(sessions, app.state.files, "in-process")

    chain = AfterCommitChain(interval_seconds=settings.background_interval_seconds)
    chain.add(index, "indexing after commit failed; the outbox keeps the change")
    chain.add(alerts, "alerts after commit failed; alert_jobs keeps the work")
    chain.add(mail, "sending e-mail after commit failed; outgoing_emails keeps it")
    chain.add(webhooks, "sending webhooks failed; webhook_deliveries keeps them", in_request=False)
    chain.add(imports, "a listing import failed; listing_imports keeps it", in_request=False)
    return chain
