"""The pages in the viewer's language: English, Simplified Chinese or Spanish, from gettext catalogs (translations/,
`make translations`). The language is the signed-in user's setting (kept with the account, so it follows them to any
browser), else this browser's choice (a cookie set by the switch in the footer), else the browser's Accept-Language;
it is kept for the request in a ContextVar, which the templates' gettext, the Python-side labels (lazy_gettext) and
the number and date filters read, like app.http.display_currency keeps the display currency."""

from collections.abc import Mapping
from contextvars import ContextVar
from datetime import date, datetime
from decimal import Decimal
from functools import cache
from gettext import NullTranslations
from pathlib import Path

from babel import Locale
from babel.dates import format_date, format_skeleton
from babel.numbers import format_decimal
from babel.support import LazyProxy, Translations
from fastapi import Request
from starlette.types import ASGIApp, Receive, Scope, Send

from app.core.config import PROJECT_ROOT
from app.core.i18n import N_
from app.core.validators import COUNTRY_CODES, country_name

COOKIE = "tl_language"
DEFAULT = "en"
# Babel's identifier -> what <html lang> says (BCP 47), and the language's own name for the switch.
LOCALES: Mapping[str, str] = {"en": "en", "zh_Hans": "zh-Hans", "es": "es"}
NAMES: Mapping[str, str] = {"en": "English", "zh_Hans": "简体中文", "es": "Español"}
# The footer's switch: (locale, its tag, its name in itself).
CHOICES: tuple[tuple[str, str, str], ...] = tuple((locale, LOCALES[locale], NAMES[locale]) for locale in LOCALES)
TRANSLATIONS_DIR = Path(PROJECT_ROOT) / "translations"
DOMAIN = "messages"
# Chinese written in Traditional characters has no catalog: those tags are skipped, so the browser's next choice
# (often plain `zh`, or English) decides.
_TRADITIONAL = ("hant", "tw", "hk", "mo")


def _load(locale: str) -> NullTranslations:
    if locale == DEFAULT:
        return NullTranslations()  # the messages are English
    return Translations.load(str(TRANSLATIONS_DIR), [locale], DOMAIN)


# Loaded once, when the app is imported; read only after that.
CATALOGS: Mapping[str, NullTranslations] = {locale: _load(locale) for locale in LOCALES}

_BABEL_LOCALES: Mapping[str, Locale] = {locale: Locale.parse(locale) for locale in LOCALES}

# This request's locale (a key of LOCALES): set by `activate` when a page renders.
_LOCALE: ContextVar[str] = ContextVar("locale", default=DEFAULT)


def _supported(tag: str) -> str | None:
    """A language tag (`zh-CN`, `es-419`, `en_GB`) -> the locale that serves it, or None."""
    parts = tag.strip().lower().replace("_", "-").split("-")
    if parts[0] == "zh":
        traditional = "hans" not in parts and any(part in _TRADITIONAL for part in parts[1:])
        return None if traditional else "zh_Hans"
    return {"es": "es", "en": "en"}.get(parts[0])


def _quality(param: str) -> float:
    name, _, value = param.partition("=")
    if name.strip().lower() != "q":
        return 1.0
    try:
        return max(0.0, min(1.0, float(value)))
    except ValueError:
        return 0.0


def from_accept_language(header: str | None) -> str | None:
    """The supported locale the browser prefers most (quality values honoured, q=0 means not wanted), or None."""
    ranked: list[tuple[float, int, str]] = []
    for position, item in enumerate((header or "")[:500].split(",")):
        tag, *params = item.split(";")
        quality = min((_quality(param) for param in params), default=1.0)
        locale = _supported(tag)
        if locale is not None and quality > 0:
            ranked.append((-quality, position, locale))
    return min(ranked)[2] if ranked else None


def chosen_locale(request: Request) -> str | None:
    value = request.cookies.get(COOKIE, "")
    return value if value in LOCALES else None


def users_locale(request: Request) -> str | None:
    """The signed-in user's setting (app.http.page_deps leaves the page's user on request.state), if any."""
    language = getattr(getattr(request.state, "current_user", None), "language", None)
    return language if language in LOCALES else None


def request_locale(request: Request) -> str:
    """The signed-in user's setting, else this browser's choice (the cookie), else what the browser asks for, else
    English."""
    return (users_locale(request) or chosen_locale(request)
            or from_accept_language(request.headers.get("accept-language")) or DEFAULT)


def activate(request: Request) -> str:
    """Makes `request`'s locale the one this request's rendering uses."""
    locale = request_locale(request)
    _LOCALE.set(locale)
    return locale


class EnglishUntilActivated:
    """Every request starts in English (the API's language) until a page activates the viewer's: a request does
    not inherit the language of one that ran before it in the same context."""

    def __init__(self, app: ASGIApp) -> None:
        self.app = app

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        _LOCALE.set(DEFAULT)
        await self.app(scope, receive, send)


def current_locale() -> str:
    return _LOCALE.get()


def html_lang() -> str:
    return LOCALES[_LOCALE.get()]


def gettext(message: str) -> str:
    return CATALOGS[_LOCALE.get()].gettext(message)


def ngettext(singular: str, plural: str, n: int) -> str:
    return CATALOGS[_LOCALE.get()].ngettext(singular, plural, n)


def lazy_gettext(message: str) -> str:
    """For labels kept in module constants: translated each time it is shown (as a str), in the locale of then.
    `pybabel extract -k lazy_gettext` finds these."""
    proxy: str = LazyProxy(gettext, message, enable_cache=False)  # type: ignore[assignment]  # reads as a str
    return proxy


def format_number(value: Decimal | int | None) -> str:
    """A quantity or an amount with all its digits (no rounding): English `1,234.5`; Spanish `1234,5`, `12.345`."""
    if value is None:
        return ""
    locale = _LOCALE.get()
    if locale == DEFAULT:
        return f"{Decimal(value).normalize():,f}"
    return format_decimal(Decimal(value).normalize(), locale=locale, decimal_quantization=False)


def format_month(value: date | datetime | None) -> str:
    """A month and its year as the viewer's language writes them: December 2026, 2026年12月, diciembre de 2026."""
    if value is None:
        return ""
    return str(format_skeleton("yMMMM", value, locale="en" if _LOCALE.get() == DEFAULT else _LOCALE.get()))


def format_day(value: date | datetime | None) -> str:
    """A day: ISO 8601 in English (`2026-12-04`, as the pages always said), else the locale's medium form
    (`2026年12月4日`, `4 dic 2026`)."""
    if value is None:
        return ""
    day = value.date() if isinstance(value, datetime) else value
    locale = _LOCALE.get()
    return day.isoformat() if locale == DEFAULT else format_date(day, format="medium", locale=locale)



@cache
def _country_options(locale: str) -> tuple[tuple[str, str], ...]:
    with_names = ((code, _country_in(locale, code)) for code in COUNTRY_CODES)
    return tuple(sorted(with_names, key=lambda option: option[1].casefold()))


def country_options() -> tuple[tuple[str, str], ...]:
    """Every country as a select's options, (code, name), named and sorted in the viewer's language."""
    return _country_options(_LOCALE.get())


def _country_in(locale: str, code: str) -> str:
    if locale == DEFAULT:
        return country_name(code)
    return str(_BABEL_LOCALES[locale].territories.get(code.upper()) or country_name(code))


def country(code: str | None) -> str:
    """A country's name in the viewer's language (CN: China, 中国, China); unknown codes as they are."""
    return _country_in(_LOCALE.get(), code) if code else country_name(code)





# Enum values as the `label` filter shows them (units, statuses, business types: `pending_review` -> "pending
# review"), in the viewer's language; a value not here is shown as it is.
ENUM_WORDS = frozenset((
    # units of quantity (app.models.enums.Unit)
    N_("piece"), N_("set"), N_("pair"), N_("dozen"), N_("g"), N_("kg"), N_("metric ton"), N_("litre"),
    N_("cubic metre"), N_("metre"), N_("square metre"), N_("roll"), N_("bag"), N_("box"), N_("carton"),
    N_("pallet"), N_("barrel"), N_("container 20ft"), N_("container 40ft"),
    # statuses of listings, RFQs and quotes
    N_("draft"), N_("pending review"), N_("published"), N_("rejected"), N_("archived"), N_("unpublished"),
    N_("open"), N_("closed"), N_("awarded"), N_("expired"), N_("submitted"), N_("withdrawn"), N_("declined"),
    # lead reports
    N_("confirmed"), N_("dismissed"),
    # verifications: statuses and the steps of their history
    N_("pending"), N_("needs evidence"), N_("approved"), N_("requested"), N_("evidence added"), N_("resubmitted"),
    N_("evidence requested"),
    # business types
    N_("manufacturer"), N_("trading company"), N_("agent"), N_("distributor"), N_("wholesaler"), N_("retailer"),
    N_("service provider"), N_("other"),
    # billing: invoices, subscriptions, intervals, payment providers; organisations' roles
    N_("paid"), N_("void"), N_("pending payment"), N_("active"), N_("past due"), N_("canceled"), N_("month"),
    N_("year"), N_("manual"), N_("card gateway"), N_("supplier"), N_("buyer"), N_("both"),
    # keyword campaigns (promotion.campaigns.CampaignStatus; "active" is above)
    N_("paused"), N_("scheduled"), N_("ended"),
))


# Pydantic's refusals by their code, as the pages say them in the viewer's language (English pages keep pydantic's
# own words); %(name)s is a limit from the error's context.
FIELD_MESSAGES: Mapping[str, str] = {
    "missing": N_("Fill this in."),
    "string_too_short": N_("Use at least %(min_length)s characters."),
    "string_too_long": N_("Use at most %(max_length)s characters."),
    "too_long": N_("At most %(max_length)s entries."),
    "greater_than": N_("Enter a number greater than %(gt)s."),
    "greater_than_equal": N_("Enter a number of at least %(ge)s."),
    "less_than_equal": N_("Enter a number of at most %(le)s."),
    "decimal_parsing": N_("Enter a number."),
    "decimal_type": N_("Enter a number."),
    "float_parsing": N_("Enter a number."),
    "int_parsing": N_("Enter a whole number."),
    "decimal_max_places": N_("Use at most %(decimal_places)s decimal places."),
    "decimal_max_digits": N_("Use at most %(max_digits)s digits."),
    "decimal_whole_digits": N_("Use at most %(whole_digits)s digits before the decimal point."),
    "date_from_datetime_parsing": N_("Enter a date (YYYY-MM-DD)."),
    "date_parsing": N_("Enter a date (YYYY-MM-DD)."),
    "literal_error": N_("Choose one of the options."),
    "enum": N_("Choose one of the options."),
    "url_parsing": N_("Enter a web address, such as https://example.com."),
    "value_error": "",  # our validators' own sentences, translated as they are when the catalog has them
}


def field_message(code: str, message: str, context: Mapping[str, str]) -> str:
    """A field's refusal in the viewer's language: pydantic's by its code, ours by its sentence; as it was when
    there is no translation (or the page is English)."""
    if _LOCALE.get() == DEFAULT:
        return message
    template = FIELD_MESSAGES.get(code)
    if template:
        try:
            return gettext(template) % context
        except (KeyError, TypeError, ValueError):
            return message
    return gettext(message)


def lazy_field_message(code: str, message: str, context: Mapping[str, str]) -> str:
    """`field_message` as the page that shows it renders: a refusal is read before the page picks its language."""
    proxy: str = LazyProxy(field_message, code, message, context, enable_cache=False)  # type: ignore[assignment]
    return proxy


def enum_label(value: str | None) -> str:
    """An enum value for people: pending_review -> pending review (待审核, pendiente de revisión)."""
    text = str(value or "").replace("_", " ")
    return gettext(text) if text in ENUM_WORDS else text
