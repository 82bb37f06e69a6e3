"""`eval hs`: top-1 and top-3 accuracy of the text HS suggester on a labelled file of {"text", "hs_code"} lines.
Similar listings are left out on purpose: the labelled set includes the demo catalogue, whose own codes would
otherwise vote for themselves."""

from dataclasses import dataclass
from pathlib import Path

from matching.hs.suggest import suggest_from_text
from search.evaluation.dataset import DatasetError, jsonl_records


@dataclass(frozen=True)
class HsAccuracy:
    examples: int
    top1: float
    top3: float

    def as_json(self) -> dict[str, float | int]:
        return {"top1": round(self.top1, 4), "top3": round(self.top3, 4), "examples": self.examples}


def read_labelled(path: Path) -> list[tuple[str, str]]:
    examples = []
    for number, record in jsonl_records(path):
        if not record.get("text") or not record.get("hs_code"):
            raise DatasetError(f"{path}:{number}: a labelled example needs text and hs_code")
        examples.append((str(record["text"]), str(record["hs_code"])))
    return examples


def measure(examples: list[tuple[str, str]]) -> HsAccuracy:
    top1 = top3 = 0
    for text, code in examples:
        codes = [suggestion.code for suggestion in suggest_from_text(text, 3)]
        top1 += codes[:1] == [code]
        top3 += code in codes
    count = len(examples)
    return HsAccuracy(count, top1 / count if count else 0.0, top3 / count if count else 0.0)
