"""The languages a listing's own text may be written in, and which of its texts a viewer reads.

A listing is written in one language (its original) and its supplier may add the title and description in the site's
other languages; a viewer reads the one in the page's language when there is one, else the original. The tags are the
BCP 47 tags the pages' `<html lang>` carries (app.http.locale), so a page and the text on it name languages alike."""

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Literal, Protocol

ContentLanguage = Literal["en", "zh-Hans", "es"]
ORIGINAL_DEFAULT: ContentLanguage = "en"
NAMES: Mapping[str, str] = {"en": "English", "zh-Hans": "简体中文", "es": "Español"}
"""Each language's name in itself, as the language choices show it."""


class Written(Protocol):
    """What carries text in several languages: a listing, or its API form."""

    @property
    def title(self) -> str: ...

    @property
    def description(self) -> str: ...

    @property
    def language(self) -> str: ...

    @property
    def translations(self) -> Mapping[str, Mapping[str, str]]: ...


@dataclass(frozen=True)
class ShownText:
    title: str
    language: str
    description: str
    description_language: str
    translated: bool
    """True when the title is the supplier's translation, not the original."""


def shown_text(written: Written, wanted: str) -> ShownText:
    """The title and description in `wanted` when the supplier gave them, else the original (a translation without
    a description shows the original's)."""
    translation = written.translations.get(wanted) if wanted != written.language else None
    if not translation:
        return ShownText(written.title, written.language, written.description, written.language, translated=False)
    description = translation.get("description") or ""
    if description:
        return ShownText(translation["title"], wanted, description, wanted, translated=True)
    return ShownText(translation["title"], wanted, written.description, written.language, translated=True)
