"""What a refused page says, in the viewer's language. The API keeps each error's English `detail`; a page shows it
translated: a plan limit's refusal rebuilt from the policy's rule (its label, the limit, the plan that lifts it), any
other refusal by its sentence when the catalog has it (services' literal messages are extracted: see the Makefile's
`translations`), else as it was."""

from typing import Any

from babel.support import LazyProxy

from app.core.errors import AppError
from app.core.i18n import N_
from app.http import locale
from membership.policy import RULES, Action, in_sentence

NOT_INCLUDED = N_("Your plan does not include %(what)s")
ALLOWS = N_("Your plan allows %(limit)s %(what)s")
UPGRADE = N_("%(refusal)s; upgrade to %(plan)s to continue")


def _entitlement(error: AppError) -> str | None:
    extra: dict[str, Any] = error.extra
    try:
        rule = RULES[Action(str(extra.get("action")))]
    except ValueError:
        return None
    limit = extra.get("limit")
    if rule.feature or limit == 0:
        said = locale.gettext(NOT_INCLUDED) % {"what": in_sentence(locale.gettext(rule.label))}
    else:
        what = rule.singular if limit == 1 and rule.singular else in_sentence(rule.label)
        said = locale.gettext(ALLOWS) % {"limit": limit, "what": locale.gettext(what)}
    plan = extra.get("upgrade_to")
    return locale.gettext(UPGRADE) % {"refusal": said, "plan": str(plan).title()} if plan else said


def refusal(error: AppError) -> str:
    if locale.current_locale() == locale.DEFAULT:
        return error.detail
    if error.code == "entitlement_denied":
        return _entitlement(error) or error.detail
    return locale.gettext(error.detail)


def lazy_refusal(error: AppError) -> str:
    """`refusal` as the page that shows it renders: a refusal is caught before the page picks its language."""
    proxy: str = LazyProxy(refusal, error, enable_cache=False)  # type: ignore[assignment]
    return proxy
