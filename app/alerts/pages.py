"""Pages of alerts: /saved-searches (buyers keep listing searches) and /webhooks (signed event endpoints, the secret
shown once after creation). CSRF-checked forms; refused forms are shown again with one message per field."""

from typing import Any

from fastapi import APIRouter, Depends, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import ValidationError
from sqlalchemy.ext.asyncio import AsyncSession
from starlette.datastructures import FormData

from app.alerts import saved_searches, webhooks
from app.alerts.schemas import SavedSearchCreate, WebhookCreate
from app.core.errors import AppError
from app.core.schemas import as_validation_failed
from app.http.deps import AppSettings, DbSession
from app.http.forms import ObjectId, filled, refused
from app.http.page_deps import CheckedForm, PageUser, SignedInUser, csrf_checked_form
from app.http.templating import render
from app.models.enums import ALERT_KINDS

router = APIRouter()
SAVED = "/saved-searches"
WEBHOOKS = "/webhooks"
SEARCH_FIELDS = ("name", "query", "hs_heading", "origin_country", "price_max")
LIST_FILTERS = ("hs_heading", "origin_country")


def _saved_search_input(values: dict[str, str]) -> SavedSearchCreate:
    filters: dict[str, Any] = {name: [values[name]] for name in LIST_FILTERS if name in values}
    if "price_max" in values:
        filters["price_max"] = values["price_max"]
    try:
        return SavedSearchCreate(name=values.get("name", ""), query=values.get("query", ""), filters=filters)
    except ValidationError as exc:
        raise as_validation_failed(exc) from exc


async def _refused(session: AsyncSession, error: AppError, values: dict[str, str]) -> dict[str, Any]:
    """Errors of `filters.<name>` belong to the form field <name>."""
    context = await refused(session, error, values)
    context["field_errors"] = {name.removeprefix("filters.").split(".")[0]: text
                               for name, text in context["field_errors"].items()}
    return context


async def _saved_context(session: AsyncSession, user: PageUser) -> dict[str, Any]:
    page = await saved_searches.list_saved_searches(session, user.viewer, 1, saved_searches.MAX_PER_ORGANIZATION)
    return {"searches": page.items, "may_save": user.viewer.organization_role.buys}


@router.get(SAVED, response_class=HTMLResponse)
async def saved_searches_page(request: Request, session: DbSession, user: SignedInUser) -> HTMLResponse:
    return render(request, "alerts/saved_searches.html", {**await _saved_context(session, user), "values": {}})


@router.post(SAVED)
async def save_search(request: Request, form: CheckedForm, session: DbSession, user: SignedInUser) -> Response:
    values = filled(form, SEARCH_FIELDS)
    try:
        await saved_searches.create_saved_search(session, user.viewer, _saved_search_input(values))
    except AppError as error:
        context = {**await _refused(session, error, values), **await _saved_context(session, user)}
        return render(request, "alerts/saved_searches.html", context, status_code=error.status)
    return RedirectResponse(SAVED, status_code=303)


@router.post(SAVED + "/{search_id}/delete", dependencies=[Depends(csrf_checked_form)])
async def delete_search(search_id: ObjectId, session: DbSession, user: SignedInUser) -> RedirectResponse:
    await saved_searches.delete_saved_search(session, user.viewer, search_id)
    return RedirectResponse(SAVED, status_code=303)


async def _webhooks_context(session: AsyncSession, user: PageUser) -> dict[str, Any]:
    return {"endpoints": await webhooks.list_endpoints(session, user.viewer), "kinds": ALERT_KINDS}


def _webhook_input(form: FormData, values: dict[str, str]) -> WebhookCreate:
    events = [event for event in form.getlist("events") if isinstance(event, str)]
    try:
        return WebhookCreate.model_validate({"url": values.get("url", ""), "events": events})
    except ValidationError as exc:
        raise as_validation_failed(exc) from exc


@router.get(WEBHOOKS, response_class=HTMLResponse)
async def webhooks_page(request: Request, session: DbSession, user: SignedInUser) -> HTMLResponse:
    return render(request, "alerts/webhooks.html", {**await _webhooks_context(session, user), "values": {}})


@router.post(WEBHOOKS)
async def add_webhook(request: Request, form: CheckedForm, session: DbSession, user: SignedInUser,
                      settings: AppSettings) -> Response:
    values = filled(form, ("url",))
    try:
        created = await webhooks.create_endpoint(session, user.viewer, _webhook_input(form, values),
                                                 private_destinations=settings.webhook_private_destinations)
    except AppError as error:
        context = {**await _refused(session, error, values), **await _webhooks_context(session, user)}
        return render(request, "alerts/webhooks.html", context, status_code=error.status)
    context = {**await _webhooks_context(session, user), "values": {}, "created": created}
    return render(request, "alerts/webhooks.html", context, status_code=201)


@router.post(WEBHOOKS + "/{endpoint_id}/delete", dependencies=[Depends(csrf_checked_form)])
async def delete_webhook(endpoint_id: ObjectId, session: DbSession, user: SignedInUser) -> RedirectResponse:
    await webhooks.delete_endpoint(session, user.viewer, endpoint_id)
    return RedirectResponse(WEBHOOKS, status_code=303)
