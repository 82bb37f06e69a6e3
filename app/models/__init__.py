"""ORM models, one module per aggregate. Importing this package registers every table on Base.metadata."""

from app.models.base import Base
from app.models.hs_code import HsCode
from app.models.listing import Listing
from app.models.organization import Organization
from app.models.outbox import OutboxEvent
from app.models.quote import Quote
from app.models.rfq import Rfq
from app.models.user import ApiToken, LoginFailure, User

__all__ = ["ApiToken", "Base", "HsCode", "Listing", "LoginFailure", "Organization", "OutboxEvent", "Quote", "Rfq",
           "User"]
