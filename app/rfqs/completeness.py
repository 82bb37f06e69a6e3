"""How complete an RFQ is: the facts suppliers need to quote well, what each adds to a 0-100 score, and which
are missing. Shown to the buyer while writing and to suppliers on the RFQ."""

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from decimal import Decimal, InvalidOperation
from typing import Protocol, TypeVar

from app.core.i18n import N_
from app.models.enums import Incoterm, Unit

# A description this long usually says grade, specification and packing; shorter ones rarely do.
DETAILED_DESCRIPTION_CHARS = 120


class RfqFacts(Protocol):
    """What the score reads: a stored RFQ, its API shape, or a form being filled in."""

    @property
    def description(self) -> str: ...
    @property
    def hs_code(self) -> str | None: ...
    @property
    def quantity(self) -> Decimal | None: ...
    @property
    def unit(self) -> Unit | None: ...
    @property
    def target_unit_price(self) -> Decimal | None: ...
    @property
    def incoterm(self) -> Incoterm | None: ...
    @property
    def destination_country(self) -> str | None: ...
    @property
    def required_certifications(self) -> list[str]: ...


@dataclass(frozen=True)
class Criterion:
    field: str
    label: str
    points: int
    met: Callable[[RfqFacts], bool]


CRITERIA = (
    Criterion("hs_code", N_("HS code"), 20, lambda rfq: bool(rfq.hs_code)),
    Criterion("quantity", N_("Quantity and unit"), 15, lambda rfq: rfq.quantity is not None and rfq.unit is not None),
    Criterion("target_unit_price", N_("Target price"), 15, lambda rfq: rfq.target_unit_price is not None),
    Criterion("incoterm", N_("Incoterm"), 10, lambda rfq: rfq.incoterm is not None),
    Criterion("destination_country", N_("Destination"), 15, lambda rfq: bool(rfq.destination_country)),
    Criterion("required_certifications", N_("Certifications"), 10, lambda rfq: bool(rfq.required_certifications)),
    Criterion("description", N_("Specifications in the description (at least 120 characters)"), 15,
              lambda rfq: len((rfq.description or "").strip()) >= DETAILED_DESCRIPTION_CHARS),
)
assert sum(criterion.points for criterion in CRITERIA) == 100


@dataclass(frozen=True)
class MissingFact:
    field: str
    label: str
    points: int


@dataclass(frozen=True)
class Completeness:
    score: int
    missing: list[MissingFact]


def completeness(rfq: RfqFacts) -> Completeness:
    missing = [MissingFact(c.field, c.label, c.points) for c in CRITERIA if not c.met(rfq)]
    return Completeness(100 - sum(fact.points for fact in missing), missing)


@dataclass(frozen=True)
class FormFacts:
    """An RFQ form as it is being filled in: what can be read of each field, nothing refused (the form's own
    submission validates)."""

    description: str = ""
    hs_code: str | None = None
    quantity: Decimal | None = None
    unit: Unit | None = None
    target_unit_price: Decimal | None = None
    incoterm: Incoterm | None = None
    destination_country: str | None = None
    required_certifications: list[str] = field(default_factory=list)

    @classmethod
    def read(cls, values: Mapping[str, str]) -> "FormFacts":
        def text(name: str) -> str | None:
            return values.get(name, "").strip() or None

        return cls(description=values.get("description", ""), hs_code=text("hs_code"),
                   quantity=_positive(text("quantity")), unit=_member(Unit, text("unit")),
                   target_unit_price=_positive(text("target_unit_price")),
                   incoterm=_member(Incoterm, text("incoterm")), destination_country=text("destination_country"),
                   required_certifications=[part for part in (values.get("required_certifications") or "").split(",")
                                            if part.strip()])


E = TypeVar("E", Unit, Incoterm)


def _member(enum: type[E], value: str | None) -> E | None:
    try:
        return enum(value) if value else None
    except ValueError:
        return None


def _positive(value: str | None) -> Decimal | None:
    try:
        number = Decimal(value.replace(",", "")) if value else None
    except InvalidOperation:
        return None
    return number if number is not None and number.is_finite() and number > 0 else None
