"""RFQ pages: /rfqs/{id} for everyone, and "My RFQs" where a buyer creates and manages its own.

The RFQ page is also the trading floor (quotes, comparison, award) and closing an RFQ declines its quotes: both
are the quotes domain's, so app.quotes.pages mounts these pages with its trading context and its close action
(quotes -> rfqs is the only arrow between the two)."""

from app.auth.viewer import require_buyer
from app.http.owned_pages import OwnedPages
from app.rfqs import service
from app.rfqs.completeness import CRITERIA, completeness
from app.rfqs.repository import RfqFilters
from app.rfqs.schemas import RfqCreate
from matching.factors import HARD_CONSTRAINTS, HardConstraint

# What each hard constraint asks of a supplier, as the buyer ticks it on the form.
CONSTRAINT_LABELS: dict[HardConstraint, str] = {
    "hs": "Same HS heading (first 4 digits) as mine",
    "price": "Price at or under my target price",
    "moq": "Minimum order no larger than my quantity",
    "lead_time": "Can ship before my request's valid-until date",
    "certifications": "Holds every certification I require",
    "destination": "Already exports to my destination country",
    "trust": "Verified supplier",
}
assert set(CONSTRAINT_LABELS) == set(HARD_CONSTRAINTS)

pages = OwnedPages(
    folder="rfqs",
    require_role=require_buyer,
    create_model=RfqCreate,
    filters_of=lambda slug: RfqFilters(organization=slug),
    get=service.get_rfq,
    list=service.list_rfqs,
    create=service.create_rfq,
    actions={"submit": service.submit_rfq},
    transitions=service.TRANSITIONS,
    my_extra={"completeness_of": completeness, "completeness_criteria": CRITERIA,
              "constraint_choices": [(name, CONSTRAINT_LABELS[name]) for name in HARD_CONSTRAINTS]},
)
