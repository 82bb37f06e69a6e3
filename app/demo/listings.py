"""Demo listings: ListingCreate fields per supplier (country of origin defaults to the supplier's country)."""
# ruff: noqa: RUF001 -- the Chinese demo texts are written with Chinese punctuation

from dataclasses import dataclass
from typing import Any

from app.models.enums import ListingStatus

PUBLISHED, PENDING, DRAFT = ListingStatus.PUBLISHED, ListingStatus.PENDING_REVIEW, ListingStatus.DRAFT


@dataclass(frozen=True)
class DemoListing:
    supplier: str
    status: ListingStatus
    fields: dict[str, Any]
    pictures: int = 2  # drawn at seed time (app.demo.images)


def _offer(moq: str, unit: str, low: str, high: str, currency: str, incoterm: str, port: str,
           lead_time_days: int) -> dict[str, Any]:
    return {"moq": moq, "moq_unit": unit, "price_min": low, "price_max": high, "currency": currency,
            "incoterm": incoterm, "port_of_loading": port, "lead_time_days": lead_time_days}


def _tiers(*steps: tuple[str, str]) -> list[dict[str, str]]:
    """Price by quantity: (from this quantity, unit price)."""
    return [{"min_quantity": quantity, "unit_price": price} for quantity, price in steps]


LISTINGS = [
    # Shenzhen Brightway Electronics (CN)
    DemoListing("brightway", PUBLISHED, {
        "title": "18W round LED panel light, 3000K-6500K, recessed", "hs_code": "940511",
        "description": "Slim aluminium downlight with 90 lm/W SMD2835 chips, flicker-free driver, 3-year warranty.",
        "keywords": ["led panel", "downlight", "ceiling light"], "certifications": ["CE", "RoHS", "UL"],
        "specs": {"power": "18 W", "luminous flux": "1620 lm", "CRI": ">80", "cutout": "205 mm"},
        "supply_capacity_per_month": "200000", **_offer("1000", "piece", "2.10", "3.40", "USD", "FOB", "Shenzhen", 25),
        "price_tiers": _tiers(("1000", "3.40"), ("5000", "2.80"), ("20000", "2.10")),
        "translations": {
            "zh-Hans": {"title": "18W 圆形 LED 面板灯，3000K-6500K，嵌入式",
                        "description": "超薄铝制筒灯，SMD2835 灯珠 90 lm/W，无频闪驱动，质保 3 年。"},
            "es": {"title": "Panel LED redondo de 18 W, 3000K-6500K, empotrable",
                   "description": "Downlight fino de aluminio con chips SMD2835 de 90 lm/W, driver sin parpadeo, "
                                  "3 años de garantía."}},
    }),
    DemoListing("brightway", PUBLISHED, {
        "title": "65W GaN USB-C PD fast charger, 3 ports", "hs_code": "850440",
        "description": "Two USB-C and one USB-A port, PD 3.0 and PPS, foldable plug, US/EU/UK versions.",
        "keywords": ["gan charger", "usb-c charger", "power delivery"], "certifications": ["CE", "FCC", "UKCA"],
        "specs": {"output": "65 W max", "ports": "2x USB-C, 1x USB-A", "input": "100-240 V AC"},
        "supply_capacity_per_month": "150000", **_offer("500", "piece", "6.80", "8.90", "USD", "FOB", "Shenzhen", 20),
        "price_tiers": _tiers(("500", "8.90"), ("2000", "7.60"), ("10000", "6.80")),
        "translations": {
            "zh-Hans": {"title": "65W 氮化镓 USB-C PD 快充充电器，3 口",
                        "description": "两个 USB-C 口和一个 USB-A 口，支持 PD 3.0 与 PPS，折叠插脚，美规/欧规/英规。"},
            "es": {"title": "Cargador rápido GaN USB-C PD de 65 W, 3 puertos"}},
    }),
    DemoListing("brightway", PUBLISHED, {
        "title": "TWS Bluetooth 5.3 earbuds with ANC", "hs_code": "851830",
        "description": "Active noise cancelling true wireless earbuds, 30 h battery with case, custom logo.",
        "keywords": ["tws earbuds", "bluetooth earphones", "anc"], "certifications": ["CE", "FCC", "RoHS"],
        "specs": {"bluetooth": "5.3", "battery": "40 mAh + 400 mAh case", "waterproof": "IPX5"},
        **_offer("1000", "pair", "7.50", "11.00", "USD", "FOB", "Shenzhen", 30),
        "translations": {"zh-Hans": {"title": "TWS 蓝牙 5.3 主动降噪耳机",
                                     "description": "主动降噪真无线耳机，含充电盒续航 30 小时，可定制标志。"}},
    }),
    DemoListing("brightway", PUBLISHED, {
        "title": "20000mAh power bank with 22.5W fast charge", "hs_code": "850760",
        "description": "Lithium-ion polymer power bank with LED display; UN38.3 tested, air and sea shipment.",
        "keywords": ["power bank", "portable charger"], "certifications": ["CE", "UN38.3", "MSDS"],
        "specs": {"capacity": "20000 mAh", "cell": "Li-polymer", "output": "22.5 W"},
        **_offer("500", "piece", "8.20", "10.50", "USD", "FOB", "Shenzhen", 25),
    }),
    DemoListing("brightway", PUBLISHED, {
        "title": "550W monocrystalline PERC solar module, half-cut", "hs_code": "854143",
        "description": "144 half-cut cells, 21.3% efficiency, 25-year linear power warranty, 35 mm frame.",
        "keywords": ["solar panel", "pv module", "mono perc"], "certifications": ["IEC 61215", "IEC 61730", "CE"],
        "specs": {"power": "550 W", "efficiency": "21.3%", "size": "2279 x 1134 x 35 mm"},
        "supply_capacity_per_month": "60000", **_offer("300", "piece", "58.00", "66.00", "USD", "CIF", "Ningbo", 30),
    }),
    DemoListing("brightway", DRAFT, {
        "title": "6.1 inch 4G rugged smartphone, IP68", "hs_code": "851713",
        "description": "Android 13 rugged phone with 8000 mAh battery, for logistics and field service fleets.",
        "keywords": ["rugged phone", "ip68 smartphone"], "certifications": ["CE", "FCC"],
        **_offer("200", "piece", "95.00", "120.00", "USD", "FOB", "Shenzhen", 35),
    }),
    # Mekong Harvest Export (VN)
    DemoListing("mekong", PUBLISHED, {
        "title": "Cashew kernels W320, white whole", "hs_code": "080132",
        "description": "Grade W320 cashew kernels, moisture below 5%, vacuum packed in 2 x 11.34 kg tins per carton.",
        "keywords": ["cashew nuts", "w320", "cashew kernels"], "certifications": ["HACCP", "BRCGS", "Kosher"],
        "specs": {"grade": "W320", "moisture": "max 5%", "packing": "2 x 11.34 kg tins/carton"},
        **_offer("15", "metric_ton", "6200", "6900", "USD", "FOB", "Ho Chi Minh City", 21),
    }),
    DemoListing("mekong", PUBLISHED, {
        "title": "Robusta green coffee beans Grade 1, screen 18", "hs_code": "090111",
        "description": "Wet-polished robusta from the Central Highlands, black and broken max 2%, new crop.",
        "keywords": ["robusta", "green coffee", "coffee beans"], "certifications": ["Rainforest Alliance"],
        "specs": {"screen": "18", "moisture": "max 12.5%", "black and broken": "max 2%"},
        **_offer("19", "metric_ton", "4100", "4500", "USD", "FOB", "Ho Chi Minh City", 30),
    }),
    DemoListing("mekong", PUBLISHED, {
        "title": "Black pepper 500 g/l, cleaned and sorted", "hs_code": "090411",
        "description": "Machine-cleaned black pepper from Dak Lak, steam sterilisation available on request.",
        "keywords": ["black pepper", "peppercorn", "spices"], "certifications": ["HACCP", "ISO 22000"],
        "specs": {"density": "500 g/l", "moisture": "max 13%", "packing": "25 kg PP bags"},
        **_offer("12", "metric_ton", "3900", "4300", "USD", "FOB", "Ho Chi Minh City", 20),
    }),
    DemoListing("mekong", PUBLISHED, {
        "title": "Jasmine fragrant rice, 5% broken", "hs_code": "100630",
        "description": "KDM jasmine rice, double polished and sortexed, 25 kg or 50 kg bags with private label.",
        "keywords": ["jasmine rice", "fragrant rice", "white rice"], "certifications": ["HACCP"],
        "specs": {"broken": "max 5%", "moisture": "max 14%", "length": "min 6.7 mm"},
        **_offer("100", "metric_ton", "560", "640", "USD", "FOB", "Ho Chi Minh City", 25),
    }),
    DemoListing("mekong", PUBLISHED, {
        "title": "Frozen vannamei shrimp HLSO, IQF", "hs_code": "030617",
        "description": "Headless shell-on whiteleg shrimp, sizes 16/20 to 41/50, IQF with 10% glazing.",
        "keywords": ["vannamei", "frozen shrimp", "seafood"], "certifications": ["BAP", "ASC", "HACCP"],
        "specs": {"sizes": "16/20 - 41/50", "glazing": "10%", "packing": "10 x 1 kg/carton"},
        **_offer("10", "metric_ton", "7800", "9600", "USD", "CFR", "Ho Chi Minh City", 30),
    }),
    DemoListing("mekong", PENDING, {
        "title": "Acacia wood outdoor dining set, 7 pieces", "hs_code": "940360",
        "description": "FSC acacia table and six folding chairs, oil finish, knock-down packing for 40HQ loading.",
        "keywords": ["garden furniture", "acacia", "outdoor dining"], "certifications": ["FSC"],
        **_offer("100", "set", "180", "240", "USD", "FOB", "Quy Nhon", 60),
    }),
    # Coromandel Textiles (IN)
    DemoListing("coromandel", PUBLISHED, {
        "title": "Ne 20/1 carded cotton yarn for knitting", "hs_code": "520512",
        "description": "100% cotton ring-spun yarn on 1.89 kg cones, contamination controlled, waxed for knitting.",
        "keywords": ["cotton yarn", "carded yarn", "ring spun"], "certifications": ["OEKO-TEX Standard 100"],
        "specs": {"count": "Ne 20/1", "twist": "knitting", "cone weight": "1.89 kg"},
        **_offer("10", "metric_ton", "2650", "2900", "USD", "FOB", "Chennai", 21),
    }),
    DemoListing("coromandel", PUBLISHED, {
        "title": "300 thread count cotton percale sheet set", "hs_code": "630231",
        "description": "Fitted sheet, flat sheet and two pillowcases, reactive dyed, sizes from twin to king.",
        "keywords": ["bed sheets", "percale", "bed linen"], "certifications": ["GOTS", "OEKO-TEX Standard 100"],
        "specs": {"thread count": "300", "fabric": "100% cotton percale", "sizes": "twin, full, queen, king"},
        **_offer("1000", "set", "11.50", "18.00", "USD", "FOB", "Chennai", 45),
    }),
    DemoListing("coromandel", PUBLISHED, {
        "title": "Terry bath towels 600 GSM, ring spun cotton", "hs_code": "630260",
        "description": "Zero-twist pile bath towels with dobby border, 70 x 140 cm, custom colours from 500 pcs.",
        "keywords": ["bath towels", "terry towel"], "certifications": ["OEKO-TEX Standard 100", "BSCI"],
        "specs": {"weight": "600 GSM", "size": "70 x 140 cm"},
        **_offer("2000", "piece", "3.20", "4.10", "USD", "FOB", "Tuticorin", 40),
    }),
    DemoListing("coromandel", PUBLISHED, {
        "title": "Salem turmeric fingers, polished, 3% curcumin", "hs_code": "091030",
        "description": "Double-polished turmeric fingers, sortexed, packed in 50 kg jute bags.",
        "keywords": ["turmeric", "curcuma", "haldi"], "certifications": ["FSSAI", "ISO 22000"],
        "specs": {"curcumin": "min 3%", "moisture": "max 10%"},
        **_offer("5", "metric_ton", "1900", "2300", "USD", "FOB", "Chennai", 15),
    }),
    DemoListing("coromandel", PUBLISHED, {
        "title": "1121 basmati rice, steam, extra long grain", "hs_code": "100630",
        "description": "Aged 1121 steam basmati, average grain length 8.35 mm, in 5, 10 or 25 kg bags.",
        "keywords": ["basmati rice", "1121", "long grain rice"], "certifications": ["APEDA", "HACCP"],
        "specs": {"grain length": "8.35 mm", "broken": "max 1%", "moisture": "max 12%"},
        **_offer("25", "metric_ton", "1050", "1200", "USD", "FOB", "Mundra", 20),
    }),
    # Anatolia Kitchen & Food (TR)
    DemoListing("anatolia", PUBLISHED, {
        "title": "Tri-ply stainless steel cookware set, 10 pieces", "hs_code": "732393",
        "description": "18/10 stainless body with aluminium core, induction ready, tempered glass lids.",
        "keywords": ["cookware set", "stainless steel pots", "induction"], "certifications": ["LFGB", "ISO 9001"],
        "specs": {"material": "18/10 stainless, 3-ply", "pieces": "10", "dishwasher safe": "yes"},
        **_offer("300", "set", "34.00", "46.00", "USD", "FOB", "Izmir", 35),
    }),
    DemoListing("anatolia", PUBLISHED, {
        "title": "Sun-dried Malatya apricots No. 4, sulphured", "hs_code": "081310",
        "description": "Whole pitted apricots from Malatya, size No. 4 (120-130 pcs/kg), 12.5 kg cartons.",
        "keywords": ["dried apricots", "malatya"], "certifications": ["BRCGS", "IFS Food"],
        "specs": {"size": "No. 4, 120-130 pcs/kg", "moisture": "max 25%"},
        **_offer("5", "metric_ton", "5200", "5900", "EUR", "FOB", "Mersin", 14),
    }),
    DemoListing("anatolia", PUBLISHED, {
        "title": "Natural hazelnut kernels 11-13 mm, new crop", "hs_code": "080222",
        "description": "Giresun quality hazelnut kernels, calibrated 11-13 mm, vacuum packed 2 x 25 kg.",
        "keywords": ["hazelnuts", "filberts", "nut kernels"], "certifications": ["BRCGS", "Kosher", "Halal"],
        "specs": {"caliber": "11-13 mm", "aflatoxin": "EU compliant"},
        **_offer("10", "metric_ton", "6800", "7600", "EUR", "FOB", "Mersin", 21),
    }),
    DemoListing("anatolia", PUBLISHED, {
        "title": "Aegean extra virgin olive oil, cold pressed", "hs_code": "150920",
        "description": "Ayvalik variety, acidity below 0.5%, in 1 l glass bottles or 5 l tins, private label.",
        "keywords": ["olive oil", "extra virgin", "evoo"], "certifications": ["IFS Food", "Halal"],
        "specs": {"acidity": "max 0.5%", "variety": "Ayvalik", "packing": "1 l glass, 5 l tin"},
        **_offer("2000", "litre", "6.40", "8.10", "EUR", "FOB", "Izmir", 20),
    }),
    DemoListing("anatolia", PUBLISHED, {
        "title": "Porcelain dinnerware set, 24 pieces, hotel grade", "hs_code": "691110",
        "description": "Hard porcelain plates and bowls, chip-resistant rolled edge, microwave and dishwasher safe.",
        "keywords": ["dinnerware", "porcelain", "horeca"], "certifications": ["LFGB"],
        **_offer("500", "set", "22.00", "29.00", "EUR", "EXW", "Kutahya", 30),
    }),
    DemoListing("anatolia", DRAFT, {
        "title": "Turkish cotton peshtemal beach towels", "hs_code": "630260",
        "description": "Hand-loomed flat-weave towels with tassels, 90 x 180 cm, 20 stripe patterns.",
        "keywords": ["peshtemal", "beach towel", "hammam towel"],
        **_offer("500", "piece", "5.50", "7.00", "EUR", "FOB", "Izmir", 30),
    }),
    # Rheinwerk Antriebstechnik (DE)
    DemoListing("rheinwerk", PUBLISHED, {
        "title": "End-suction centrifugal process pump, stainless steel", "hs_code": "841370",
        "description": "ISO 5199 pumps in 1.4408 stainless for chemicals and water treatment, up to 400 m3/h.",
        "keywords": ["centrifugal pump", "process pump", "iso 5199"], "certifications": ["ATEX", "CE"],
        "specs": {"flow": "up to 400 m3/h", "head": "up to 150 m", "material": "1.4408"},
        **_offer("1", "piece", "2800", "14500", "EUR", "EXW", "Stuttgart", 42),
    }),
    DemoListing("rheinwerk", PUBLISHED, {
        "title": "Deep groove ball bearings 6204-2RS, C3", "hs_code": "848210",
        "description": "Sealed single-row bearings, chrome steel, low-noise grease, for motors and pumps.",
        "keywords": ["ball bearing", "6204", "deep groove"], "certifications": ["ISO 9001"],
        "specs": {"bore": "20 mm", "outer diameter": "47 mm", "width": "14 mm", "clearance": "C3"},
        "supply_capacity_per_month": "500000", **_offer("1000", "piece", "0.95", "1.40", "EUR", "FCA", "Hamburg", 14),
    }),
    DemoListing("rheinwerk", PUBLISHED, {
        "title": "Stainless steel ball valve DN50, PN40, flanged", "hs_code": "848180",
        "description": "Full-bore 3-piece ball valve with ISO 5211 mounting pad for pneumatic actuators.",
        "keywords": ["ball valve", "dn50", "industrial valve"], "certifications": ["PED 2014/68/EU", "CE"],
        "specs": {"size": "DN50", "pressure": "PN40", "body": "1.4408"},
        **_offer("20", "piece", "145", "210", "EUR", "FCA", "Stuttgart", 28),
    }),
    DemoListing("rheinwerk", PUBLISHED, {
        "title": "Helical gearbox, 2-stage, ratio 5:1 to 60:1", "hs_code": "848340",
        "description": "Cast-iron helical gear units for conveyors and mixers, IEC motor flange, 95% efficiency.",
        "keywords": ["gearbox", "helical gear", "speed reducer"], "certifications": ["ISO 9001"],
        "specs": {"torque": "up to 4000 Nm", "ratio": "5:1 - 60:1"},
        **_offer("5", "piece", "620", "2400", "EUR", "EXW", "Stuttgart", 35),
    }),
    DemoListing("rheinwerk", PENDING, {
        "title": "Hydraulic external gear pump, 16 cc/rev", "hs_code": "841360",
        "description": "Aluminium-body gear pump for mobile hydraulics, SAE flange, up to 250 bar.",
        "keywords": ["gear pump", "hydraulic pump"],
        **_offer("50", "piece", "85", "120", "EUR", "FCA", "Stuttgart", 21),
    }),
    # Agroindustrias Jalisco (MX)
    DemoListing("jalisco", PUBLISHED, {
        "title": "Fresh Hass avocados, calibre 48-60", "hs_code": "080440",
        "description": "Hass avocados from Jalisco orchards, dry matter above 23%, 10 kg cartons, reefer loads.",
        "keywords": ["avocado", "hass", "fresh fruit"], "certifications": ["GLOBALG.A.P.", "PrimusGFS"],
        "specs": {"calibre": "48-60", "dry matter": "min 23%", "packing": "10 kg carton"},
        **_offer("1", "container_40ft", "38000", "46000", "USD", "FOB", "Manzanillo", 7),
    }),
    DemoListing("jalisco", PUBLISHED, {
        "title": "Tequila blanco 100% agave, 750 ml", "hs_code": "220890",
        "description": "Double-distilled highland tequila, NOM certified, bulk or bottled under your brand.",
        "keywords": ["tequila", "agave spirit", "private label"], "certifications": ["NOM-006-SCFI", "CRT"],
        "specs": {"alcohol": "38-40% vol", "packing": "12 x 750 ml per carton"},
        **_offer("200", "carton", "78", "110", "USD", "FOB", "Manzanillo", 30),
    }),
    DemoListing("jalisco", PUBLISHED, {
        "title": "Roma tomatoes, greenhouse grown", "hs_code": "070200",
        "description": "Saladette tomatoes packed in 25 lb cartons, year-round supply for US distributors.",
        "keywords": ["tomatoes", "roma", "saladette"], "certifications": ["GLOBALG.A.P."],
        **_offer("1", "container_40ft", "14000", "19000", "USD", "FCA", "Nogales", 3),
    }),
    DemoListing("jalisco", PUBLISHED, {
        "title": "Raw multifloral honey, in 300 kg drums", "hs_code": "040900",
        "description": "Unheated honey from Jalisco highlands, HMF below 15 mg/kg, lab report per lot.",
        "keywords": ["honey", "raw honey", "bulk honey"], "certifications": ["SENASICA", "Kosher"],
        "specs": {"moisture": "max 18.5%", "HMF": "max 15 mg/kg", "packing": "300 kg steel drums"},
        **_offer("20", "metric_ton", "3100", "3600", "USD", "FOB", "Manzanillo", 20),
    }),
    DemoListing("jalisco", PUBLISHED, {
        "title": "Persian seedless limes, size 175-230", "hs_code": "080550",
        "description": "Bright green Persian limes, waxed, packed in 40 lb cartons for the US and Canada.",
        "keywords": ["limes", "persian lime", "citrus"], "certifications": ["GLOBALG.A.P."],
        **_offer("1", "container_40ft", "16000", "22000", "USD", "FCA", "Laredo", 5),
    }),
    DemoListing("jalisco", PUBLISHED, {
        "title": "Ceramic disc brake pads for passenger cars", "hs_code": "870830",
        "description": "Low-dust ceramic brake pads for 900+ North American applications, ECE R90 tested.",
        "keywords": ["brake pads", "auto parts", "ceramic pads"], "certifications": ["IATF 16949", "ECE R90"],
        **_offer("500", "set", "6.50", "12.00", "USD", "FCA", "Guadalajara", 30),
    }),
    # Dhaka Apparel Works (BD)
    DemoListing("dhaka", PUBLISHED, {
        "title": "Men's crew-neck T-shirt, 180 GSM combed cotton", "hs_code": "610910",
        "description": "Single jersey basic tee, reactive dyed, side-seamed, your label and hang tag.",
        "keywords": ["t-shirt", "basic tee", "cotton tee"], "certifications": ["BSCI", "WRAP", "OEKO-TEX Standard 100"],
        "specs": {"fabric": "100% combed cotton single jersey", "weight": "180 GSM", "sizes": "S-XXL"},
        "supply_capacity_per_month": "400000",
        **_offer("3000", "piece", "1.85", "2.60", "USD", "FOB", "Chittagong", 60),
        "price_tiers": _tiers(("3000", "2.60"), ("10000", "2.15"), ("50000", "1.85")),
    }),
    DemoListing("dhaka", PUBLISHED, {
        "title": "Men's 5-pocket stretch denim jeans, 12 oz", "hs_code": "620342",
        "description": "Slim and regular fits, enzyme and stone wash in-house, 98% cotton 2% elastane.",
        "keywords": ["denim jeans", "men's jeans"], "certifications": ["BSCI", "WRAP"],
        "specs": {"fabric": "12 oz stretch denim", "fits": "slim, regular", "sizes": "28-40"},
        **_offer("2000", "piece", "6.90", "9.50", "USD", "FOB", "Chittagong", 75),
    }),
    DemoListing("dhaka", PUBLISHED, {
        "title": "Jute hessian sacks, 50 kg, food grade", "hs_code": "630510",
        "description": "Hydrocarbon-free jute bags for coffee, cocoa and grains; custom printing available.",
        "keywords": ["jute bags", "hessian sacks", "gunny bags"], "certifications": ["IJO food grade"],
        "specs": {"size": "70 x 100 cm", "weight": "750 g", "capacity": "50 kg"},
        **_offer("10000", "piece", "0.85", "1.20", "USD", "FOB", "Chittagong", 30),
    }),
    DemoListing("dhaka", PUBLISHED, {
        "title": "Cotton knit crew-neck pullover, 12 GG", "hs_code": "611020",
        "description": "Fully fashioned sweaters in 100% cotton, 12 gauge, garment dyed in 15 colours.",
        "keywords": ["sweater", "pullover", "knitwear"], "certifications": ["BSCI"],
        **_offer("1500", "piece", "5.20", "7.40", "USD", "FOB", "Chittagong", 70),
    }),
    DemoListing("dhaka", PUBLISHED, {
        "title": "Men's pique polo shirt, 220 GSM", "hs_code": "610510",
        "description": "Cotton pique polo with flat-knit collar and 3-button placket; embroidery on request.",
        "keywords": ["polo shirt", "pique polo", "corporate wear"], "certifications": ["BSCI", "WRAP"],
        **_offer("2000", "piece", "3.40", "4.60", "USD", "FOB", "Chittagong", 60),
    }),
    DemoListing("dhaka", PENDING, {
        "title": "Women's cotton jersey shorts", "hs_code": "610462",
        "description": "Pull-on shorts with drawcord, 95% cotton 5% spandex, sizes XS-XL.",
        "keywords": ["women's shorts", "jersey shorts"],
        **_offer("3000", "piece", "1.60", "2.30", "USD", "FOB", "Chittagong", 60),
    }),
]
