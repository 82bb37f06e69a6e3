"""RFQ pages: /rfqs/{id} for everyone, and "My RFQs" where a buyer creates and manages its own.

The RFQ page is also the trading floor (quotes, comparison, award) and closing an RFQ declines its quotes: both
are the quotes domain's, so app.quotes.pages mounts these pages with its trading context and its close action
(quotes -> rfqs is the only arrow between the two)."""

from fastapi import APIRouter, Request
from fastapi.responses import HTMLResponse

from app.auth.viewer import require_buyer
from app.http.owned_pages import OwnedPages
from app.http.page_deps import SignedInUser
from app.http.templating import render
from app.rfqs import service
from app.rfqs.completeness import CRITERIA, FormFacts, completeness
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
    my_extra={"completeness_of": completeness, "completeness_criteria": CRITERIA, "form_facts": FormFacts.read,
              "constraint_choices": [(name, CONSTRAINT_LABELS[name]) for name in HARD_CONSTRAINTS]},
)
router = APIRouter()
MAX_FIELD_CHARS = 20_000


@router.get("/my/rfqs/completeness", response_class=HTMLResponse)
async def live_completeness(request: Request, user: SignedInUser) -> HTMLResponse:
    """The score of the "New request for quotation" form as it is being filled in (its fields as the query), as a
    fragment the form's script puts under it; nothing is stored."""
    values = {name: value[:MAX_FIELD_CHARS] for name, value in request.query_params.items()}
    return render(request, "rfqs/completeness.html", {"score": completeness(FormFacts.read(values))})
