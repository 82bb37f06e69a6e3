"""The viewer's display currency: chosen in the footer, kept in a cookie, read by app.http.display_currency."""

from typing import Annotated

from fastapi import APIRouter, Query
from fastapi.responses import RedirectResponse

from app.http.display_currency import CHOICES, COOKIE
from app.http.redirects import safe_next

router = APIRouter()
YEAR_SECONDS = 365 * 24 * 3600


@router.get("/preferences/currency")
async def choose_currency(currency: Annotated[str, Query(max_length=3)] = "",
                          next_url: Annotated[str | None, Query(alias="next", max_length=500)] = None,
                          ) -> RedirectResponse:
    """Prices also shown in `currency` (one of the choices); empty or anything else: as the suppliers set them."""
    response = RedirectResponse(safe_next(next_url) or "/", status_code=303)
    if currency in CHOICES:
        response.set_cookie(COOKIE, currency, max_age=YEAR_SECONDS, httponly=True, samesite="lax")
    else:
        response.delete_cookie(COOKIE)
    return response
