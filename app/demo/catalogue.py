"""The larger demo catalogue, so that browsing, facets and the directory look like a marketplace: more suppliers,
and product families whose variants (sizes, grades, capacities) become one listing each, priced up the range."""

from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from app.demo.listings import PUBLISHED, DemoListing
from app.demo.organizations import DemoOrganization

CENT = Decimal("0.01")


def _supplier(key: str, company: str, person: str, country: str, city: str, kind: str, year: int, staff: str,
              markets: list[str], certifications: list[str], description: str) -> DemoOrganization:
    return DemoOrganization(key, {
        "email": f"{key}@example.com", "name": person, "organization_role": "supplier", "organization_name": company,
        "country": country, "city": city, "business_type": kind, "year_established": year, "employee_range": staff,
        "export_markets": markets, "certifications": certifications, "description": description,
    })


MORE_SUPPLIERS = [
    _supplier("everbright", "Ningbo Everbright Homeware Co., Ltd.", "Li Na", "CN", "Ningbo", "manufacturer", 2006,
              "201-500", ["US", "GB", "DE", "AU"], ["BSCI", "LFGB"],
              "Plastic and glass kitchen storage, porcelain tableware and bathroom accessories."),
    _supplier("lotus", "Guangzhou Lotus Cosmetics Co., Ltd.", "Huang Mei", "CN", "Guangzhou", "manufacturer", 2011,
              "51-200", ["US", "AE", "NG", "BR"], ["GMPC", "ISO 22716"],
              "Private-label skin care, hair care and soaps; filling lines for tubes, jars and bottles."),
    _supplier("sunnytoys", "Yiwu Sunny Toys & Gifts Co., Ltd.", "Wang Jun", "CN", "Yiwu", "trading_company", 2014,
              "11-50", ["US", "GB", "FR", "MX"], ["EN 71", "ASTM F963"],
              "Plush and wooden toys, party goods, tote bags and backpacks for retail chains."),
    _supplier("malabar", "Malabar Spice Exporters Pvt. Ltd.", "Anil Menon", "IN", "Kochi", "trading_company", 1992,
              "51-200", ["US", "DE", "AE", "SA", "GB"], ["FSSAI", "ISO 22000", "Spices Board"],
              "Pepper, cardamom, turmeric, ginger and steam-distilled essential oils from Kerala."),
    _supplier("sialkot", "Sialkot Sports & Surgical Co.", "Imran Butt", "PK", "Sialkot", "manufacturer", 1985,
              "201-500", ["US", "DE", "GB", "AU"], ["ISO 13485", "ISO 9001"],
              "Hand-stitched footballs, leather gloves and stainless surgical instruments."),
    _supplier("siamrubber", "Siam Rubber Products Co., Ltd.", "Somchai Srisuk", "TH", "Songkhla", "manufacturer",
              1999, "501-1000", ["US", "JP", "DE", "AU"], ["ISO 9001", "EN 455"],
              "Nitrile and latex gloves, rubber mats, seals and hoses from natural and synthetic rubber."),
    _supplier("serraverde", "Cafe Serra Verde Exportadora Ltda.", "Joao Pereira", "BR", "Santos", "trading_company",
              1997, "51-200", ["US", "DE", "IT", "JP", "BE"], ["Rainforest Alliance", "4C"],
              "Arabica from the Cerrado and Sul de Minas, cane sugar and orange juice concentrate."),
    _supplier("douro", "Douro Cork & Wine Lda.", "Ana Sousa", "PT", "Porto", "manufacturer", 1968, "51-200",
              ["FR", "US", "GB", "BR"], ["FSC", "ISO 9001"],
              "Natural cork stoppers and boards, and Douro red and port wines."),
    _supplier("mazowsze", "Mazowsze Meble Sp. z o.o.", "Piotr Nowak", "PL", "Radom", "manufacturer", 2002, "201-500",
              ["DE", "NL", "FR", "SE", "GB"], ["FSC", "ISO 9001"],
              "Solid oak and birch furniture, upholstered chairs and wooden doors for European retailers."),
    _supplier("lakeshore", "Lakeshore Precision Instruments Inc.", "Emily Carter", "US", "Milwaukee", "manufacturer",
              1979, "51-200", ["CA", "MX", "DE", "JP", "AE"], ["ISO 9001", "ISO 17025"],
              "Pressure gauges, thermometers, flow meters and inspection gauges with calibration certificates."),
    _supplier("daegu", "Daegu Auto Parts Co., Ltd.", "Kim Min-jun", "KR", "Daegu", "manufacturer", 1991, "501-1000",
              ["US", "RU", "SA", "BR", "AU"], ["IATF 16949", "ISO 14001"],
              "Brake pads and discs, filters and suspension parts for Korean and Japanese vehicles."),
    _supplier("deltanile", "Delta Nile Cotton Co.", "Mona Hassan", "EG", "Alexandria", "manufacturer", 1981,
              "1001+", ["IT", "DE", "TR", "US"], ["Cotton Egypt Association", "OEKO-TEX Standard 100"],
              "Giza long-staple cotton yarn, terry towels and bed linen; citrus from the delta farms."),
    _supplier("riftvalley", "Rift Valley Tea & Flowers Ltd.", "Grace Wanjiru", "KE", "Nairobi", "manufacturer", 2003,
              "501-1000", ["GB", "NL", "PK", "EG", "AE"], ["Rainforest Alliance", "Fairtrade", "GLOBALG.A.P."],
              "CTC black tea, cut roses and Hass avocados from the Kenyan highlands."),
    _supplier("bresciainox", "Brescia Acciai Inox S.r.l.", "Marco Bianchi", "IT", "Brescia", "manufacturer", 1972,
              "51-200", ["DE", "FR", "CH", "US", "AE"], ["ISO 9001", "PED 2014/68/EU"],
              "Stainless steel tubes, fasteners and forged valves for food and process plants."),
    _supplier("jepara", "Jepara Teak Furniture CV", "Budi Santoso", "ID", "Jepara", "manufacturer", 1995, "51-200",
              ["US", "NL", "AU", "FR"], ["SVLK", "FSC"],
              "Teak and mahogany garden and dining furniture; virgin coconut oil from the family farm."),
]


@dataclass(frozen=True)
class Family:
    """Listings alike but for one attribute: `title` holds `{v}`, each variant one listing, prices rising by
    `step` of the first variant's per variant."""

    supplier: str
    hs_code: str
    title: str
    variants: tuple[str, ...]
    offer: tuple[str, str, str, str, str, str, str, int]  # moq, unit, low, high, currency, incoterm, port, lead days
    keywords: tuple[str, ...]
    certifications: tuple[str, ...] = ()
    description: str = ""
    step: str = "0.12"

    def listings(self) -> list[DemoListing]:
        return [DemoListing(self.supplier, PUBLISHED, self._fields(index, variant), pictures=1)
                for index, variant in enumerate(self.variants)]

    def _fields(self, index: int, variant: str) -> dict[str, Any]:
        moq, unit, low, high, currency, incoterm, port, lead = self.offer
        rise = 1 + Decimal(self.step) * index
        return {"title": self.title.format(v=variant), "hs_code": self.hs_code,
                "description": self.description.format(v=variant), "keywords": list(self.keywords),
                "certifications": list(self.certifications), "specs": {"variant": variant},
                "moq": moq, "moq_unit": unit, "price_min": str((Decimal(low) * rise).quantize(CENT)),
                "price_max": str((Decimal(high) * rise).quantize(CENT)), "currency": currency,
                "incoterm": incoterm, "port_of_loading": port, "lead_time_days": lead}


FAMILIES = [
    Family("brightway", "853922", "LED bulb A60 {v}, E27, 2700K", ("7 W", "9 W", "12 W", "15 W"),
           ("3000", "piece", "0.38", "0.55", "USD", "FOB", "Shenzhen", 20), ("led bulb", "e27", "a60"),
           ("CE", "RoHS"), "Filament-free SMD bulb, {v}, 80 lm/W, 15,000 h rated life.", "0.15"),
    Family("brightway", "851310", "Rechargeable LED work light {v}", ("10 W", "20 W", "30 W", "50 W"),
           ("500", "piece", "6.10", "7.40", "USD", "FOB", "Shenzhen", 25), ("work light", "flood light", "portable"),
           ("CE", "IP65"), "USB-C rechargeable work light, {v}, magnetic base and stand.", "0.25"),
    Family("mekong", "080132", "Cashew kernels {v}, Vietnam origin", ("W180", "W240", "WS", "LP"),
           ("15", "metric_ton", "7400", "7900", "USD", "FOB", "Ho Chi Minh City", 21), ("cashew", "cashew kernels"),
           ("HACCP", "BRCGS"), "Grade {v} cashew kernels, vacuum packed in tins.", "-0.10"),
    Family("mekong", "100630", "Vietnamese rice {v}, 5% broken", ("Jasmine", "ST25", "Long grain white", "Glutinous"),
           ("25", "metric_ton", "520", "590", "USD", "FOB", "Ho Chi Minh City", 25), ("rice", "jasmine rice"),
           ("HACCP",), "{v} rice, sortexed, in 25 kg PP bags.", "0.06"),
    Family("mekong", "030617", "Frozen black tiger shrimp HOSO {v}", ("8/12", "13/15", "16/20", "21/25"),
           ("5", "metric_ton", "14500", "16800", "USD", "CFR", "Ho Chi Minh City", 30), ("shrimp", "black tiger"),
           ("BAP", "HACCP"), "Head-on shell-on black tiger shrimp, {v} pieces per pound, IQF.", "-0.08"),
    Family("coromandel", "630231", "Cotton percale bed sheet set {v}", ("Single", "Double", "Queen", "King"),
           ("500", "set", "8.90", "11.20", "USD", "FOB", "Chennai", 45), ("bed sheets", "percale", "bedding"),
           ("GOTS", "OEKO-TEX Standard 100"), "300 thread count percale, {v} size, fitted sheet and two cases.",
           "0.15"),
    Family("coromandel", "100630", "Indian basmati rice {v}", ("1121 Steam", "1121 Sella", "Pusa", "Traditional"),
           ("20", "metric_ton", "980", "1150", "USD", "FOB", "Chennai", 30), ("basmati", "rice"),
           ("FSSAI",), "{v} basmati, extra-long grain, aged 12 months.", "0.05"),
    Family("anatolia", "732393", "Stainless steel casserole {v} with glass lid", ("16 cm", "20 cm", "24 cm", "28 cm"),
           ("600", "piece", "7.80", "9.60", "USD", "FOB", "Izmir", 40), ("cookware", "casserole", "stainless steel"),
           ("LFGB",), "18/10 stainless, encapsulated base for induction, {v}.", "0.20"),
    Family("anatolia", "080420", "Sun-dried Turkish figs {v}", ("Lerida", "Protoben", "Garland", "Diced"),
           ("10", "metric_ton", "4200", "4800", "USD", "FOB", "Izmir", 20), ("dried figs", "figs"),
           ("IFS Food",), "Aegean figs, {v}, natural without additives.", "0.05"),
    Family("rheinwerk", "848210", "Deep groove ball bearing {v}, C3, 2RS", ("6201", "6204", "6206", "6305", "6308"),
           ("1000", "piece", "0.85", "1.10", "EUR", "FCA", "Stuttgart", 15), ("ball bearing", "deep groove"),
           ("ISO 9001",), "Deep groove ball bearing {v}, sealed both sides, C3 clearance.", "0.45"),
    Family("rheinwerk", "842131", "Industrial oil filter element {v}", ("10 micron", "25 micron", "40 micron"),
           ("200", "piece", "14.00", "18.00", "EUR", "FCA", "Stuttgart", 20), ("filter element", "hydraulic filter"),
           ("ISO 9001",), "Glass fibre filter element, {v}, for hydraulic and lube oil systems.", "0.10"),
    Family("jalisco", "080440", "Fresh Hass avocados, calibre {v}", ("32", "36", "40", "48"),
           ("1", "container_40ft", "24000", "28000", "USD", "FOB", "Manzanillo", 7), ("avocado", "hass"),
           ("GLOBALG.A.P.",), "Hass avocados, calibre {v}, 11.3 kg cartons, cold chain.", "-0.05"),
    Family("jalisco", "040900", "Raw honey {v}, in drums", ("orange blossom", "avocado blossom", "multiflora"),
           ("20", "metric_ton", "3300", "3800", "USD", "FOB", "Manzanillo", 21), ("honey", "raw honey"),
           ("SENASICA",), "Unpasteurised {v} honey, moisture under 18.5%.", "0.08"),
    Family("dhaka", "610910", "Women's cotton tee {v}", ("V-neck", "scoop neck", "crop", "oversized"),
           ("2000", "piece", "1.75", "2.40", "USD", "FOB", "Chittagong", 50), ("t-shirt", "women's tee"),
           ("WRAP", "OEKO-TEX Standard 100"), "160 GSM combed cotton, {v} cut, reactive dyed.", "0.08"),
    Family("dhaka", "620342", "Men's cotton chino trousers {v}", ("slim fit", "regular fit", "relaxed fit"),
           ("1500", "piece", "6.20", "7.90", "USD", "FOB", "Chittagong", 60), ("chinos", "trousers"),
           ("BSCI",), "Twill chinos, {v}, garment washed.", "0.06"),
    Family("everbright", "392410", "Airtight food storage container set {v}", ("3 pieces", "5 pieces", "10 pieces"),
           ("1000", "set", "2.90", "3.60", "USD", "FOB", "Ningbo", 30), ("food container", "storage box"),
           ("LFGB", "FDA"), "BPA-free PP containers with locking lids, set of {v}.", "0.60"),
    Family("everbright", "701349", "Borosilicate glass storage jar {v}", ("500 ml", "1 l", "1.5 l", "2 l"),
           ("1200", "piece", "1.10", "1.45", "USD", "FOB", "Ningbo", 30), ("glass jar", "borosilicate"),
           ("LFGB",), "Heat-resistant borosilicate jar, {v}, bamboo lid with seal.", "0.20"),
    Family("everbright", "691110", "Porcelain dinner plate {v}", ("21 cm", "24 cm", "27 cm"),
           ("2400", "piece", "0.95", "1.25", "USD", "FOB", "Ningbo", 35), ("dinner plate", "porcelain"),
           ("LFGB",), "Super-white porcelain plate, {v}, dishwasher and microwave safe.", "0.18"),
    Family("lotus", "330499", "Hyaluronic acid face serum {v}", ("30 ml", "50 ml", "100 ml"),
           ("3000", "piece", "0.90", "1.20", "USD", "FOB", "Guangzhou", 25), ("serum", "skin care", "private label"),
           ("GMPC",), "Private-label serum in a {v} dropper bottle, your logo.", "0.40"),
    Family("lotus", "330510", "Argan oil shampoo {v}", ("250 ml", "500 ml", "1 l"),
           ("3000", "piece", "0.70", "0.95", "USD", "FOB", "Guangzhou", 25), ("shampoo", "hair care"),
           ("GMPC", "ISO 22716"), "Sulfate-free argan oil shampoo, {v} bottle.", "0.45"),
    Family("lotus", "340111", "Handmade natural soap bar {v}", ("lavender", "charcoal", "goat milk", "oatmeal"),
           ("5000", "piece", "0.32", "0.45", "USD", "FOB", "Guangzhou", 20), ("soap", "handmade soap"),
           ("GMPC",), "Cold-process {v} soap, 100 g bar, paper wrapped.", "0.03"),
    Family("sunnytoys", "950300", "Plush toy {v}, 30 cm", ("bear", "bunny", "unicorn", "dinosaur", "panda"),
           ("1000", "piece", "2.10", "2.80", "USD", "FOB", "Ningbo", 35), ("plush toy", "stuffed animal"),
           ("EN 71", "ASTM F963"), "Soft {v} plush, 30 cm, PP cotton filling, for ages 3+.", "0.05"),
    Family("sunnytoys", "420292", "Cotton canvas tote bag {v}", ("natural", "black", "printed", "zippered"),
           ("1000", "piece", "0.85", "1.30", "USD", "FOB", "Ningbo", 25), ("tote bag", "canvas bag"),
           (), "12 oz canvas tote, {v}, 38 x 42 cm, logo printing available.", "0.12"),
    Family("malabar", "090831", "Green cardamom {v}", ("8 mm bold", "7 mm", "6 mm", "splits"),
           ("1", "metric_ton", "21000", "24000", "USD", "CIF", "Kochi", 15), ("cardamom", "spices"),
           ("Spices Board",), "Alleppey green cardamom, {v}, machine graded.", "-0.10"),
    Family("malabar", "091030", "Turmeric {v}", ("fingers", "powder 3% curcumin", "powder 5% curcumin"),
           ("5", "metric_ton", "1900", "2300", "USD", "FOB", "Kochi", 20), ("turmeric", "curcumin"),
           ("FSSAI", "ISO 22000"), "Salem and Erode turmeric, {v}, steam sterilised.", "0.20"),
    Family("malabar", "330130", "Steam-distilled essential oil {v}", ("black pepper", "clove", "lemongrass",
           "eucalyptus"), ("25", "kg", "38.00", "52.00", "USD", "FOB", "Kochi", 10), ("essential oil",),
           ("ISO 9001",), "Pure {v} oil, GC-MS report with every lot.", "0.15"),
    Family("sialkot", "950662", "Hand-stitched match football {v}", ("size 5", "size 4", "size 3", "futsal"),
           ("500", "piece", "7.50", "9.80", "USD", "FOB", "Karachi", 45), ("football", "soccer ball"),
           ("ISO 9001",), "32-panel PU football, {v}, butyl bladder.", "-0.05"),
    Family("sialkot", "901890", "Stainless surgical instrument {v}", ("Mayo scissors 14 cm", "needle holder 16 cm",
           "tissue forceps 14 cm", "scalpel handle No. 4"), ("200", "piece", "2.40", "3.60", "USD", "FOB",
           "Karachi", 40), ("surgical instruments",), ("ISO 13485", "CE"), "German-grade stainless {v}.", "0.20"),
    Family("siamrubber", "401519", "Nitrile examination gloves {v}, powder-free", ("S", "M", "L", "XL"),
           ("10", "carton", "28.00", "33.00", "USD", "FOB", "Songkhla", 20), ("nitrile gloves", "disposable gloves"),
           ("EN 455", "ISO 9001"), "Blue nitrile gloves, size {v}, 10 boxes of 100 per carton.", "0.00"),
    Family("siamrubber", "401699", "Rubber anti-fatigue floor mat {v}", ("60 x 90 cm", "90 x 150 cm",
           "120 x 180 cm"), ("300", "piece", "9.50", "12.00", "USD", "FOB", "Songkhla", 30), ("rubber mat",),
           ("ISO 9001",), "Natural rubber mat with drainage holes, {v}.", "0.60"),
    Family("serraverde", "090111", "Brazil arabica green coffee {v}", ("Cerrado NY2 17/18", "Sul de Minas NY2 17/18",
           "Mogiana fine cup", "Santos NY4 screen 14/16"), ("1", "container_20ft", "72000", "79000", "USD", "FOB",
           "Santos", 30), ("arabica", "green coffee"), ("Rainforest Alliance", "4C"), "Natural arabica, {v}.", "0.04"),
    Family("serraverde", "170199", "Brazilian cane sugar {v}", ("ICUMSA 45", "ICUMSA 150", "VHP"),
           ("12500", "metric_ton", "480", "530", "USD", "FOB", "Santos", 30), ("sugar", "icumsa 45"),
           (), "{v} cane sugar, 50 kg bags or bulk.", "-0.04"),
    Family("douro", "450310", "Natural cork wine stopper {v}", ("45 x 24 mm", "49 x 24 mm", "38 x 21 mm"),
           ("10000", "piece", "0.12", "0.22", "EUR", "FOB", "Porto", 20), ("cork stopper", "wine cork"),
           ("FSC",), "Natural cork stopper {v}, TCA tested, washed and printed.", "0.10"),
    Family("douro", "220421", "Douro red wine {v}, 75 cl", ("Reserva 2021", "Tinto 2023", "Grande Reserva 2019"),
           ("1200", "piece", "4.20", "5.80", "EUR", "FCA", "Porto", 15), ("red wine", "douro"),
           (), "Douro DOC {v}, touriga nacional and tinta roriz.", "0.50"),
    Family("mazowsze", "940360", "Solid oak dining table {v}", ("140 x 90 cm", "180 x 90 cm", "220 x 100 cm"),
           ("20", "piece", "210.00", "260.00", "EUR", "FCA", "Radom", 45), ("dining table", "oak furniture"),
           ("FSC",), "Solid European oak table, {v}, oiled finish, flat-packed.", "0.22"),
    Family("mazowsze", "940161", "Upholstered dining chair {v}", ("velvet grey", "boucle cream", "leather cognac"),
           ("50", "piece", "48.00", "62.00", "EUR", "FCA", "Radom", 40), ("dining chair", "upholstered chair"),
           ("FSC",), "Beech frame chair upholstered in {v}.", "0.18"),
    Family("lakeshore", "902620", "Stainless pressure gauge {v}", ("0-10 bar", "0-16 bar", "0-40 bar", "0-100 bar"),
           ("50", "piece", "18.00", "24.00", "USD", "FCA", "Chicago", 14), ("pressure gauge", "manometer"),
           ("ISO 9001",), "100 mm glycerine-filled gauge, {v}, 1/2 inch NPT bottom entry.", "0.08"),
    Family("lakeshore", "902519", "Digital thermometer {v}", ("probe -50 to 300 C", "infrared -30 to 550 C",
           "thermocouple K type"), ("100", "piece", "22.00", "30.00", "USD", "FCA", "Chicago", 14),
           ("thermometer",), ("ISO 17025",), "Calibrated {v} thermometer with certificate.", "0.30"),
    Family("daegu", "870830", "Ceramic brake pad set {v}", ("Hyundai Tucson front", "Kia Sportage rear",
           "Toyota Corolla front", "Honda Civic front"), ("200", "set", "9.80", "12.50", "USD", "FOB", "Busan", 25),
           ("brake pads", "ceramic pads"), ("IATF 16949", "ECE R90"), "Low-dust ceramic pads for {v}.", "0.05"),
    Family("daegu", "842131", "Engine oil filter {v}", ("Hyundai 26300-35503", "Toyota 90915-YZZE1",
           "Nissan 15208-65F0E"), ("1000", "piece", "1.10", "1.50", "USD", "FOB", "Busan", 20), ("oil filter",),
           ("IATF 16949",), "Spin-on oil filter, OEM reference {v}.", "0.05"),
    Family("deltanile", "520512", "Giza combed cotton yarn {v}", ("Ne 40/1", "Ne 60/1", "Ne 80/1", "Ne 100/1"),
           ("5", "metric_ton", "6200", "6900", "USD", "FOB", "Alexandria", 30), ("cotton yarn", "egyptian cotton"),
           ("Cotton Egypt Association",), "Extra-long staple Giza cotton, {v}, compact spun, waxed.", "0.15"),
    Family("deltanile", "630260", "Egyptian cotton terry towel {v}", ("hand 50 x 100", "bath 70 x 140",
           "sheet 90 x 160"), ("1000", "piece", "2.40", "3.10", "USD", "FOB", "Alexandria", 40), ("towel", "terry"),
           ("OEKO-TEX Standard 100",), "600 GSM zero-twist terry, {v} cm.", "0.70"),
    Family("riftvalley", "090230", "Kenya CTC black tea {v}", ("BP1", "PF1", "PD", "Dust 1"),
           ("5", "metric_ton", "2600", "3100", "USD", "FOB", "Mombasa", 14), ("black tea", "ctc tea"),
           ("Rainforest Alliance", "Fairtrade"), "Highland CTC tea, grade {v}, in paper sacks.", "-0.06"),
    Family("riftvalley", "060311", "Fresh cut roses {v}", ("40 cm", "50 cm", "60 cm", "70 cm"),
           ("5000", "piece", "0.18", "0.24", "USD", "CPT", "Nairobi", 3), ("roses", "cut flowers"),
           ("Fairtrade", "GLOBALG.A.P."), "Kenyan red roses, stem length {v}, boxed for air freight.", "0.15"),
    Family("bresciainox", "730640", "Stainless steel welded tube {v}, AISI 316L",
           ("OD 25.4 x 1.5", "OD 38.1 x 1.5", "OD 50.8 x 1.5", "OD 76.2 x 2"),
           ("500", "metre", "6.90", "8.40", "EUR", "FCA", "Milan", 21), ("stainless tube", "316l"),
           ("PED 2014/68/EU",), "Polished sanitary tube {v} mm, EN 10357.", "0.45"),
    Family("bresciainox", "731815", "A4-80 stainless hex bolt {v}", ("M8 x 30", "M10 x 40", "M12 x 50", "M16 x 60"),
           ("5000", "piece", "0.09", "0.14", "EUR", "FCA", "Milan", 14), ("hex bolt", "stainless fastener"),
           ("ISO 9001",), "DIN 933 hex bolt {v}, A4-80 (316) stainless.", "0.80"),
    Family("bresciainox", "848180", "Forged stainless ball valve {v}", ("DN15", "DN25", "DN40", "DN50"),
           ("100", "piece", "14.50", "18.00", "EUR", "FCA", "Milan", 28), ("ball valve", "stainless valve"),
           ("PED 2014/68/EU",), "Three-piece CF8M ball valve {v}, PN63, ISO 5211 pad.", "0.55"),
    Family("jepara", "940350", "Teak garden table {v}", ("round 120 cm", "rectangular 180 cm",
           "extendable 200-300 cm"), ("10", "piece", "240.00", "320.00", "USD", "FOB", "Semarang", 60),
           ("teak furniture", "garden table"), ("SVLK", "FSC"), "A-grade teak {v} table, sanded, unfinished.", "0.30"),
    Family("jepara", "151311", "Virgin coconut oil {v}", ("cold pressed", "centrifuged", "organic cold pressed"),
           ("5", "metric_ton", "2300", "2700", "USD", "FOB", "Semarang", 21), ("coconut oil", "vco"),
           ("HACCP",), "{v} virgin coconut oil, in 190 kg drums or IBC.", "0.12"),
]

MORE_LISTINGS = [listing for family in FAMILIES for listing in family.listings()]
