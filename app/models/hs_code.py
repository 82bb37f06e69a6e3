from sqlalchemy import ForeignKey, SmallInteger, String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base


class HsCode(Base):
    """The Harmonized System nomenclature: chapters (2 digits), headings (4) and subheadings (6)."""

    __tablename__ = "hs_codes"

    code: Mapped[str] = mapped_column(String(6), primary_key=True)
    level: Mapped[int] = mapped_column(SmallInteger)
    description: Mapped[str] = mapped_column(Text)
    parent_code: Mapped[str | None] = mapped_column(ForeignKey("hs_codes.code"), index=True)
    section: Mapped[str] = mapped_column(String(5))
    chapter: Mapped[str] = mapped_column(String(2), index=True)
    heading: Mapped[str | None] = mapped_column(String(4), index=True)
