"""Look-ups in the HS table shared by listings and RFQs."""

from sqlalchemy.ext.asyncio import AsyncSession

from app.core.errors import FieldError, validation_failed
from app.hs.repository import usable_code


async def ensure_hs_code_usable(session: AsyncSession, code: str | None, field: str = "hs_code") -> None:
    """A listing or RFQ names a 6-digit subheading or a 4-digit heading that exists in the table."""
    if code is None:
        return
    if await usable_code(session, code) is None:
        raise validation_failed([FieldError(field, f"HS code {code} does not exist", "unknown_hs_code")])
