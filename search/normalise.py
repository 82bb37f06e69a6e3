"""Text normalisation shared by both engines at index and at query time, so that both see the same words and
part numbers: `DSC-W120P`, `dscw120p` and `dsc w120p` all yield the code form `dscw120p`."""

import re
import unicodedata

_WORD = re.compile(r"[^\W_]+")
_DIGIT = re.compile(r"\d")
MIN_CODE_LENGTH = 3


def fold(text: str) -> str:
    """Lower case without diacritics: `Crème Brûlée` -> `creme brulee`."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch)).casefold()


def words(text: str) -> list[str]:
    """The words a unicode61 tokenizer sees, folded."""
    return _WORD.findall(fold(text))


# Han, kana and hangul: scripts written without spaces between words.
_UNSPACED = r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff\uac00-\ud7af]"
_UNSPACED_CHARACTER = re.compile(_UNSPACED)
_UNSPACED_RUN = re.compile(_UNSPACED + "{3,}")


def has_unspaced_script(text: str) -> bool:
    return _UNSPACED_CHARACTER.search(text) is not None


def _bigrams(run: str) -> str:
    return " ".join(run[start:start + 2] for start in range(len(run) - 1))


def segmented(text: str) -> str:
    """Text with each run of a script written without spaces cut into overlapping pairs of characters, the way
    search engines index Chinese without a dictionary: `不锈钢螺栓` -> `不锈 锈钢 钢螺 螺栓`. Both engines index and
    query such text alike; other scripts are left as they are, and a segmented text segments to itself."""
    return _UNSPACED_RUN.sub(lambda run: f" {_bigrams(run[0])} ", text)


def terms(text: str) -> list[str]:
    """The words a search matches on: `words` of the segmented text."""
    return words(segmented(text))


def _compact(chunk: str) -> str:
    return "".join(_WORD.findall(chunk))


MIN_NUMBER_CODE_LENGTH = 5
MAX_PREFIX_LENGTH = 3
_TRAILING_LETTERS = re.compile(r"(?<=\d)[a-z]{1,3}$")
_DIGIT_RUN = re.compile(rf"\d{{{MIN_NUMBER_CODE_LENGTH},}}")


def _is_code(form: str) -> bool:
    """Letters with digits (`w120p`, `16gb`), or a long number (`3758301`): not a plain word or a small count."""
    if not _DIGIT.search(form):
        return False
    if form.isdigit():
        return len(form) >= MIN_NUMBER_CODE_LENGTH
    return len(form) >= MIN_CODE_LENGTH


def _joinable(first: str, second: str) -> bool:
    """`dsc w120p`, `ep 320`, `500 ml`: a short run of letters and a chunk with digits belong together."""
    def short_letters(chunk: str) -> bool:
        return chunk.isalpha() and len(chunk) <= MAX_PREFIX_LENGTH

    def with_digits(chunk: str) -> bool:
        return _DIGIT.search(chunk) is not None

    return (short_letters(first) and with_digits(second)) or (with_digits(first) and short_letters(second))


def _variants(code: str) -> list[str]:
    """The code itself, without a colour or variant suffix (`ysp4000bk` -> `ysp4000`), and its long digit runs
    (`tv24746` -> `24746`), so that near-identical part numbers still meet."""
    forms = [code, _TRAILING_LETTERS.sub("", code), *_DIGIT_RUN.findall(code)]
    return [form for form in dict.fromkeys(forms) if _is_code(form)]


def code_forms(text: str) -> list[str]:
    """Part numbers, model codes and quantities with units, punctuation and spaces removed.

    Each whitespace-separated chunk is compacted (`DSC-W120P` -> `dscw120p`); a short run of letters is joined
    with a neighbouring chunk that holds digits (`dsc w120p` -> `dscw120p`, `500 ml` -> `500ml`); each code
    also yields its variants (see `_variants`)."""
    folded = fold(text)
    if not _DIGIT.search(folded):
        return []  # every code holds a digit
    chunks = [_compact(chunk) for chunk in folded.split()]
    forms: dict[str, None] = {}
    for index, chunk in enumerate(chunks):
        candidates = [chunk]
        if index + 1 < len(chunks) and _joinable(chunk, chunks[index + 1]):
            candidates.append(chunk + chunks[index + 1])
        for candidate in candidates:
            if _is_code(candidate):
                forms.update(dict.fromkeys(_variants(candidate)))
    return list(forms)
