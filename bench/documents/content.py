"""What a generated document says: the person, the fees or the receipt, and how it is worded.

Everything is drawn from one ``random.Random`` per document, so a seed and an index give the
same document on every machine. ``held_out`` draws from a few more layouts, wordings and
number styles than the development set has (the benchmark's "documents never seen").
``fresh`` draws only from variations that neither of those sets has (the blind set): other
column orders and layouts, short and abbreviated dates, other amount styles, other wordings of
the sum, and other names."""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import date, timedelta
from decimal import Decimal

from stdnum.no import orgnr

# The exemption card limit (egenandelstak) by year: /work/shared/spec/schemes.md
# (2024: 3,165; 2025: 3,278 from helsenorge.no; 2026: 3,278 assumed the same as 2025).
EXEMPTION_CARD_LIMIT = {2024: Decimal(3165), 2025: Decimal(3278), 2026: Decimal(3278)}
YEARS = tuple(EXEMPTION_CARD_LIMIT)

FIRST_NAMES = (
    "Kari", "Ingrid", "Sindre", "Øystein", "Åse", "Bjørn", "Agnieszka", "Łukasz", "Jonas",
    "Siobhán", "Zoë", "Frédéric", "José", "Ayşe", "Søren", "Mathilde", "Håkon", "Trygve",
    "Marte", "Ólafur", "Dóra", "Thảo", "Mikołaj", "Jürgen", "Émilie", "Aleksander", "Sunniva",
)  # fmt: skip
MIDDLE_NAMES = ("Marie", "Johan", "Kristine", "Elías", "Andrzej", "Solveig")
SURNAMES = (
    "Sæther", "Øverås", "Łukaszewicz", "Müller", "Nguyễn", "Ó Briain", "Ødegård", "Bråten",
    "Lindqvist", "Hansen", "Kowalczyk", "Şahin", "Dvořák", "Jørgensen", "Haugland", "Fjærli",
    "García López", "Ødegård-Lie", "Strøm", "Aamodt", "Brennhovd", "Sigurðardóttir",
)  # fmt: skip
HELD_OUT_SURNAMES = ("Håløygen", "Wójcik", "Ærø", "Grønnæs", "Þórsdóttir", "Lê Văn")
FRESH_FIRST_NAMES = (
    "Małgorzata", "Ñuria", "Ýr", "Göran", "Anaïs", "Ştefan", "Bjørg-Åse", "Željka", "Þóra",
    "Kristóf", "Eiður", "Åsmund", "Niamh", "Renée",
)  # fmt: skip
FRESH_SURNAMES = (
    "Ødegård-Nilsen", "Skłodowska", "Ñúñez", "Dvořáková", "Çelik", "Šimek", "Brynjólfsdóttir",
    "Kääriäinen", "Østergaard-Vik", "Van der Heyden", "Grøttå", "Fernández de Córdoba",
)  # fmt: skip
PLACES = (
    "Tromsø", "Bodø", "Ås", "Sandnes", "Grünerløkka", "Majorstuen", "Sjøsiden", "Trondheim",
    "Bærum", "Lillestrøm", "Førde", "Ålesund", "Sagene", "Gjøvik",
)  # fmt: skip
HOSPITALS = (
    "Oslo universitetssykehus", "Haukeland universitetssjukehus", "St. Olavs hospital",
    "Sykehuset Innlandet", "Universitetssykehuset Nord-Norge", "Akershus universitetssykehus",
)  # fmt: skip
DEPARTMENTS = {
    "nb": ("ortopedi", "hudsykdommer", "øre-nese-hals", "nevrologi", "gynekologi"),
    "nn": ("ortopedi", "hudsjukdomar", "øyre-nase-hals", "nevrologi", "gynekologi"),
    "en": ("orthopaedics", "dermatology", "ear, nose and throat", "neurology", "gynaecology"),
}
PHARMACIES = ("Apotek 1", "Vitusapotek", "Boots apotek", "Ditt Apotek")
THERAPISTS = ("Anne Berg", "Per Ødegaard", "Lise Hætta", "Marius Østby", "Nora Kvålsvoll")


@dataclass(frozen=True, slots=True)
class Fee:
    """One user fee paid: a line of the overview."""

    day: date
    amount: Decimal
    provider: str
    service: str


@dataclass(frozen=True, slots=True)
class Overview:
    """helsenorge's overview of user fees paid in one year, as a person sees it."""

    name: str
    birth_date: date
    year: int
    language: str
    """nb (bokmål), nn (nynorsk) or en."""
    layout: str
    amount_style: str
    wording: int
    """Which of the language's wordings of the headings and the total (0: the usual one)."""
    newest_first: bool
    printed_at: date
    fees: tuple[Fee, ...]
    date_style: str = "numeric"
    """numeric (12.03.2025), short (12.03.25) or abbreviated (12. mar. 2025)."""

    @property
    def total(self) -> Decimal:
        return sum((fee.amount for fee in self.fees), Decimal("0.00"))

    @property
    def limit(self) -> Decimal:
        return EXEMPTION_CARD_LIMIT[self.year]


@dataclass(frozen=True, slots=True)
class Item:
    code: str
    text: str
    amount: Decimal


@dataclass(frozen=True, slots=True)
class Receipt:
    """A provider's receipt for one visit, itemised or with a single total."""

    patient: str
    birth_date: date
    language: str
    layout: str
    amount_style: str
    profession: str
    """psychologist, dentist, physiotherapist, chiropractor or naprapath."""
    provider: str
    organisation_number: str
    address: str
    day: date
    items: tuple[Item, ...]
    itemised: bool
    invoice_number: int
    account: str
    phone: str
    date_style: str = "numeric"

    @property
    def total(self) -> Decimal:
        return sum((item.amount for item in self.items), Decimal("0.00"))

    @property
    def service(self) -> str:
        return SERVICE_NAMES[self.profession][self.language]


SERVICE_NAMES = {
    "gp": {"nb": "Fastlege", "nn": "Fastlege", "en": "GP"},
    "gp_video": {"nb": "Fastlege, video", "nn": "Fastlege, video", "en": "GP, video"},
    "emergency": {"nb": "Legevakt", "nn": "Legevakt", "en": "Emergency clinic"},
    "psychologist": {"nb": "Psykolog", "nn": "Psykolog", "en": "Psychologist"},
    "physiotherapist": {"nb": "Fysioterapeut", "nn": "Fysioterapeut", "en": "Physiotherapist"},
    "radiology": {"nb": "Røntgen", "nn": "Røntgen", "en": "Radiology"},
    "outpatient": {"nb": "Poliklinikk", "nn": "Poliklinikk", "en": "Outpatient clinic"},
    "pharmacy": {"nb": "Apotek (blåresept)", "nn": "Apotek (blåresept)", "en": "Pharmacy"},
    "lab": {"nb": "Laboratorieprøver", "nn": "Laboratorieprøver", "en": "Laboratory tests"},
    "dentist": {"nb": "Tannlege", "nn": "Tannlege", "en": "Dentist"},
    "chiropractor": {"nb": "Kiropraktor", "nn": "Kiropraktor", "en": "Chiropractor"},
    "naprapath": {"nb": "Naprapat", "nn": "Naprapat", "en": "Naprapath"},
}
# Fees by year: 2024 and 2025 near the published rates, 2026 a little higher (assumed).
FEE_BY_YEAR = {
    "gp": ("172.00", "179.00", "185.00"),
    "gp_video": ("125.00", "129.00", "133.00"),
    "emergency": ("295.00", "307.00", "315.00"),
    "psychologist": ("397.00", "411.00", "425.00"),
    "physiotherapist": ("264.00", "287.00", "298.00"),
    "radiology": ("281.00", "289.00", "300.00"),
    "outpatient": ("375.00", "385.00", "400.00"),
    "lab": ("61.00", "65.00", "68.00"),
}
FEE_WEIGHTS = {
    "gp": 30, "gp_video": 6, "emergency": 6, "psychologist": 12, "physiotherapist": 10,
    "radiology": 6, "outpatient": 10, "pharmacy": 16, "lab": 4,
}  # fmt: skip
CHEAP_FEE_WEIGHTS = {"gp": 4, "gp_video": 10, "pharmacy": 14, "lab": 12}

OVERVIEW_LAYOUTS = ("web", "table", "cards")
HELD_OUT_OVERVIEW_LAYOUTS = ("monthly",)
RECEIPT_LAYOUTS = ("letter", "slip")
HELD_OUT_RECEIPT_LAYOUTS = ("invoice",)
AMOUNT_STYLES = {"nb": ("kr_after", "kr_before", "plain"), "en": ("nok", "kr_after")}
HELD_OUT_AMOUNT_STYLES = {"nb": ("dash",), "en": ("nok_space",)}
# Only in the fresh (blind) set.
FRESH_OVERVIEW_LAYOUTS = ("amount_first", "banded", "tablet")
FRESH_RECEIPT_LAYOUTS = ("till",)
FRESH_AMOUNT_STYLES = {"nb": ("kr_dots", "bare"), "en": ("kr_dots", "bare")}
FRESH_DATE_STYLES = ("short", "abbreviated")
FRESH_WORDINGS = (3, 4)
PROFESSIONS = ("psychologist", "dentist", "physiotherapist", "chiropractor", "naprapath")


def person_name(rng: random.Random, *, held_out: bool, fresh: bool = False) -> str:
    surnames = SURNAMES + HELD_OUT_SURNAMES if held_out else SURNAMES
    if fresh:
        first = rng.choice(FIRST_NAMES + FRESH_FIRST_NAMES)
        middle = rng.choice(MIDDLE_NAMES) if rng.random() < 0.2 else ""
        return " ".join(filter(None, (first, middle, rng.choice(FRESH_SURNAMES))))
    parts = [rng.choice(FIRST_NAMES)]
    if rng.random() < 0.2:
        parts.append(rng.choice(MIDDLE_NAMES))
    parts.append(rng.choice(surnames))
    return " ".join(parts)


def birth_date(rng: random.Random) -> date:
    return date(1994, 1, 1) + timedelta(days=rng.randrange(365 * 10))


def language(rng: random.Random) -> str:
    return rng.choices(("nb", "nn", "en"), weights=(5, 2, 3))[0]


def amount_style(rng: random.Random, language: str, *, held_out: bool, fresh: bool = False) -> str:
    key = "en" if language == "en" else "nb"
    if fresh:
        return rng.choice(FRESH_AMOUNT_STYLES[key])
    styles = AMOUNT_STYLES[key] + (HELD_OUT_AMOUNT_STYLES[key] if held_out else ())
    return rng.choice(styles)


def overview(
    rng: random.Random,
    *,
    held_out: bool,
    layout: str | None = None,
    fee_count: int | None = None,
    fresh: bool = False,
) -> Overview:
    """A year's overview of fees paid, below the exemption card limit."""
    year = rng.choice(YEARS)
    lang = language(rng)
    layouts = OVERVIEW_LAYOUTS + (HELD_OUT_OVERVIEW_LAYOUTS if held_out else ())
    if fresh:
        layouts = FRESH_OVERVIEW_LAYOUTS
    chosen = layout or rng.choice(layouts)
    count = fee_count or rng.choice((1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 22, 30, 38, 44))
    fees = _fees(rng, year=year, language=lang, count=count)
    last = max(fee.day for fee in fees)
    printed_at = last + timedelta(days=rng.randrange(1, 60))
    if fresh:
        return Overview(
            name=person_name(rng, held_out=held_out, fresh=True),
            birth_date=birth_date(rng),
            year=year,
            language=lang,
            layout=chosen,
            amount_style=amount_style(rng, lang, held_out=held_out, fresh=True),
            wording=rng.choice(FRESH_WORDINGS),
            newest_first=rng.random() < 0.5,
            printed_at=printed_at,
            fees=fees,
            date_style=rng.choice(FRESH_DATE_STYLES),
        )
    return Overview(
        name=person_name(rng, held_out=held_out),
        birth_date=birth_date(rng),
        year=year,
        language=lang,
        layout=chosen,
        amount_style=amount_style(rng, lang, held_out=held_out),
        wording=rng.choice((0, 0, 1, 2) if held_out else (0, 0, 1)),
        newest_first=chosen in ("cards", "table") and rng.random() < 0.5,
        printed_at=printed_at,
        fees=fees,
    )


def _fees(rng: random.Random, *, year: int, language: str, count: int) -> tuple[Fee, ...]:
    limit = EXEMPTION_CARD_LIMIT[year]
    # A long year under the limit is many small fees: tests, video consultations, medicines.
    mix = FEE_WEIGHTS if count < 16 else CHEAP_FEE_WEIGHTS
    kinds, weights = zip(*mix.items(), strict=True)
    days = sorted(date(year, 1, 1) + timedelta(days=rng.randrange(340)) for _ in range(count))
    fees: list[Fee] = []
    paid = Decimal(0)
    gp_office = f"Legesenteret {rng.choice(PLACES)}"
    for day in days:
        kind = rng.choices(kinds, weights=weights)[0]
        amount = _fee_amount(rng, kind, year, cheap=count >= 16)
        if paid + amount >= limit:
            break
        paid += amount
        provider = _fee_provider(rng, kind, language, gp_office)
        fees.append(Fee(day, amount, provider, _fee_service(rng, kind, language)))
    return tuple(fees)


def _fee_amount(rng: random.Random, kind: str, year: int, *, cheap: bool) -> Decimal:
    if kind == "pharmacy" and cheap:
        return Decimal(rng.randrange(1500, 8000)) / 100
    if kind == "pharmacy":
        # 50 % of the price (before 2025: 39 %), at most 520 kroner a prescription.
        return min(Decimal(rng.randrange(4000, 60000)) / 100, Decimal("520.00"))
    return Decimal(FEE_BY_YEAR[kind][YEARS.index(year)])


def _fee_provider(rng: random.Random, kind: str, language: str, gp_office: str) -> str:
    place = rng.choice(PLACES)
    match kind:
        case "gp" | "gp_video":
            return gp_office
        case "emergency":
            return rng.choice(("Oslo legevakt", f"Legevakta i {place}", f"{place} legevakt"))
        case "psychologist":
            return f"Psykologspesialist {rng.choice(THERAPISTS)}"
        case "physiotherapist":
            return f"{place} Fysioterapi"
        case "radiology":
            return rng.choice((f"Unilabs Røntgen {place}", f"Aleris Røntgen {place}"))
        case "outpatient":
            return rng.choice(HOSPITALS)
        case "pharmacy":
            return f"{rng.choice(PHARMACIES)} {place}"
        case _:
            return "Fürst Medisinsk Laboratorium"


def _fee_service(rng: random.Random, kind: str, language: str) -> str:
    name = SERVICE_NAMES[kind][language]
    if kind == "outpatient":
        return f"{name} {rng.choice(DEPARTMENTS[language])}"
    return name


def organisation_number(rng: random.Random) -> str:
    """Nine digits with a valid mod-11 check digit (organisasjonsnummer)."""
    while True:
        body = str(rng.choice((8, 9))) + "".join(str(rng.randrange(10)) for _ in range(7))
        valid = [body + digit for digit in "0123456789" if orgnr.is_valid(body + digit)]
        if valid:  # no check digit exists when the weighted sum leaves remainder 1
            return valid[0]


RECEIPT_ITEMS = {
    "psychologist": (
        ("", "Samtale 45 min", "1450.00"), ("", "Samtale 60 min", "1750.00"),
        ("2a", "Egenandel psykolog", "411.00"), ("", "Utredning", "2200.00"),
    ),
    "dentist": (
        ("101", "Undersøkelse, diagnostikk", "710.00"),
        ("201", "Røntgen, bitewing 2 stk", "190.00"),
        ("301", "Puss og polering", "450.00"), ("401", "Fylling, 1 flate", "1150.00"),
        ("202", "Panoramarøntgen", "650.00"), ("601", "Lokalbedøvelse", "190.00"),
    ),
    "physiotherapist": (
        ("A2a", "Behandling hos fysioterapeut", "287.00"), ("", "Konsultasjon 60 min", "950.00"),
        ("A8", "Tillegg for trening", "95.00"),
    ),
    "chiropractor": (
        ("", "Førstegangskonsultasjon", "990.00"), ("", "Oppfølgende behandling", "650.00"),
        ("", "Røntgenvurdering", "300.00"),
    ),
    "naprapath": (
        ("", "Naprapatbehandling 30 min", "790.00"), ("", "Naprapatbehandling 45 min", "990.00"),
    ),
}  # fmt: skip
CLINICS = {
    "psychologist": ("Psykologene {place}", "{place} Psykologsenter", "Psykologspesialist {who}"),
    "dentist": ("Tannlegene {place}", "{place} Tannklinikk", "Colosseum Tannlege {place}"),
    "physiotherapist": ("{place} Fysioterapi", "Fysikalsk Institutt {place}"),
    "chiropractor": ("Kiropraktorsenteret {place}", "{place} Kiropraktikk"),
    "naprapath": ("Naprapatkliniken {place}", "{place} Naprapati"),
}


def receipt(
    rng: random.Random, *, held_out: bool, layout: str | None = None, fresh: bool = False
) -> Receipt:
    """A provider's receipt for one visit, paid the same day."""
    profession = rng.choice(PROFESSIONS)
    lang = rng.choices(("nb", "nn", "en"), weights=(6, 1, 3))[0]
    layouts = RECEIPT_LAYOUTS + (HELD_OUT_RECEIPT_LAYOUTS if held_out else ())
    if fresh:
        layouts = (*FRESH_RECEIPT_LAYOUTS, "letter")
    options = RECEIPT_ITEMS[profession]
    itemised = rng.random() < 0.75
    picked = rng.sample(options, k=rng.randint(1, min(3, len(options))))
    if profession in ("psychologist", "physiotherapist") and any(code for code, _, _ in picked):
        # A provider with a public contract charges the user fee (with its code), not a price.
        picked = [item for item in options if item[0]][: len(picked)]
    items = tuple(Item(code, text, Decimal(amount)) for code, text, amount in picked)
    if not itemised:
        total = sum((item.amount for item in items), Decimal("0.00"))
        treatment = {"en": "Treatment"}.get(lang, "Behandling")
        items = (Item("", treatment, total),)
    year = rng.choice(YEARS)
    place = rng.choice(PLACES)
    provider = rng.choice(CLINICS[profession]).format(place=place, who=rng.choice(THERAPISTS))
    street = rng.choice(("Storgata", "Kirkeveien", "Sjøgata", "Bogstadveien", "Løkkeveien"))
    return Receipt(
        patient=person_name(rng, held_out=held_out, fresh=fresh),
        birth_date=birth_date(rng),
        language=lang,
        layout=layout or rng.choice(layouts),
        amount_style=amount_style(rng, lang, held_out=held_out, fresh=fresh),
        profession=profession,
        provider=provider,
        organisation_number=organisation_number(rng),
        address=f"{street} {rng.randint(1, 120)}, {rng.randint(1000, 9990)} {place}",
        day=date(year, 1, 1) + timedelta(days=rng.randrange(360)),
        items=items,
        itemised=itemised,
        invoice_number=rng.randint(10000, 99999),
        account=f"{rng.randint(1000, 9999)}.{rng.randint(10, 99)}.{rng.randint(10000, 99999)}",
        phone=f"{rng.randint(21, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
        f"{rng.randint(10, 99)}",
        date_style=rng.choice(FRESH_DATE_STYLES) if fresh else "numeric",
    )
