"""/my/showcase: the supplier's showcase slots, what fills them and what it may add. Changes go through the showcase
service, as the JSON API's do; a refused pick shows the page again with why."""

from collections.abc import Awaitable
from typing import Annotated, Any

from fastapi import APIRouter, Query, Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.errors import AppError
from app.core.i18n import N_
from app.http.deps import DbSession
from app.http.forms import filled, parse, refused
from app.http.ids import ObjectId
from app.http.page_deps import CheckedForm, PageUser, SignedInUser
from app.http.templating import render
from app.showcase import service
from app.showcase.schemas import ShowcasePickIn

router = APIRouter()
PAGE = "showcase/mine.html"
Done = Annotated[str | None, Query(max_length=20)]
NOTICES = {"added": N_("Added to your showcase: it leads your store and search shows its badge."),
           "removed": N_("Removed from your showcase.")}
HIDDEN_BECAUSE = {"not_published": N_("not shown: the listing is not published"),
                  "beyond_slots": N_("not shown: beyond your plan's slots")}


async def _context(session: AsyncSession, user: PageUser) -> dict[str, Any]:
    view = await service.showcase_of(session, user.viewer)
    return {"showcase": view.summary, "pickable": view.pickable, "hidden_because": HIDDEN_BECAUSE,
            "boost_percent": int(view.summary.boost * 100)}


@router.get("/my/showcase", response_class=HTMLResponse)
async def showcase_page(request: Request, user: SignedInUser, session: DbSession, done: Done = None) -> HTMLResponse:
    return render(request, PAGE, {**await _context(session, user), "notice": NOTICES.get(done or "")})


async def _attempt(request: Request, session: AsyncSession, user: PageUser, work: Awaitable[object], done: str,
                   values: dict[str, str]) -> Response:
    """Runs a change and goes back to the page with its notice; a refusal shows the page with why."""
    try:
        await work
    except AppError as error:
        refusal = await refused(session, error, values)
        return render(request, PAGE, {**await _context(session, user), **refusal}, status_code=error.status)
    return RedirectResponse(f"/my/showcase?done={done}", status_code=303)


async def _pick(session: AsyncSession, user: PageUser, values: dict[str, str]) -> None:
    await service.pick(session, user.viewer, parse(ShowcasePickIn, values).listing_id)


@router.post("/my/showcase")
async def add(request: Request, form: CheckedForm, user: SignedInUser, session: DbSession) -> Response:
    values = filled(form, ("listing_id",))
    return await _attempt(request, session, user, _pick(session, user, values), "added", values)


@router.post("/my/showcase/{listing_id}/remove")
async def remove(request: Request, listing_id: ObjectId, _form: CheckedForm, user: SignedInUser,
                 session: DbSession) -> Response:
    return await _attempt(request, session, user, service.unpick(session, user.viewer, listing_id), "removed", {})
