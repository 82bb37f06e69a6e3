"""What each Incoterm (2020) includes, for comparing quotes given on different terms."""

from dataclasses import dataclass

from app.core.i18n import N_
from app.models.enums import Incoterm

BUYER, SELLER = "buyer", "seller"


@dataclass(frozen=True)
class IncotermTerms:
    code: str
    main_freight_paid_by: str
    # CIF and CIP oblige the seller to insure; under D terms the seller carries the transit risk and insures
    # for itself; otherwise insuring the main carriage is up to the buyer.
    insurance_paid_by: str
    import_duties_paid_by: str
    risk_passes: str


def _terms(code: Incoterm, freight: str, insurance: str, risk: str, duties: str = BUYER) -> IncotermTerms:
    return IncotermTerms(code.value, freight, insurance, duties, risk)


ON_BOARD = N_("when the goods are on board the vessel at the port of shipment")
FIRST_CARRIER = N_("when the goods are handed to the first carrier")
T = Incoterm
INCOTERMS: dict[Incoterm, IncotermTerms] = {
    T.EXW: _terms(T.EXW, BUYER, BUYER, N_("at the seller's premises, when the goods are made available")),
    T.FCA: _terms(T.FCA, BUYER, BUYER, N_("when the goods are handed to the buyer's carrier at the named place")),
    T.FAS: _terms(T.FAS, BUYER, BUYER, N_("when the goods are alongside the vessel at the port of shipment")),
    T.FOB: _terms(T.FOB, BUYER, BUYER, ON_BOARD),
    T.CFR: _terms(T.CFR, SELLER, BUYER, ON_BOARD),
    T.CIF: _terms(T.CIF, SELLER, SELLER, ON_BOARD),
    T.CPT: _terms(T.CPT, SELLER, BUYER, FIRST_CARRIER),
    T.CIP: _terms(T.CIP, SELLER, SELLER, FIRST_CARRIER),
    T.DAP: _terms(T.DAP, SELLER, SELLER, N_("at the named destination, ready for unloading")),
    T.DPU: _terms(T.DPU, SELLER, SELLER, N_("at the named destination, once unloaded")),
    T.DDP: _terms(T.DDP, SELLER, SELLER, N_("at the named destination, ready for unloading, import cleared"), SELLER),
}
