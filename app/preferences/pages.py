"""The pages' language: chosen with the switch in the footer (a CSRF-checked form), kept in a cookie that
app.http.locale reads before the browser's Accept-Language. There is no per-user language setting stored yet: the
cookie is the viewer's setting, on each browser."""

from fastapi import APIRouter
from fastapi.responses import RedirectResponse

from app.http.locale import COOKIE, LOCALES
from app.http.page_deps import CheckedForm
from app.http.redirects import safe_next

router = APIRouter()
YEAR_SECONDS = 365 * 24 * 3600


@router.post("/preferences/language")
async def choose_language(form: CheckedForm) -> RedirectResponse:
    """Pages in `language` (en, zh_Hans, es) from now on; empty or anything else: as the browser asks."""
    language, next_url = form.get("language"), form.get("next")
    target = safe_next(next_url) if isinstance(next_url, str) and len(next_url) <= 500 else None
    response = RedirectResponse(target or "/", status_code=303)
    if isinstance(language, str) and language in LOCALES:
        response.set_cookie(COOKIE, language, max_age=YEAR_SECONDS, httponly=True, samesite="lax")
    else:
        response.delete_cookie(COOKIE)
    return response
