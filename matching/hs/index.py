"""BM25 over the HS nomenclature: each subheading is a document made of its own description, its heading's and
its chapter's (weighted lower), and the trade words of the keyword table (matching/hs/keywords.json) that
point at it. Built once per process from the table shipped with the package; never changes while running."""

import json
import math
from collections import Counter, defaultdict
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from matching.hs.table import UNCLASSIFIED_SECTION, HsRow, read_hs_rows
from search.normalise import words

KEYWORDS_FILE = Path(__file__).parent / "keywords.json"
HEADING_WEIGHT, CHAPTER_WEIGHT, KEYWORD_WEIGHT = 0.6, 0.25, 3.0
K1, B = 1.2, 0.75
STOP = frozenset({"of", "and", "or", "the", "a", "an", "for", "with", "in", "other", "than", "not", "nec", "n",
                  "e", "c", "item", "no", "whether", "excluding", "including", "its", "their", "such", "as", "by",
                  "to", "on", "but", "kind", "kinds", "used", "parts", "thereof"})


def terms(text: str) -> list[str]:
    """Folded words without stop words, plurals reduced (`shirts` -> `shirt`); hyphenated words also joined
    (`t-shirt` -> `tshirt`)."""
    found = []
    joined = ["".join(words(chunk)) for chunk in text.split() if "-" in chunk]
    for word in [*words(text), *joined]:
        if word in STOP or len(word) < 2:
            continue
        if len(word) > 3 and word.endswith("s") and not word.endswith("ss"):
            word = word[:-3] + "y" if word.endswith("ies") else word[:-1]
        found.append(word)
    return found


@dataclass(frozen=True)
class HsIndex:
    descriptions: dict[str, str]
    postings: dict[str, dict[str, float]]
    """term -> subheading -> weighted term frequency"""
    lengths: dict[str, float]
    average_length: float

    def scores(self, query: str) -> dict[str, float]:
        total = len(self.lengths)
        found: dict[str, float] = defaultdict(float)
        for term in set(terms(query)):
            postings = self.postings.get(term, {})
            idf = math.log(1 + (total - len(postings) + 0.5) / (len(postings) + 0.5))
            for code, frequency in postings.items():
                norm = K1 * (1 - B + B * self.lengths[code] / self.average_length)
                found[code] += idf * frequency * (K1 + 1) / (frequency + norm)
        return found


def _keywords() -> dict[str, list[str]]:
    table: dict[str, list[str]] = json.loads(KEYWORDS_FILE.read_text(encoding="utf-8"))
    return table


def _document(row: HsRow, parents: dict[str, str], keywords: list[str]) -> Counter[str]:
    counts: Counter[str] = Counter()
    for text, weight in ((row["description"], 1.0), (parents.get(row["heading"] or "", ""), HEADING_WEIGHT),
                         (parents.get(row["chapter"], ""), CHAPTER_WEIGHT), (" ".join(keywords), KEYWORD_WEIGHT)):
        for term in terms(text):
            counts[term] += weight  # type: ignore[assignment]
    return counts


@lru_cache(maxsize=1)
def hs_index() -> HsIndex:
    rows = [row for row in read_hs_rows() if row["section"] != UNCLASSIFIED_SECTION]
    parents = {row["code"]: row["description"] for row in rows if row["level"] < 6}
    by_code: dict[str, list[str]] = defaultdict(list)
    for phrase, codes in _keywords().items():
        for code in codes:
            by_code[code].append(phrase)
    postings: dict[str, dict[str, float]] = defaultdict(dict)
    lengths: dict[str, float] = {}
    for row in rows:
        if row["level"] != 6:
            continue
        document = _document(row, parents, by_code.get(row["code"], []))
        lengths[row["code"]] = sum(document.values())
        for term, frequency in document.items():
            postings[term][row["code"]] = frequency
    average = sum(lengths.values()) / max(len(lengths), 1)
    descriptions = {row["code"]: row["description"] for row in rows}
    return HsIndex(descriptions, dict(postings), lengths, average)
