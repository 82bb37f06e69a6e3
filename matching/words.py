"""Product words: what a title or a listing says about the product itself, for the relevance floor
(matching/floor.py) and the explanation of the text factor. The words of search.normalise, lower case, without a
plural "s", less small words ("for", "in"), units ("kg", "pcs") and bare numbers (a shared "25" says nothing about
the product)."""

import re

from search.normalise import words

MIN_WORD_LENGTH = 2
_STOPWORDS = """
a an and are as at be by for from in into is it its of on or per the to via with without new our we you your
need needed needs want wanted looking buy buying purchase quote quotation rfq request supplier suppliers
"""
_UNITS = """
pc pcs piece pieces unit units set sets pair pairs kg kgs g gr gram grams mg t ton tons tonne tonnes mt lb lbs oz
gsm mm cm m km in inch inches ft ml l litre litres liter liters gal gallon w kw mw v kv a ah mah hz khz
x container containers ctn carton cartons bag bags box boxes drum drums pallet pallets lot lots
"""
STOPWORDS = frozenset(_STOPWORDS.split())
UNITS = frozenset(_UNITS.split())
_LEFT_OUT = STOPWORDS | UNITS


def _singular(word: str) -> str:
    if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
        return word[:-1]
    return word


def product_words(text: str) -> frozenset[str]:
    """The words of `text` that name or describe a product (see the module's doc)."""
    found = frozenset(_singular(word) for word in words(text)
                      if len(word) >= MIN_WORD_LENGTH and word not in _LEFT_OUT and not word.isdigit())
    return found - UNITS


_QUANTITY = re.compile(r"\d+([a-z]+)|([a-z]+)\d+")


def is_quantity(code: str) -> bool:
    """A part-number form that is a number with a unit or a small word (`25kg`, `180gsm`, `in25` of "in 25 kg"):
    it says how much, not which product."""
    found = _QUANTITY.fullmatch(code)
    return found is not None and (found.group(1) or found.group(2)) in UNITS | STOPWORDS
