"""JSON API of alerts: saved searches (buyers) and signed webhook endpoints (any organisation's members).

Webhook requests carry `X-Tradeleads-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of "<t>.<raw body>">`, keyed
with the endpoint's secret (returned once, by the POST that creates the endpoint); see app.alerts.webhook_sender."""

from fastapi import APIRouter, Response, status

from app.alerts import saved_searches, webhooks
from app.alerts.schemas import (
    SavedSearchCreate,
    SavedSearchOut,
    WebhookCreate,
    WebhookCreatedOut,
    WebhookDeliveryOut,
    WebhookOut,
)
from app.core.schemas import PageOut, page_out
from app.http.deps import AppSettings, DbSession, OptionalViewer, RequiredViewer
from app.http.forms import ObjectId
from app.http.pagination import Pagination

saved_searches_router = APIRouter(prefix="/api/v1/saved-searches", tags=["alerts"])
webhooks_router = APIRouter(prefix="/api/v1/webhooks", tags=["alerts"])


@saved_searches_router.post("", status_code=status.HTTP_201_CREATED, response_model=SavedSearchOut)
async def create_saved_search(data: SavedSearchCreate, session: DbSession, viewer: RequiredViewer) -> SavedSearchOut:
    return SavedSearchOut.model_validate(await saved_searches.create_saved_search(session, viewer, data))


@saved_searches_router.get("", response_model=PageOut[SavedSearchOut])
async def list_saved_searches(session: DbSession, viewer: OptionalViewer,
                              pagination: Pagination) -> PageOut[SavedSearchOut]:
    page = await saved_searches.list_saved_searches(session, viewer, pagination.page, pagination.per_page)
    return page_out(page, [SavedSearchOut.model_validate(item) for item in page.items])


@saved_searches_router.delete("/{search_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_saved_search(search_id: ObjectId, session: DbSession, viewer: RequiredViewer) -> Response:
    await saved_searches.delete_saved_search(session, viewer, search_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@webhooks_router.post("", status_code=status.HTTP_201_CREATED, response_model=WebhookCreatedOut)
async def create_webhook(data: WebhookCreate, session: DbSession, viewer: RequiredViewer,
                         settings: AppSettings) -> WebhookCreatedOut:
    created = await webhooks.create_endpoint(session, viewer, data,
                                             private_destinations=settings.webhook_private_destinations)
    return WebhookCreatedOut.model_validate(created)


@webhooks_router.get("", response_model=list[WebhookOut])
async def list_webhooks(session: DbSession, viewer: OptionalViewer) -> list[WebhookOut]:
    return [WebhookOut.model_validate(item) for item in await webhooks.list_endpoints(session, viewer)]


@webhooks_router.delete("/{endpoint_id}", status_code=status.HTTP_204_NO_CONTENT)
async def delete_webhook(endpoint_id: ObjectId, session: DbSession, viewer: RequiredViewer) -> Response:
    await webhooks.delete_endpoint(session, viewer, endpoint_id)
    return Response(status_code=status.HTTP_204_NO_CONTENT)


@webhooks_router.get("/{endpoint_id}/deliveries", response_model=PageOut[WebhookDeliveryOut])
async def list_deliveries(endpoint_id: ObjectId, session: DbSession, viewer: OptionalViewer,
                          pagination: Pagination) -> PageOut[WebhookDeliveryOut]:
    page = await webhooks.list_deliveries(session, viewer, endpoint_id, pagination.page, pagination.per_page)
    return page_out(page, [WebhookDeliveryOut.model_validate(item) for item in page.items])
