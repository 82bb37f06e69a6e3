"""State machines of listings and RFQs: which status may follow which, checked in one place."""

from collections.abc import Mapping
from enum import StrEnum
from typing import Protocol, TypeVar

from app.core.errors import conflict

S = TypeVar("S", bound=StrEnum)


class HasStatus(Protocol[S]):
    status: S


def with_article(noun: str) -> str:
    """A listing, An RFQ: an acronym is read letter by letter, so F, H, L, M, N, R, S and X start a vowel sound."""
    vowel_sounds = "AEFHILMNORSX" if noun.isupper() else "aeiouAEIOU"
    return f"{'An' if noun[:1] in vowel_sounds else 'A'} {noun}"


def move(entity: HasStatus[S], target: S, transitions: Mapping[S, frozenset[S]], what: str) -> None:
    """Sets `entity.status = target` when the table allows it; otherwise a 409 naming both statuses."""
    if target not in transitions.get(entity.status, frozenset()):
        raise conflict(f"{with_article(what)} that is {entity.status.value} cannot become {target.value}",
                       code="invalid_status_transition")
    entity.status = target
