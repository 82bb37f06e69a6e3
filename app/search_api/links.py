"""Links of the search page: add a facet value, remove a filter chip, go to the next page."""

from dataclasses import dataclass, field
from decimal import Decimal
from urllib.parse import urlencode

from app.hs.query import display_code, short_description
from app.http.locale import country, format_number, gettext, lazy_gettext
from search.spec import SPECS
from search.types import DocType

NOT_FILTERS = frozenset({"q", "type", "sort", "per_page", "cursor", "currency"})
PRICE_FACETS = frozenset({"price_usd", "target_price_usd"})
# In the viewer's language when shown (lazy_gettext: translated at render time, not at import).
LABELS = {"hs_chapter": lazy_gettext("HS chapter"), "hs_heading": lazy_gettext("HS heading"),
          "hs_subheading": lazy_gettext("HS subheading"), "origin_country": lazy_gettext("Origin"),
          "supplier_country": lazy_gettext("Supplier country"), "price_min": lazy_gettext("Price from"),
          "price_max": lazy_gettext("Price up to"), "moq_max": lazy_gettext("MOQ at most"),
          "lead_time_max": lazy_gettext("Lead time at most (days)"),
          "one_per_supplier": lazy_gettext("One per supplier"), "hs_chapters": lazy_gettext("HS chapter"),
          "lead_time_days": lazy_gettext("Lead time"), "price_usd": lazy_gettext("Price (USD)"),
          "target_price_usd": lazy_gettext("Target price (USD)"), "country": lazy_gettext("Country"),
          "destination_country": lazy_gettext("Destination"), "buyer_country": lazy_gettext("Buyer's country"),
          "required_certifications": lazy_gettext("Certifications required"),
          "business_type": lazy_gettext("Business type"), "export_markets": lazy_gettext("Exports to"),
          "tier": lazy_gettext("Membership plan"), "verified": lazy_gettext("Verification"),
          "certifications": lazy_gettext("Certifications"), "unit": lazy_gettext("Unit")}
HS_FACETS = frozenset({"hs_chapter", "hs_heading", "hs_subheading", "hs_chapters"})
COUNTRY_FACETS = frozenset({"origin_country", "supplier_country", "country", "destination_country",
                            "buyer_country", "export_markets"})
FLAG_VALUES = {"true": lazy_gettext("Verified suppliers"), "false": lazy_gettext("Not verified")}
BUSINESS_TYPES = {"manufacturer": lazy_gettext("Manufacturer"), "trading_company": lazy_gettext("Trading company"),
                  "agent": lazy_gettext("Agent"), "distributor": lazy_gettext("Distributor"),
                  "wholesaler": lazy_gettext("Wholesaler"), "retailer": lazy_gettext("Retailer"),
                  "service_provider": lazy_gettext("Service provider"), "other": lazy_gettext("Other")}
# Each kind of result has its own address: the supplier directory and the buying-leads board are searches too.
ADDRESSES = {DocType.LISTINGS: "/search", DocType.SUPPLIERS: "/suppliers", DocType.RFQS: "/rfqs"}
GENERIC_ADDRESS = "/search"


@dataclass(frozen=True)
class Chip:
    label: str
    remove_url: str


def label(name: str) -> str:
    return LABELS.get(name, name.replace("_", " ").capitalize())


def _number(text: str) -> str:
    return format_number(Decimal(text))


def _range_label(facet: str, value: str) -> str:
    """A range bucket "low-high" ("*" open) in words: "Under USD 10", "USD 10 - 100", "30 days or more"."""
    low, high = (part if part == "*" else _number(part) for part in value.partition("-")[::2])
    if facet in PRICE_FACETS:
        if low == "*":
            return gettext("Under USD %(amount)s") % {"amount": high}
        if high == "*":
            return gettext("USD %(amount)s or more") % {"amount": low}
        return gettext("USD %(low)s \u2013 %(high)s") % {"low": low, "high": high}
    if low == "*":
        return gettext("Under %(num)s days") % {"num": high}
    if high == "*":
        return gettext("%(num)s days or more") % {"num": low}
    return gettext("%(low)s \u2013 %(high)s days") % {"low": low, "high": high}


@dataclass
class QueryLinks:
    pairs: list[tuple[str, str]]
    doc_type: DocType
    hs_descriptions: dict[str, str] = field(default_factory=dict)

    @staticmethod
    def label(name: str) -> str:
        return label(name)

    def value_label(self, facet: str, value: str) -> str:
        """A facet value or filter as people read it: HS codes with what they are, countries by name."""
        if facet in HS_FACETS:
            description = self.hs_descriptions.get(value)
            code = display_code(value)
            return f"{code} \u00b7 {short_description(description)}" if description else code
        if facet in COUNTRY_FACETS:
            return country(value)
        if facet in PRICE_FACETS or facet == "lead_time_days":
            return _range_label(facet, value) if "-" in value else value
        if facet == "verified":
            return FLAG_VALUES.get(value, value)
        if facet == "business_type":
            return BUSINESS_TYPES.get(value) or value.replace("_", " ").capitalize()
        return value

    def value_title(self, facet: str, value: str) -> str:
        """The whole text where the label is shortened (an HS code's full description)."""
        return self.hs_descriptions.get(value, "") if facet in HS_FACETS else ""

    def hs_codes(self, facets: dict[str, dict[str, int]] | None = None) -> set[str]:
        """The HS codes the page shows: in its filters and in the facets' buckets."""
        codes = {v for k, v in self.pairs if k in HS_FACETS}
        for name, buckets in (facets or {}).items():
            if name in HS_FACETS:
                codes |= set(buckets)
        return codes

    @property
    def path(self) -> str:
        return ADDRESSES[self.doc_type]

    def _url(self, pairs: list[tuple[str, str]], cursor: bool = False) -> str:
        """This kind's own address: `type` is said by the path except on the generic search."""
        kept = [(k, v) for k, v in pairs if (cursor or k != "cursor") and (k != "type" or self.path == GENERIC_ADDRESS)]
        return f"{self.path}?{urlencode(kept)}" if kept else self.path

    def _without(self, *names: str) -> list[tuple[str, str]]:
        return [(k, v) for k, v in self.pairs if k not in names and k != "cursor"]

    def chips(self) -> list[Chip]:
        return [Chip(f"{label(k)}: {self.value_label(k, v)}", self._url([p for p in self.pairs if p != (k, v)]))
                for k, v in self.pairs if k not in NOT_FILTERS and v]

    def is_active(self, facet: str, value: str) -> bool:
        return (facet, value) in self.pairs

    def facet_url(self, facet: str, value: str) -> str:
        """A keyword value is added to the filters; a range bucket replaces the range filter."""
        if facet in PRICE_FACETS:
            low, _, high = value.partition("-")
            bounds = [("price_min", low), ("price_max", high), ("currency", "USD")]
            return self._url(self._without("price_min", "price_max", "currency")
                             + [(k, v) for k, v in bounds if v != "*"])
        if facet == "lead_time_days":
            high = value.partition("-")[2]
            return self._url(self._without("lead_time_max") + ([("lead_time_max", high)] if high != "*" else []))
        return self._url([*self._without(), (facet, value)])

    def type_url(self, doc_type: str) -> str:
        other = QueryLinks([("type", doc_type), *[(k, v) for k, v in self.pairs if k == "q"]], DocType(doc_type))
        return other._url(other.pairs)

    def query_url(self, q: str) -> str:
        """A new search of this kind for `q`, without the filters (the empty page's suggestions)."""
        return self._url([("type", self.doc_type.value), ("q", q)])

    def next_url(self, cursor: str) -> str:
        return self._url([*self._without(), ("cursor", cursor)], cursor=True)

    def first_url(self) -> str:
        return self._url(self._without())

    def clear_url(self) -> str:
        return self._url([(k, v) for k, v in self.pairs if k in ("q", "type")])

    @property
    def has_cursor(self) -> bool:
        return any(k == "cursor" for k, _ in self.pairs)

    @property
    def facet_names(self) -> tuple[str, ...]:
        spec = SPECS[self.doc_type]
        return (*spec.facet_fields, *spec.range_facets)
