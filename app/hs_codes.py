"""Look-ups in the HS table shared by listings and RFQs."""

from sqlalchemy import select
from sqlalchemy.ext.asyncio import AsyncSession

from app.core.errors import FieldError, validation_failed
from app.models import HsCode

# The table keeps Comtrade's 99 / 9999 / 999999 "commodities not specified according to kind" (section TOTAL):
# a statistical bucket, not a classification a product can have.
UNCLASSIFIED_SECTION = "TOTAL"


async def ensure_hs_code_usable(session: AsyncSession, code: str | None, field: str = "hs_code") -> None:
    """A listing or RFQ names a 6-digit subheading or a 4-digit heading that exists in the table."""
    if code is None:
        return
    found = await session.scalar(select(HsCode.code).where(
        HsCode.code == code, HsCode.level.in_((4, 6)), HsCode.section != UNCLASSIFIED_SECTION
    ))
    if found is None:
        raise validation_failed([FieldError(field, f"HS code {code} does not exist", "unknown_hs_code")])
