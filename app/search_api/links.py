"""Links of the search page: add a facet value, remove a filter chip, go to the next page."""

from dataclasses import dataclass
from urllib.parse import urlencode

from search.spec import SPECS
from search.types import DocType

NOT_FILTERS = frozenset({"q", "type", "sort", "per_page", "cursor", "currency"})
PRICE_FACETS = frozenset({"price_usd", "target_price_usd"})
LABELS = {"hs_chapter": "HS chapter", "hs_heading": "HS heading", "hs_subheading": "HS subheading",
          "origin_country": "Origin", "supplier_country": "Supplier country", "price_min": "Price from",
          "price_max": "Price up to", "moq_max": "MOQ at most", "lead_time_max": "Lead time at most (days)",
          "one_per_supplier": "One per supplier", "hs_chapters": "HS chapter", "lead_time_days": "Lead time",
          "price_usd": "Price (USD)", "target_price_usd": "Target price (USD)"}


@dataclass(frozen=True)
class Chip:
    label: str
    remove_url: str


def label(name: str) -> str:
    return LABELS.get(name, name.replace("_", " ").capitalize())


@dataclass
class QueryLinks:
    pairs: list[tuple[str, str]]
    doc_type: DocType

    def _url(self, pairs: list[tuple[str, str]]) -> str:
        return "/search?" + urlencode([(k, v) for k, v in pairs if k != "cursor"])

    def _without(self, *names: str) -> list[tuple[str, str]]:
        return [(k, v) for k, v in self.pairs if k not in names and k != "cursor"]

    def chips(self) -> list[Chip]:
        return [Chip(f"{label(k)}: {v}", self._url([p for p in self.pairs if p != (k, v)]))
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
        return self._url([("type", doc_type), *[(k, v) for k, v in self.pairs if k == "q"]])

    def next_url(self, cursor: str) -> str:
        return "/search?" + urlencode([*self._without(), ("cursor", cursor)])

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
