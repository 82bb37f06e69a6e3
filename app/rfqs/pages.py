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
    my_extra={"completeness_of": completeness, "completeness_criteria": CRITERIA},
)
