"""Look-ups in the HS table shared by listings and RFQs."""

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.errors import FieldError, validation_failed
from app.core.validators import HS_EDITION
from app.hs.repository import descriptions, usable_code


async def ensure_hs_code_usable(session: AsyncSession, code: str | None, field: str = "hs_code") -> None:
    """A listing or RFQ names a 6-digit subheading or a 4-digit heading that exists in the table (HS 2022)."""
    if code is None:
        return
    if await usable_code(session, code) is None:
        raise validation_failed([FieldError(field, await unknown_code_message(session, code), "unknown_hs_code")])


async def unknown_code_message(session: AsyncSession, code: str) -> str:
    """Names the edition, and for a subheading whose heading exists, that heading: an older edition's subheading
    (or a mistyped one) most often belongs to a heading HS 2022 still has. No code is mapped to a successor: that
    needs the HS 2017-2022 correlation table, which the project does not ship."""
    message = f"HS code {code} does not exist in {HS_EDITION}, the edition of the HS codes used here"
    if len(code) == 6 and await usable_code(session, code[:4]) is not None:
        return f"{message}; heading {code[:4]} does: choose it or one of its subheadings"
    return message


async def code_descriptions(session: AsyncSession, codes: set[str]) -> dict[str, str]:
    """What each HS code (chapter, heading or subheading) stands for, for showing codes to people."""
    return await descriptions(session, codes)
