from datetime import date, datetime

from sqlalchemy import String, Text
from sqlalchemy.orm import Mapped, mapped_column

from app.models.base import Base, TimestampMixin, str_enum
from app.models.enums import BusinessType, EmployeeRange, OrganizationRole


class Organization(TimestampMixin, Base):
    __tablename__ = "organizations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(200))
    slug: Mapped[str] = mapped_column(String(120), unique=True)
    role: Mapped[OrganizationRole] = mapped_column(str_enum(OrganizationRole, "organization_role"))
    country: Mapped[str] = mapped_column(String(2))
    city: Mapped[str | None] = mapped_column(String(120))
    business_type: Mapped[BusinessType | None] = mapped_column(str_enum(BusinessType, "business_type"))
    year_established: Mapped[int | None]
    employee_range: Mapped[EmployeeRange | None] = mapped_column(str_enum(EmployeeRange, "employee_range"))
    export_markets: Mapped[list[str]] = mapped_column(default=list)
    certifications: Mapped[list[str]] = mapped_column(default=list)
    website: Mapped[str | None] = mapped_column(String(300))
    description: Mapped[str | None] = mapped_column(Text)
    # The day it stops counting as verified: the latest expiry of its approved verifications, kept by the
    # verifications domain and compared with today where it is read (trust.verification).
    verified_until: Mapped[date | None]
    # The logo's file in the file store (a square WebP), None without a logo.
    logo_key: Mapped[str | None] = mapped_column(String(200))
    # A suspended organisation's members cannot sign in and its listings and RFQs are not shown.
    suspended_at: Mapped[datetime | None]
