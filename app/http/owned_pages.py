"""The pages of an organization-owned object (listing, RFQ): its public detail page, and a "My ..." page where
members see theirs in every status, create drafts and move them through their lifecycle."""

from collections.abc import Awaitable, Callable, Mapping
from dataclasses import dataclass, field, replace
from typing import Annotated, Any

from fastapi import APIRouter, Depends, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from pydantic import BaseModel
from sqlalchemy.ext.asyncio import AsyncSession

from app.auth.viewer import Viewer
from app.core.errors import AppError, not_found
from app.core.repository import Page
from app.http.deps import DbSession
from app.http.forms import CHOICES, ObjectId, filled, parse, refused
from app.http.ids import MAX_ID
from app.http.lookups import owner_and_hs
from app.http.page_deps import CheckedForm, PageUser, PageViewer, SignedInUser, csrf_checked_form
from app.http.pagination import PageParams, Pagination
from app.http.refusals import lazy_refusal
from app.http.templating import render

ItemAction = Callable[[AsyncSession, Viewer | None, int], Awaitable[Any]]
# More of a detail page, for the viewer: (request, session, viewer, item) -> extra template context.
DetailExtra = Callable[[Request, AsyncSession, Viewer | None, Any], Awaitable[dict[str, Any]]]
FIRST_PAGE = PageParams(page=1, per_page=20)
MAX_BULK = 100  # items one bulk action moves (a page shows at most this many)


@dataclass
class BulkOutcome:
    action: str
    done: list[int] = field(default_factory=list)
    refused: list[tuple[int, str]] = field(default_factory=list)  # (id, why)


def _ids(values: list[Any]) -> list[int]:
    """The ticked ids that are ids at all (a forged value is left out, never a 500)."""
    return list(dict.fromkeys(int(v) for v in values if isinstance(v, str) and v.isdigit() and 0 < int(v) <= MAX_ID))


@dataclass(frozen=True)
class OwnedPages:
    folder: str  # URL segment and template folder: "listings", "rfqs"
    require_role: Callable[[Viewer | None], Viewer]  # who may have a "My ..." page (sellers, buyers)
    create_model: type[BaseModel]
    filters_of: Callable[[str], Any]  # the list filters of one organization, by slug
    get: ItemAction
    list: Callable[[AsyncSession, Viewer | None, Any, int, int], Awaitable[Page[Any]]]
    create: Callable[[AsyncSession, Viewer | None, Any], Awaitable[Any]]
    actions: Mapping[str, ItemAction]  # per-row buttons: URL segment -> service function
    transitions: Mapping[Any, frozenset[Any]]  # the service's state machine, to show only the possible buttons
    detail_extra: DetailExtra | None = None
    my_extra: Mapping[str, Any] = field(default_factory=dict)  # more context of the "My ..." page
    # A create form with fields of its own (a listing's price tier rows): their names, and what makes the model of
    # the filled-in fields (by default app.http.forms.parse of the model's fields).
    form_fields: tuple[str, ...] = ()
    parse_form: Callable[[dict[str, str]], BaseModel] | None = None

    @property
    def my_url(self) -> str:
        return f"/my/{self.folder}"

    def router(self, router: APIRouter | None = None) -> APIRouter:
        """These pages' routes, added after those already on `router` (more specific ones a kind adds first)."""
        router = router or APIRouter()
        router.add_api_route(f"/{self.folder}/{{item_id:int}}", self.detail, methods=["GET"],
                             response_class=HTMLResponse)
        router.add_api_route(self.my_url, self.my_page, methods=["GET"], response_class=HTMLResponse)
        router.add_api_route(self.my_url, self.create_from_form, methods=["POST"])
        router.add_api_route(self.my_url + "/bulk", self.bulk_change, methods=["POST"])
        router.add_api_route(self.my_url + "/{item_id:int}/{action}", self.change, methods=["POST"],
                             dependencies=[Depends(csrf_checked_form)])
        return router

    async def detail(self, request: Request, item_id: ObjectId, session: DbSession,
                     viewer: PageViewer) -> HTMLResponse:
        return await self.detail_response(request, session, viewer, item_id)

    async def detail_response(self, request: Request, session: AsyncSession, viewer: Viewer | None, item_id: int,
                              extra: Mapping[str, Any] | None = None, status_code: int = 200) -> HTMLResponse:
        """The detail page, with `extra` context on top (a form shown again with its refusal, for instance)."""
        item = await self.get(session, viewer, item_id)
        context = await owner_and_hs(session, item)
        if self.detail_extra is not None:
            context.update(await self.detail_extra(request, session, viewer, item))
        return render(request, f"{self.folder}/detail.html", {**context, **(extra or {})}, status_code=status_code)

    def _status(self, value: str | None) -> Any:
        """The status a "My ..." page is filtered by, from its ?status= (anything else shows every status)."""
        return next((status for status in self.transitions if status.value == value), None)

    async def _my_context(self, session: AsyncSession, user: PageUser, pagination: PageParams,
                          status: Any = None) -> dict[str, Any]:
        self.require_role(user.viewer)
        filters = replace(self.filters_of(user.organization_slug), status=status)
        page = await self.list(session, user.viewer, filters, pagination.page, pagination.per_page)
        return {"page": page, "transitions": self.transitions, "choices": CHOICES, "statuses": list(self.transitions),
                "status": status, "bulk_actions": list(self.actions), **self.my_extra}

    async def my_page(self, request: Request, user: SignedInUser, session: DbSession, pagination: Pagination,
                      status: Annotated[str | None, Query(max_length=40)] = None) -> HTMLResponse:
        context = await self._my_context(session, user, pagination, self._status(status))
        return render(request, f"{self.folder}/my.html", {**context, "values": {}})

    async def bulk_change(self, request: Request, form: CheckedForm, user: SignedInUser,
                          session: DbSession) -> HTMLResponse:
        """One action on the ticked items, each on its own: one that cannot move is reported and the others move."""
        action = form.get("action")
        if not isinstance(action, str) or action not in self.actions:
            raise not_found("Page")
        outcome = BulkOutcome(action)
        for item_id in _ids(form.getlist("ids"))[:MAX_BULK]:
            try:
                async with session.begin_nested():
                    await self.actions[action](session, user.viewer, item_id)
                outcome.done.append(item_id)
            except AppError as error:
                outcome.refused.append((item_id, lazy_refusal(error)))
        context = await self._my_context(session, user, FIRST_PAGE)
        return render(request, f"{self.folder}/my.html", {**context, "values": {}, "bulk": outcome})

    async def create_from_form(self, request: Request, form: CheckedForm, user: SignedInUser,
                               session: DbSession) -> Response:
        values = filled(form, [*self.create_model.model_fields, *self.form_fields])
        try:
            data = self.parse_form(values) if self.parse_form else parse(self.create_model, values)
            await self.create(session, user.viewer, data)
        except AppError as error:
            refusal = await refused(session, error, values)
            context = {**await self._my_context(session, user, FIRST_PAGE), **refusal}
            return render(request, f"{self.folder}/my.html", context, status_code=error.status)
        return RedirectResponse(self.my_url, status_code=303)

    async def change(self, item_id: ObjectId, action: str, user: SignedInUser, session: DbSession) -> Response:
        if action not in self.actions:
            raise not_found("Page")
        await self.actions[action](session, user.viewer, item_id)
        return RedirectResponse(self.my_url, status_code=303)
