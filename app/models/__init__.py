"""ORM models, one module per aggregate. Importing this package registers every table on Base.metadata."""

from app.models.account_action import AccountAction
from app.models.ad import AdCampaign, AdClick, AdImpressions, AdKeyword, ad_campaign_listings
from app.models.alert import AlertDelivery, AlertJob, SavedSearch
from app.models.base import Base
from app.models.featured import FeaturedPlacement
from app.models.fx_rate import FxRate
from app.models.hs_code import HsCode
from app.models.inquiry import Inquiry, InquiryMessage
from app.models.invitation import Invitation
from app.models.invoice import Invoice, InvoiceCounter, InvoiceLine
from app.models.lead_report import LeadReport
from app.models.lead_view import LeadView
from app.models.ledger import LedgerAccount, LedgerEntry, LedgerLine
from app.models.listing import Listing
from app.models.listing_image import ListingImage
from app.models.listing_import import ListingImport
from app.models.moderation import ModerationDecision
from app.models.notification import Notification, OutgoingEmail
from app.models.organization import Organization
from app.models.outbox import OutboxEvent
from app.models.payment import PaymentEvent, RefundDue
from app.models.quote import Quote
from app.models.quote_activity import QuoteRating, QuoteRevision
from app.models.rfq import Rfq
from app.models.rfq_attachment import RfqAttachment
from app.models.rfq_limit import RfqLimit
from app.models.showcase import ShowcasePick
from app.models.subscription import Subscription
from app.models.tier import Tier
from app.models.user import ApiToken, LoginFailure, LoginSession, User
from app.models.verification import Verification, VerificationEvent, VerificationFile
from app.models.webhook import WebhookDelivery, WebhookEndpoint

__all__ = [
           "AccountAction",
           "AdCampaign",
           "AdClick",
           "AdImpressions",
           "AdKeyword",
           "AlertDelivery",
           "AlertJob",
           "ApiToken",
           "Base",
           "FeaturedPlacement",
           "FxRate",
           "HsCode",
           "Inquiry",
           "InquiryMessage",
           "Invitation",
           "Invoice",
           "InvoiceCounter",
           "InvoiceLine",
           "LeadReport",
           "LeadView",
           "LedgerAccount",
           "LedgerEntry",
           "LedgerLine",
           "Listing",
           "ListingImage",
           "ListingImport",
           "LoginFailure",
           "LoginSession",
           "ModerationDecision",
           "Notification",
           "Organization",
           "OutboxEvent",
           "OutgoingEmail",
           "PaymentEvent",
           "Quote",
           "QuoteRating",
           "QuoteRevision",
           "RefundDue",
           "Rfq",
           "RfqAttachment",
           "RfqLimit",
           "SavedSearch",
           "ShowcasePick",
           "Subscription",
           "Tier",
           "User",
           "Verification",
           "VerificationEvent",
           "VerificationFile",
           "WebhookDelivery",
           "WebhookEndpoint",
           "ad_campaign_listings",
]
