"""An alert for one organisation: what it is told in the app and by e-mail, and what its webhooks receive."""

from dataclasses import dataclass, field
from typing import Any

from app.models.enums import NotificationKind
from app.notifications.service import Message
from matching.explain import explain
from matching.types import FactorExplanation


@dataclass(frozen=True)
class Alert:
    organization_id: int
    event_key: str
    """The event, the same for every organisation told of it: "<kind>:<subject>:<id>"."""
    message: Message
    data: dict[str, Any] = field(default_factory=dict)
    """The webhook payload's `data`."""

    @property
    def kind(self) -> NotificationKind:
        return self.message.kind


def event_key(kind: NotificationKind, subject: str, subject_id: int) -> str:
    return f"{kind.value}:{subject}:{subject_id}"


def factor_lines(factors: list[FactorExplanation]) -> str:
    """The explanation as the matches page words it: each reason with its share of the match, then what is
    missing or counts against it; factors that add nothing or do not apply are left out."""
    found = explain(factors)
    lines = [f"- {reason.text} ({reason.share:.0%} of the match)" for reason in found.reasons]
    if found.against:
        lines += ["Missing or against it:", *(f"- {text}" for text in found.against)]
    return "\n".join(lines)


def factor_data(factors: list[FactorExplanation]) -> list[dict[str, Any]]:
    return [{"factor": f.factor, "contribution": round(f.contribution, 4), "text": f.text} for f in factors]
