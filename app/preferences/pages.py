"""The pages' language: chosen with the switch in the footer (a CSRF-checked form). A signed-in user's choice is
kept with their account, so it follows them to any browser; every choice is also kept in a cookie, which
app.http.locale reads (after the user's setting) before the browser's Accept-Language."""

from fastapi import APIRouter
from fastapi.responses import RedirectResponse

from app.accounts import service as accounts
from app.http.deps import DbSession
from app.http.locale import COOKIE, LOCALES
from app.http.page_deps import CheckedForm, PageViewer
from app.http.redirects import safe_next

router = APIRouter()
YEAR_SECONDS = 365 * 24 * 3600


@router.post("/preferences/language")
async def choose_language(form: CheckedForm, viewer: PageViewer, session: DbSession) -> RedirectResponse:
    """Pages in `language` (en, zh_Hans, es) from now on; empty or anything else: as the browser asks."""
    language, next_url = form.get("language"), form.get("next")
    chosen = language if isinstance(language, str) and language in LOCALES else None
    target = safe_next(next_url) if isinstance(next_url, str) and len(next_url) <= 500 else None
    if viewer is not None:
        await accounts.set_language(session, viewer, chosen)
    response = RedirectResponse(target or "/", status_code=303)
    if chosen is not None:
        response.set_cookie(COOKIE, chosen, max_age=YEAR_SECONDS, httponly=True, samesite="lax")
    else:
        response.delete_cookie(COOKIE)
    return response
