"""Text normalisation shared by both engines at index and at query time, so that both see the same words and
part numbers: `DSC-W120P`, `dscw120p` and `dsc w120p` all yield the code form `dscw120p`."""

import re
import unicodedata

_WORD = re.compile(r"[^\W_]+")
MIN_CODE_LENGTH = 3


def fold(text: str) -> str:
    """Lower case without diacritics: `Crème Brûlée` -> `creme brulee`."""
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def words(text: str) -> list[str]:
    """The words a unicode61 tokenizer sees, folded."""
    return _WORD.findall(fold(text))


def _compact(chunk: str) -> str:
    return "".join(_WORD.findall(chunk))


def _is_code(form: str) -> bool:
    has_digit = any(ch.isdigit() for ch in form)
    has_letter = any(ch.isalpha() for ch in form)
    return len(form) >= MIN_CODE_LENGTH and has_digit and has_letter


def code_forms(text: str) -> list[str]:
    """Part numbers, model codes and quantities with units, punctuation and spaces removed.

    Each whitespace-separated chunk is compacted (`DSC-W120P` -> `dscw120p`); two neighbouring chunks are also
    joined when one of them holds a digit (`dsc w120p` -> `dscw120p`, `500 ml` -> `500ml`)."""
    chunks = [_compact(chunk) for chunk in fold(text).split()]
    forms: list[str] = []
    for index, chunk in enumerate(chunks):
        candidates = [chunk]
        if index + 1 < len(chunks):
            candidates.append(chunk + chunks[index + 1])
        forms.extend(form for form in candidates if _is_code(form) and form not in forms)
    return forms
