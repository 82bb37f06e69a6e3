"""Jinja2 rendering for the pages, with the viewer, the CSRF token and flash-free error messages."""

from decimal import Decimal
from pathlib import Path
from typing import Any
from urllib.parse import urlencode

from fastapi import Request
from fastapi.responses import HTMLResponse, RedirectResponse, Response
from fastapi.templating import Jinja2Templates
from markupsafe import Markup

from app.core.config import PROJECT_ROOT, Settings
from app.core.content_language import NAMES, ShownText, Written, shown_text
from app.core.errors import AppError
from app.http import locale, refusals
from app.http.csrf import CSRF_FIELD, csrf_token, ensure_csrf_cookie
from app.http.display_currency import CHOICES, activate_display, indicative
from app.models import Organization
from trust.verification import KIND_LABELS, verified_today

TEMPLATES_DIR = Path(PROJECT_ROOT) / "templates"
templates = Jinja2Templates(directory=str(TEMPLATES_DIR))


def _money(value: Decimal | None) -> str:
    """All the digits, grouped as the viewer's language writes numbers (English: 1,234.5)."""
    return locale.format_number(value)


def _verified(organization: Organization | None) -> bool:
    """Whether it counts as verified today: a verification that expires today has lost its badge already."""
    return organization is not None and verified_today(organization.verified_until)


def _label(value: str | None) -> str:
    """An enum value for people: pending_review -> pending review, in the viewer's language."""
    return locale.enum_label(value)


def _shown(written: Written) -> ShownText:
    """A listing's title and description in the page's language when its supplier gave them, else the original."""
    return shown_text(written, locale.html_lang())


def _lang_attribute(language: str) -> Markup:
    """` lang="es"` on an element whose text is in another language than the page, for screen readers and search
    engines; nothing when it is the page's."""
    return Markup(' lang="{}"').format(language) if language != locale.html_lang() else Markup("")


templates.env.filters["money"] = _money
templates.env.filters["shown"] = _shown
templates.env.globals["lang_attribute"] = _lang_attribute
templates.env.globals["language_name"] = lambda tag: NAMES.get(tag, tag)  # in itself: English, 简体中文, Español
templates.env.globals["content_languages"] = list(NAMES.items())
templates.env.globals["indicative"] = indicative
templates.env.globals["display_currencies"] = CHOICES
templates.env.filters["country"] = locale.country  # in the viewer's language
templates.env.filters["label"] = _label
templates.env.filters["refusal"] = refusals.refusal
templates.env.filters["verified"] = _verified
templates.env.filters["verification_kind"] = lambda kind: locale.gettext(KIND_LABELS[kind])
# gettext in the pages: `{{ _("...") }}`, `{% trans %}`, ngettext, in the request's language (app.http.locale).
templates.env.add_extension("jinja2.ext.i18n")
templates.env.install_gettext_callables(locale.gettext, locale.ngettext, newstyle=True)  # type: ignore[attr-defined]
templates.env.filters["day"] = locale.format_day
templates.env.filters["month"] = locale.format_month
templates.env.filters["gettext"] = locale.gettext  # a label held as data, e.g. `labels|map("gettext")`
templates.env.globals["html_lang"] = locale.html_lang
templates.env.globals["current_locale"] = locale.current_locale
templates.env.globals["languages"] = locale.CHOICES
templates.env.globals["country_options"] = locale.country_options  # named and sorted in the viewer's language


def render(request: Request, template: str, context: dict[str, Any] | None = None,
           status_code: int = 200) -> HTMLResponse:
    settings: Settings = request.app.state.settings
    locale.activate(request)  # the page's language, for gettext and the number and date filters
    full_context = {
        "request": request,
        "viewer": getattr(request.state, "viewer", None),
        "current_user": getattr(request.state, "current_user", None),
        "csrf_field": CSRF_FIELD,
        "csrf_token": csrf_token(request, settings),
        "display_currency": activate_display(request),
        **(context or {}),
    }
    response = templates.TemplateResponse(request, template, full_context, status_code=status_code)
    ensure_csrf_cookie(request, response, settings)
    return response


def login_redirect(request: Request) -> RedirectResponse:
    """Sends an anonymous visitor to the login form, which brings them back to the page they asked for (GET)."""
    target = "/login"
    if request.method == "GET":
        here = request.url.path + (f"?{request.url.query}" if request.url.query else "")
        target += "?" + urlencode({"next": here})
    return RedirectResponse(target, status_code=303)


def render_error(request: Request, error: AppError) -> Response:
    if error.code == "not_authenticated":
        return login_redirect(request)
    return render(request, "error.html", {"error": error}, status_code=error.status)
