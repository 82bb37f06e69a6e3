"""The plain facts matching compares, read once from SQL rows: an RFQ, a listing and its supplier. Prices are in
USD (app.core.currency), codes are normalised part numbers (search.normalise)."""

from dataclasses import dataclass, field
from datetime import date
from functools import lru_cache

from app.core.currency import to_usd
from app.models import Listing, Organization, Rfq
from matching.words import product_words
from search.normalise import code_forms, words
from trust.verification import verified_today

MODEL_SPECS = ("model", "model number", "modelno", "part number", "mpn")
BRAND_SPECS = ("brand", "manufacturer", "make")


def text_codes(text: str) -> frozenset[str]:
    """The normalised part numbers of a text, line by line so that no code spans two lines."""
    return frozenset(code for line in text.splitlines() for code in code_forms(line))


def compact(text: str) -> str:
    return "".join(words(text))


def listing_text(listing: Listing) -> str:
    """What a listing says about its product: title, keywords and spec values, one per line."""
    return "\n".join([listing.title, *listing.keywords, *listing.specs.values()])


def trigrams(tokens: list[str]) -> frozenset[str]:
    """Character trigrams of the words joined by single spaces."""
    joined = " ".join(tokens)
    return frozenset(joined[index:index + 3] for index in range(len(joined) - 2))


@dataclass(frozen=True)
class RfqView:
    id: int
    organization_id: int
    title: str
    text: str
    hs_code: str | None
    quantity: float
    unit: str
    target_price_usd: float | None
    valid_until: date
    destination: str | None
    certifications: tuple[str, ...]
    required: frozenset[str]
    codes: frozenset[str] = field(init=False)
    words: frozenset[str] = field(init=False)
    compact_text: str = field(init=False)
    """The whole text without spaces or punctuation, for names written with or without them."""
    title_words: frozenset[str] = field(init=False)
    title_grams: frozenset[str] = field(init=False)
    product_words: frozenset[str] = field(init=False)
    """The title's product words (matching/words.py), for the relevance floor."""
    text_product_words: frozenset[str] = field(init=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "codes", text_codes(self.text))
        text_words = words(self.text)
        object.__setattr__(self, "words", frozenset(text_words))
        object.__setattr__(self, "compact_text", "".join(text_words))
        tokens = words(self.title)
        object.__setattr__(self, "title_words", frozenset(tokens))
        object.__setattr__(self, "title_grams", trigrams(tokens))
        object.__setattr__(self, "product_words", product_words(self.title))
        object.__setattr__(self, "text_product_words", product_words(self.text))


@dataclass(frozen=True)
class ListingView:
    id: int
    organization_id: int
    title: str
    brand: str | None
    model: str | None
    hs_code: str | None
    price_min_usd: float | None
    price_max_usd: float | None
    moq: float
    moq_unit: str
    lead_time_days: int | None
    certifications: tuple[str, ...]
    codes: frozenset[str]
    title_words: frozenset[str] = frozenset()
    title_grams: frozenset[str] = frozenset()
    product_words: frozenset[str] = frozenset()
    """The product words of its title, keywords and specification values."""
    title_product_words: frozenset[str] = frozenset()
    compact_text: str = ""
    """Its title, keywords and specification values without spaces or punctuation."""


@dataclass(frozen=True)
class SupplierView:
    id: int
    export_markets: frozenset[str]
    certifications: tuple[str, ...]
    verified: bool
    boost: float = 0.0
    response_rate: float | None = None
    response_hours: float | None = None


def _spec(specs: dict[str, str], names: tuple[str, ...]) -> str | None:
    lowered = {key.strip().casefold(): value for key, value in specs.items() if value and value.strip()}
    return next((lowered[name].strip() for name in names if name in lowered), None)


def rfq_view(rfq: Rfq) -> RfqView:
    return RfqView(
        id=rfq.id, organization_id=rfq.organization_id, title=rfq.title,
        text=f"{rfq.title}\n{rfq.description}", hs_code=rfq.hs_code, quantity=float(rfq.quantity),
        unit=rfq.unit.value, target_price_usd=to_usd(rfq.target_unit_price, rfq.currency),
        valid_until=rfq.valid_until, destination=rfq.destination_country,
        certifications=tuple(rfq.required_certifications),
        required=frozenset(rfq.required_constraints or ()),
    )


@dataclass(frozen=True)
class _TextFeatures:
    codes: frozenset[str]
    title_words: frozenset[str]
    title_grams: frozenset[str]
    product_words: frozenset[str]
    title_product_words: frozenset[str]
    compact_text: str


@lru_cache(maxsize=8192)
def _text_features(title: str, described: tuple[str, ...]) -> _TextFeatures:
    """What matching reads from a listing's words, which depends on nothing else: kept for the texts seen lately,
    as every match page builds views of a hundred candidates and the tokenising is most of that time."""
    tokens = words(title)
    text = "\n".join([title, *described])
    title_products = product_words(title)
    return _TextFeatures(codes=text_codes(text), title_words=frozenset(tokens), title_grams=trigrams(tokens),
                         product_words=title_products | product_words("\n".join(described)),
                         title_product_words=title_products, compact_text=compact(text))


def listing_view(listing: Listing) -> ListingView:
    specs = dict(listing.specs)
    text = _text_features(listing.title, (*listing.keywords, *listing.specs.values()))
    return ListingView(
        id=listing.id, organization_id=listing.organization_id, title=listing.title,
        brand=_spec(specs, BRAND_SPECS), model=_spec(specs, MODEL_SPECS), hs_code=listing.hs_code,
        price_min_usd=to_usd(listing.price_min if listing.price_min is not None else listing.price_max,
                             listing.currency),
        price_max_usd=to_usd(listing.price_max if listing.price_max is not None else listing.price_min,
                             listing.currency),
        moq=float(listing.moq), moq_unit=listing.moq_unit.value, lead_time_days=listing.lead_time_days,
        certifications=tuple(listing.certifications), codes=text.codes, title_words=text.title_words,
        title_grams=text.title_grams, product_words=text.product_words,
        title_product_words=text.title_product_words, compact_text=text.compact_text,
    )


def supplier_view(organization: Organization, boost: float = 0.0, response_rate: float | None = None,
                  response_hours: float | None = None) -> SupplierView:
    return SupplierView(
        id=organization.id, export_markets=frozenset(code.upper() for code in organization.export_markets),
        certifications=tuple(organization.certifications), verified=verified_today(organization.verified_until),
        boost=boost, response_rate=response_rate, response_hours=response_hours,
    )
