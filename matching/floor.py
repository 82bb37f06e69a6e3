"""The relevance floor: whether a candidate listing is the product the RFQ asks for at all. Below it a listing is
not a match, however well it does on price, MOQ or trust, so the matches page, the leads feed and the alerts list
only listings above it (and say "no further suppliers match" instead of filling up with other products).

A listing is the product asked for when one of these holds:
- it names the model the request names, or shares a part number with it (not a quantity such as "25kg");
- both sides give an HS code and they share the heading (the first four digits: the same kind of product);
- its words cover at least half of the product words of the request's title, or the request's words cover at least
  half of those of the listing's title (FLOOR_COVER; product words: matching/words.py), whichever is more; a word
  is found on the other side as a word, or run together with others when it is long enough ("printshop" in
  "print shop"); the listing's side is its title, keywords and specification values; three quarters when both sides
  give an HS code and the headings differ (FLOOR_COVER_OTHER_HEADING): HS codes are often chosen loosely, so words
  that cover the request still make it the product, but one shared word of two ("ball" of "ball valves" in "ball
  bearings") does not."""

from dataclasses import dataclass

from matching.views import ListingView, RfqView, compact
from matching.words import is_quantity

FLOOR_COVER = 0.5
"""Share of the request title's product words a listing must contain, without a model or HS heading in common."""
FLOOR_COVER_OTHER_HEADING = 0.75
"""The same when both give an HS code and the headings differ."""


@dataclass(frozen=True)
class Fit:
    """How a listing answers the product side of a request: the request's product words it contains."""

    shared: tuple[str, ...]
    """The request's product words the listing has, or those of the listing's title in the request, whichever
    cover more."""
    cover: float
    model: bool
    hs_heading: bool
    other_heading: bool

    @property
    def matches(self) -> bool:
        needed = FLOOR_COVER_OTHER_HEADING if self.other_heading else FLOOR_COVER
        return self.model or self.hs_heading or self.cover >= needed


MIN_MODEL_IN_TEXT = 4
"""A model found inside the request's run-together text must be this long (a short one meets by chance)."""


def same_model(rfq: RfqView, listing: ListingView) -> bool:
    """The listing's model is named in the request (as a part number or inside its text), or they share a part
    number that is not a quantity."""
    model = compact(listing.model or "")
    if model and (model in rfq.codes or (len(model) >= MIN_MODEL_IN_TEXT and model in rfq.compact_text)):
        return True
    return any(not is_quantity(code) for code in listing.codes & rfq.codes)


MIN_RUN_TOGETHER = 5
"""A word found inside the other side's run-together text must be this long ("printshop" in "print shop")."""


def _found(wanted: frozenset[str], words: frozenset[str], run_together: str) -> tuple[str, ...]:
    return tuple(sorted(word for word in wanted
                        if word in words or (len(word) >= MIN_RUN_TOGETHER and word in run_together)))


def fit(rfq: RfqView, listing: ListingView) -> Fit:
    wanted = rfq.product_words or rfq.text_product_words
    asked = _found(wanted, listing.product_words, listing.compact_text)
    offered = _found(listing.title_product_words, rfq.text_product_words, rfq.compact_text)
    covers = [(len(asked) / len(wanted) if wanted else 0.0, asked),
              (len(offered) / len(listing.title_product_words) if listing.title_product_words else 0.0, offered)]
    cover, shared = max(covers)
    wanted_hs, offered_hs = rfq.hs_code or "", listing.hs_code or ""
    both = bool(wanted_hs and offered_hs)
    same_heading = both and wanted_hs[:4] == offered_hs[:4]
    return Fit(shared, cover, same_model(rfq, listing), same_heading, both and not same_heading)
