"""Jinja2 rendering for the pages, with the viewer, the CSRF token and flash-free error messages."""

from decimal import Decimal
from pathlib import Path
from typing import Any

from fastapi import Request
from fastapi.responses import HTMLResponse
from fastapi.templating import Jinja2Templates

from app.core.config import PROJECT_ROOT, Settings
from app.core.errors import AppError
from app.http.csrf import CSRF_FIELD, csrf_token, ensure_csrf_cookie

TEMPLATES_DIR = Path(PROJECT_ROOT) / "templates"
templates = Jinja2Templates(directory=str(TEMPLATES_DIR))


def _money(value: Decimal | None) -> str:
    if value is None:
        return ""
    return f"{value.normalize():,f}"


templates.env.filters["money"] = _money


def render(request: Request, template: str, context: dict[str, Any] | None = None,
           status_code: int = 200) -> HTMLResponse:
    settings: Settings = request.app.state.settings
    full_context = {
        "request": request,
        "viewer": getattr(request.state, "viewer", None),
        "current_user": getattr(request.state, "current_user", None),
        "csrf_field": CSRF_FIELD,
        "csrf_token": csrf_token(request, settings),
        **(context or {}),
    }
    response = templates.TemplateResponse(request, template, full_context, status_code=status_code)
    ensure_csrf_cookie(request, response, settings)
    return response


def render_error(request: Request, error: AppError) -> HTMLResponse:
    return render(request, "error.html", {"error": error}, status_code=error.status)
