"""RFQ pages: /rfqs/{id} for everyone, and "My RFQs" where a buyer creates and manages its own."""

from app.accounts.viewer import require_buyer
from app.pages.owned import OwnedPages
from app.quotes.page_context import trading_context
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
    actions={"submit": service.submit_rfq, "close": service.close_rfq},
    transitions=service.TRANSITIONS,
    detail_extra=trading_context,
    my_extra={"completeness_of": completeness, "completeness_criteria": CRITERIA},
)
router = pages.router()
