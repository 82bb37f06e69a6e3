from datetime import datetime

from sqlalchemy import ForeignKey, Text, UniqueConstraint
from sqlalchemy.orm import Mapped, mapped_column

from app.core.clock import utcnow
from app.models.base import Base, str_enum
from app.models.enums import LeadReportReason, LeadReportStatus


class LeadReport(Base):
    """A supplier's report that an RFQ it quoted on is fake, and the admin's decision on it (one per supplier
    organisation and RFQ)."""

    __tablename__ = "lead_reports"
    __table_args__ = (UniqueConstraint("rfq_id", "organization_id"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    rfq_id: Mapped[int] = mapped_column(ForeignKey("rfqs.id", ondelete="CASCADE"), index=True)
    organization_id: Mapped[int] = mapped_column(ForeignKey("organizations.id", ondelete="CASCADE"))
    user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    reason: Mapped[LeadReportReason] = mapped_column(str_enum(LeadReportReason, "lead_report_reason"))
    note: Mapped[str] = mapped_column(Text, default="")
    status: Mapped[LeadReportStatus] = mapped_column(str_enum(LeadReportStatus, "lead_report_status"),
                                                     default=LeadReportStatus.OPEN, index=True)
    created_at: Mapped[datetime] = mapped_column(default=utcnow)
    decided_at: Mapped[datetime | None]
    decided_by_user_id: Mapped[int | None] = mapped_column(ForeignKey("users.id", ondelete="SET NULL"))
    decision_note: Mapped[str] = mapped_column(Text, default="")
