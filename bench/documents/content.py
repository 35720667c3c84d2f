"""What a generated document says: the person, the fees or the receipt, and how it is worded.

Everything is drawn from one ``random.Random`` per document, so a seed and an index give the
same document on every machine. ``held_out`` draws from a few more layouts, wordings and
number styles than the development set has (the benchmark's "documents never seen").
``fresh`` draws only from variations that neither of those sets has (the first blind set):
other column orders and layouts, short and abbreviated dates, other amount styles, other
wordings of the sum, and other names. ``blind_overview`` and ``blind_receipt`` make the second
blind set, with only what none of the three has: an overview with the amount Helfo covered
beside the fee, one grouped by provider with subtotals, the app in dark mode, a period
instead of a year, ISO dates and dates with the weekday, whole kroner without decimals, names
printed surname first or in capitals (and names no other set has), a pharmacy's receipt for
prescriptions on blue prescription and an unpaid invoice with a KID number and a due date.
``blind3_overview`` and ``blind3_receipt`` make the third blind set, with only what none of the
four has: an overview over several pages with the sum carried forward, one with a status beside
each fee sorted by amount or provider, the app's list with that status, dates as "12. mars
2025", "March 12, 2025" or "12/03/2025", amounts as "179,00 NOK", "kr 179" or a bare "179"
under "Egenandel (kr)", names with an apostrophe or a particle, a dentist's receipt with a
discount and a clinic's receipt paid with Vipps or in cash. ``blind4_overview``,
``blind4_statement`` and ``blind4_receipt`` make the fourth blind set, with only what none of
the five has: helsenorge's "Frikort og egenandeler" page with the fees under month headings
("Mars 2025") dated "12.03" and "Innlogget som" the name, a physiotherapist's monthly
statement, a private psychologist's receipt in English paid by card, dates as "4.3.2025" or
"12 March 2025", amounts as "NOK 1.234,50" or "1.234,50 kr", and names no other set has."""

from __future__ import annotations

import random
from dataclasses import dataclass, replace
from datetime import date, timedelta
from decimal import Decimal

from stdnum import luhn
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
    covered: Decimal | None = None
    """What Helfo paid the provider for the same visit (blind set only)."""


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
    """numeric (12.03.2025), short (12.03.25), abbreviated (12. mar. 2025), iso (2025-03-12)
    or weekday (ons. 12.03.2025)."""
    printed_name: str = ""
    """The name as the document prints it, when not as ``name`` (blind set only)."""
    period: tuple[date, date] | None = None
    """The first and last day the overview covers, when it names them (blind set only)."""
    order: str = "date"
    """How the rows are sorted: by date (``newest_first`` says which way), or (the third blind
    set only) by amount, largest first, or by provider."""

    @property
    def total(self) -> Decimal:
        return sum((fee.amount for fee in self.fees), Decimal("0.00"))

    @property
    def limit(self) -> Decimal:
        return EXEMPTION_CARD_LIMIT[self.year]

    @property
    def shown_name(self) -> str:
        return self.printed_name or self.name


@dataclass(frozen=True, slots=True)
class Item:
    code: str
    text: str
    amount: Decimal
    price: Decimal | None = None
    """A medicine's full price, of which ``amount`` is the user fee (blind set only); in the
    eighteenth blind set a dental treatment's fee, of which ``amount`` is the patient's part."""


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
    printed_name: str = ""
    """The patient's name as the receipt prints it, when not as ``patient`` (blind set only)."""
    due: date | None = None
    """An unpaid invoice's due date (blind set only)."""
    kid: str = ""
    """An unpaid invoice's payment reference (KID, blind set only)."""
    payment: str = ""
    """How it was paid, when the receipt says: vipps or cash (third blind set only), card
    (fourth blind set only), terminal (fifth blind set only)."""

    @property
    def total(self) -> Decimal:
        return sum((item.amount for item in self.items), Decimal("0.00"))

    @property
    def service(self) -> str:
        return SERVICE_NAMES[self.profession][self.language]

    @property
    def shown_name(self) -> str:
        return self.printed_name or self.patient


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
# Only in the second blind set (blind_overview, blind_receipt).
BLIND_OVERVIEW_LAYOUTS = ("helfo_share", "by_provider")
BLIND_PHONE_LAYOUT = "dark_app"
BLIND_RECEIPT_LAYOUTS = ("pharmacy", "kid_invoice")
BLIND_AMOUNT_STYLES = {"nb": ("kr_trim", "kr_period"), "en": ("nok_trim", "nok_comma")}
BLIND_DATE_STYLES = ("iso", "weekday")
BLIND_WORDING = 5
"""The blind set prints its own headings and sums (``blind_layouts.WORDS``)."""
BLIND_NAME_STYLES = ("natural", "surname_first", "capitals", "capitals_surname_first")
# Given names, middle names and the surnames that differ for women and men, by sex.
BLIND_FIRST_NAMES = {
    "f": ("Guðrún", "Zsófia", "Sølvi", "Anne-Lise", "Tuğba", "Eeva", "Dagný", "Ingeborg",
          "Hélène", "Oddbjørg"),
    "m": ("Vebjørn", "Ådne", "Radosław", "Jiří", "Per-Olav", "Mehmet", "Ørjan", "Þórður"),
}  # fmt: skip
BLIND_MIDDLE_NAMES = {"f": ("Margrethe", "Ásdís"), "m": ("Sverre", "Tomasz")}
BLIND_SURNAMES = (
    "Erdős", "Mäkelä", "Hjørnevik", "Nørstebø", "Brække-Løvås", "Holm-Øien", "Szőke", "Tveitå",
    "Åkerlund-Dahl", "Mjåtveit", "Halvorsen-Ødegaard", "Øvrebø",
)  # fmt: skip
BLIND_SEXED_SURNAMES = {"f": ("Guðmundsdóttir", "Růžičková"), "m": ("Guðmundsson", "Růžička")}
# Medicines on blue prescription and the range of their pharmacy price (kroner).
BLIND_MEDICINES = {
    "Ventoline Diskus 0,2 mg/dose 60 doser": (110, 160),
    "Symbicort Turbuhaler 160/4,5 mikrog 120 doser": (420, 560),
    "Levaxin 50 mikrog 100 tabl.": (85, 120),
    "Metformin Teva 500 mg 100 tabl.": (75, 140),
    "Sertralin Hexal 50 mg 98 tabl.": (110, 240),
    "Elvanse 30 mg 30 kaps.": (690, 880),
    "Lamotrigin Orion 100 mg 98 tabl.": (190, 380),
    "Pentasa 1 g 100 depottabl.": (780, 990),
    "Atorvastatin Sandoz 20 mg 98 tabl.": (70, 150),
    "NovoRapid Penfill 100 E/ml 5 x 3 ml": (380, 560),
    "Xarelto 20 mg 98 tabl.": (1650, 1900),
    "Eliquis 5 mg 168 tabl.": (1900, 2250),
}


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


def _visit_items(
    rng: random.Random, profession: str, language: str
) -> tuple[tuple[Item, ...], bool]:
    """What a visit cost, item by item, or (a quarter of the time) as one treatment; and which."""
    options = RECEIPT_ITEMS[profession]
    itemised = rng.random() < 0.75
    picked = rng.sample(options, k=rng.randint(1, min(3, len(options))))
    if profession in ("psychologist", "physiotherapist") and any(code for code, _, _ in picked):
        # A provider with a public contract charges the user fee (with its code), not a price.
        picked = [item for item in options if item[0]][: len(picked)]
    items = tuple(Item(code, text, Decimal(amount)) for code, text, amount in picked)
    if not itemised:
        total = sum((item.amount for item in items), Decimal("0.00"))
        treatment = {"en": "Treatment"}.get(language, "Behandling")
        items = (Item("", treatment, total),)
    return items, itemised


def receipt(
    rng: random.Random, *, held_out: bool, layout: str | None = None, fresh: bool = False
) -> Receipt:
    """A provider's receipt for one visit, paid the same day."""
    profession = rng.choice(PROFESSIONS)
    lang = rng.choices(("nb", "nn", "en"), weights=(6, 1, 3))[0]
    layouts = RECEIPT_LAYOUTS + (HELD_OUT_RECEIPT_LAYOUTS if held_out else ())
    if fresh:
        layouts = (*FRESH_RECEIPT_LAYOUTS, "letter")
    items, itemised = _visit_items(rng, profession, lang)
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


# ---- the second blind set ----------------------------------------------------------------


def blind_name(rng: random.Random) -> tuple[str, str]:
    """A name no other set has: as the application knows it, and as the document prints it
    (as it is, surname first after a comma, in capitals, or both)."""
    sex = rng.choice("fm")
    given = rng.choice(BLIND_FIRST_NAMES[sex])
    if rng.random() < 0.25:
        given = f"{given} {rng.choice(BLIND_MIDDLE_NAMES[sex])}"
    surname = rng.choice(BLIND_SURNAMES + BLIND_SEXED_SURNAMES[sex])
    name = f"{given} {surname}"
    match rng.choice(BLIND_NAME_STYLES):
        case "surname_first":
            return name, f"{surname}, {given}"
        case "capitals":
            return name, name.upper()
        case "capitals_surname_first":
            return name, f"{surname}, {given}".upper()
        case _:
            return name, ""


def blind_amount_style(rng: random.Random, language: str) -> str:
    return rng.choice(BLIND_AMOUNT_STYLES["en" if language == "en" else "nb"])


def blind_overview(rng: random.Random, *, layout: str | None = None) -> Overview:
    """An overview for the second blind set: a period rather than a year, with the amount Helfo
    covered beside each fee, grouped by provider, or in the app's dark mode."""
    year = rng.choice(YEARS)
    lang = language(rng)
    chosen = layout or rng.choice(BLIND_OVERVIEW_LAYOUTS)
    count = rng.choice((1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 22, 30, 38))
    fees = _on_opening_days(_fees(rng, year=year, language=lang, count=count), lang)
    fees = _with_helfo_share(rng, fees, year, lang)
    printed_at = max(fee.day for fee in fees) + timedelta(days=rng.randrange(1, 60))
    name, printed_name = blind_name(rng)
    return Overview(
        name=name,
        birth_date=birth_date(rng),
        year=year,
        language=lang,
        layout=chosen,
        amount_style=blind_amount_style(rng, lang),
        wording=BLIND_WORDING,
        newest_first=chosen == BLIND_PHONE_LAYOUT or rng.random() < 0.5,
        printed_at=printed_at,
        fees=fees,
        date_style=rng.choice(BLIND_DATE_STYLES),
        printed_name=printed_name,
        period=(date(year, 1, 1), min(printed_at, date(year, 12, 31))),
    )


def _on_opening_days(fees: tuple[Fee, ...], language: str) -> tuple[Fee, ...]:
    """The fees moved to days the provider is open (the blind set prints the weekday): an
    emergency clinic any day, a pharmacy not on Sunday, the others Monday to Friday."""
    first_closed_day = {
        SERVICE_NAMES["emergency"][language]: 7,
        SERVICE_NAMES["pharmacy"][language]: 6,
    }
    moved = (
        replace(fee, day=_open_on(fee.day, first_closed_day.get(fee.service, 5))) for fee in fees
    )
    return tuple(sorted(moved, key=lambda fee: fee.day))


def _open_on(day: date, first_closed_day: int) -> date:
    """The day, or the Monday after it when it falls where the provider is closed (weekdays
    counted from Monday, 0)."""
    weekday = day.weekday()
    return day + timedelta(days=7 - weekday if weekday >= first_closed_day else 0)


def _with_helfo_share(
    rng: random.Random, fees: tuple[Fee, ...], year: int, language: str
) -> tuple[Fee, ...]:
    """Each fee with what Helfo paid for the same visit: for a medicine the rest of its price
    (the fee is 39 % of it before 2025, then 50 %, at most 520 kroner); for a service the same
    share of its fee at every visit, now and then with a procedure's supplement."""
    medicine = Decimal(61) / 39 if year < 2025 else Decimal(1)
    shares: dict[str, Decimal] = {}
    shared = []
    for fee in fees:
        if fee.service == SERVICE_NAMES["pharmacy"][language]:
            covered = fee.amount * medicine
            if fee.amount == Decimal("520.00"):
                covered += Decimal(rng.randrange(100, 150000)) / 100
        else:
            share = shares.setdefault(fee.service, Decimal(rng.randrange(60, 220)) / 100)
            covered = fee.amount * share + rng.choice((0, 0, 0, 0, 56, 105))
        shared.append(replace(fee, covered=covered.quantize(Decimal("0.01"))))
    return tuple(shared)


def blind_receipt(rng: random.Random, *, layout: str | None = None) -> Receipt:
    """A receipt for the second blind set: a pharmacy's for medicines on blue prescription (the
    user fee beside each price), or a provider's unpaid invoice with a KID and a due date."""
    chosen = layout or rng.choice(BLIND_RECEIPT_LAYOUTS)
    lang = rng.choices(("nb", "nn", "en"), weights=(6, 1, 3))[0]
    year = rng.choice(YEARS)
    place = rng.choice(PLACES)
    pharmacy = chosen == "pharmacy"
    if pharmacy:
        profession, provider = "pharmacy", f"{rng.choice(PHARMACIES)} {place}"
        items, itemised = _prescriptions(rng, year), True
    else:
        profession = rng.choice(("dentist", "dentist", "chiropractor", "naprapath", "psychologist"))
        provider = rng.choice(CLINICS[profession]).format(place=place, who=rng.choice(THERAPISTS))
        items, itemised = _visit_items(rng, profession, lang)
    visit = _open_on(date(year, 1, 1) + timedelta(days=rng.randrange(358)), 6 if pharmacy else 5)
    street = rng.choice(("Torggata", "Strandgata", "Kongens gate", "Parkveien", "Elvegata"))
    name, printed_name = blind_name(rng)
    invoice_number = rng.randint(100000, 999999)
    return Receipt(
        patient=name,
        birth_date=birth_date(rng),
        language=lang,
        layout=chosen,
        amount_style=blind_amount_style(rng, lang),
        profession=profession,
        provider=provider,
        organisation_number=organisation_number(rng),
        address=f"{street} {rng.randint(1, 80)}, {rng.randint(1000, 9990)} {place}",
        day=visit,
        items=items,
        itemised=itemised,
        invoice_number=invoice_number,
        account=f"{rng.randint(1000, 9999)} {rng.randint(10, 99)} {rng.randint(10000, 99999)}",
        phone=f"{rng.randint(21, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
        f"{rng.randint(10, 99)}",
        date_style=rng.choice(BLIND_DATE_STYLES),
        printed_name=printed_name,
        due=None if pharmacy else visit + timedelta(days=rng.choice((10, 14, 20, 30))),
        kid="" if pharmacy else kid_number(f"{rng.randint(1000, 9999)}{invoice_number}"),
    )


def _prescriptions(rng: random.Random, year: int) -> tuple[Item, ...]:
    """One to three medicines on blue prescription: the user fee is a share of the price (39 %
    before 2025, then 50 %), at most 520 kroner a prescription."""
    share = Decimal("0.39") if year < 2025 else Decimal("0.50")
    items = []
    for medicine in rng.sample(sorted(BLIND_MEDICINES), k=rng.choice((1, 1, 2, 3))):
        low, high = BLIND_MEDICINES[medicine]
        price = Decimal(rng.randrange(low * 100, high * 100)) / 100
        fee = min((price * share).quantize(Decimal("0.01")), Decimal("520.00"))
        items.append(Item("", medicine, fee, price))
    return tuple(items)


def kid_number(digits: str) -> str:
    """A payment reference (KID): the digits and a MOD10 (Luhn) check digit."""
    return digits + luhn.calc_check_digit(digits)


# ---- the third blind set -----------------------------------------------------------------

# Only in the third blind set (blind3_overview, blind3_receipt).
BLIND3_OVERVIEW_LAYOUTS = ("carried", "status")
BLIND3_PHONE_LAYOUT = "status_app"
BLIND3_RECEIPT_LAYOUTS = ("dental_discount", "clinic_payment")
BLIND3_AMOUNT_STYLES = ("nok_after", "kr_lead_trim", "column_kr")
BLIND3_DATE_STYLES = ("long", "slash")
BLIND3_ORDERS = ("amount", "provider")
BLIND3_WORDING = 6
"""The third blind set prints its own headings and sums (``blind3_layouts.WORDS``)."""
BLIND3_FIRST_NAMES = (
    "Aoife", "Beatriz", "Ragnhild", "Marit", "Ngozi", "Liv", "Yasmin", "Gaute", "Siddharth",
    "Eirik", "Tarjei", "Kwame", "Lars-Petter", "Caoimhe",
)  # fmt: skip
BLIND3_SURNAMES = (
    "O'Neill", "D'Souza", "von Essen", "Mac an tSaoir", "van den Berg", "de la Cruz",
    "dos Santos", "de Vibe", "von Krogh", "Ní Dhónaill", "al-Hashimi", "ter Horst",
)  # fmt: skip
# A dentist's treatments: the fee schedule's code, the treatment and its price (kroner).
BLIND3_DENTAL = (
    ("101", "Undersøkelse, kontroll", "650.00"),
    ("102", "Akutt undersøkelse", "590.00"),
    ("201", "Fylling, 1 flate", "1090.00"),
    ("202", "Fylling, 2 flater", "1390.00"),
    ("203", "Fylling, 3 flater", "1690.00"),
    ("501", "Tannrens, depurasjon", "720.00"),
    ("701", "Røntgen, intraoralt", "110.00"),
    ("802", "Lokalbedøvelse", "180.00"),
)
BLIND3_DISCOUNTS = ("student", "student", "member")


def blind3_name(rng: random.Random) -> str:
    """A given name and a surname with an apostrophe or a particle, none in another set."""
    return f"{rng.choice(BLIND3_FIRST_NAMES)} {rng.choice(BLIND3_SURNAMES)}"


def blind3_overview(rng: random.Random, *, layout: str | None = None) -> Overview:
    """An overview for the third blind set: over several pages with the sum carried from page
    to page, or with a status beside each fee and the rows sorted by amount or provider, or in
    the app with the status beside each amount."""
    year = rng.choice(YEARS)
    lang = language(rng)
    chosen = layout or rng.choice(BLIND3_OVERVIEW_LAYOUTS)
    counts = (16, 22, 26, 30, 38) if chosen == "carried" else (1, 2, 3, 4, 5, 6, 8, 10, 12, 15)
    fees = _fees(rng, year=year, language=lang, count=rng.choice(counts))
    printed_at = max(fee.day for fee in fees) + timedelta(days=rng.randrange(1, 60))
    order = rng.choice(BLIND3_ORDERS) if chosen == "status" else "date"
    return Overview(
        name=blind3_name(rng),
        birth_date=birth_date(rng),
        year=year,
        language=lang,
        layout=chosen,
        amount_style=rng.choice(BLIND3_AMOUNT_STYLES),
        wording=BLIND3_WORDING,
        newest_first=chosen == BLIND3_PHONE_LAYOUT or rng.random() < 0.5,
        printed_at=printed_at,
        fees=fees,
        date_style=rng.choice(BLIND3_DATE_STYLES),
        order=order,
    )


def blind3_receipt(rng: random.Random, *, layout: str | None = None) -> Receipt:
    """A receipt for the third blind set: a dentist's with the fee schedule's codes, the teeth
    and a discount; or a chiropractor's, physiotherapist's or naprapath's paid with Vipps or
    in cash, with the receipt number and the time."""
    chosen = layout or rng.choice(BLIND3_RECEIPT_LAYOUTS)
    lang = rng.choices(("nb", "nn", "en"), weights=(6, 1, 3))[0]
    year = rng.choice(YEARS)
    place = rng.choice(PLACES)
    if chosen == "dental_discount":
        profession = "dentist"
        items = _dental_items(rng, lang)
        itemised = True
    else:
        profession = rng.choice(("chiropractor", "physiotherapist", "naprapath"))
        items, itemised = _visit_items(rng, profession, lang)
    provider = rng.choice(CLINICS[profession]).format(place=place, who=rng.choice(THERAPISTS))
    street = rng.choice(("Dronningens gate", "Nygata", "Torvet", "Skolegata", "Havnegata"))
    visit = _open_on(date(year, 1, 1) + timedelta(days=rng.randrange(358)), 5)
    return Receipt(
        patient=blind3_name(rng),
        birth_date=birth_date(rng),
        language=lang,
        layout=chosen,
        amount_style=rng.choice(BLIND3_AMOUNT_STYLES),
        profession=profession,
        provider=provider,
        organisation_number=organisation_number(rng),
        address=f"{street} {rng.randint(1, 60)}, {rng.randint(1000, 9990)} {place}",
        day=visit,
        items=items,
        itemised=itemised,
        invoice_number=rng.randint(1000, 99999),
        account=f"{rng.randint(1000, 9999)} {rng.randint(10, 99)} {rng.randint(10000, 99999)}",
        phone=f"+47 {rng.randint(21, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
        f"{rng.randint(10, 99)}",
        date_style=rng.choice(BLIND3_DATE_STYLES),
        payment=rng.choice(("vipps", "cash")) if chosen == "clinic_payment" else "",
    )


def _dental_items(rng: random.Random, language: str) -> tuple[Item, ...]:
    """An examination and one to three treatments (a filling names its tooth, in the FDI
    numbering), then the discount, as a negative line."""
    first = rng.choice(BLIND3_DENTAL[:2])
    picked = [first, *rng.sample(BLIND3_DENTAL[2:], k=rng.randint(1, 3))]
    items = []
    for code, text, price in picked:
        if text.startswith("Fylling"):
            text = f"{text}, tann {rng.choice((1, 2, 3, 4))}{rng.randint(4, 7)}"
        items.append(Item(code, text, Decimal(price)))
    subtotal = sum((item.amount for item in items), Decimal("0.00"))
    kind = rng.choice(BLIND3_DISCOUNTS)
    percent = 10 if kind == "member" else rng.choice((10, 15, 20))
    label = {
        ("student", "en"): "Student discount {p} %", ("member", "en"): "Member discount {p} %",
        ("student", "nn"): "Studentrabatt {p} %", ("member", "nn"): "Medlemsrabatt {p} %",
        ("student", "nb"): "Studentrabatt {p} %", ("member", "nb"): "Medlemsrabatt {p} %",
    }[(kind, language)].format(p=percent)  # fmt: skip
    discount = (subtotal * percent / 100).quantize(Decimal("0.01"))
    return (*items, Item("", label, -discount))


# ---- the fourth blind set ----------------------------------------------------------------

# Only in the fourth blind set (blind4_overview, blind4_statement, blind4_receipt).
BLIND4_OVERVIEW_LAYOUT = "frikort_months"
BLIND4_PHONE_LAYOUT = "frikort_app"
BLIND4_STATEMENT_LAYOUT = "physio_statement"
BLIND4_RECEIPT_LAYOUT = "session_receipt"
BLIND4_AMOUNT_STYLES = ("nok_dots", "dots_kr")
BLIND4_DATE_STYLES = {
    BLIND4_OVERVIEW_LAYOUT: "day_month", BLIND4_PHONE_LAYOUT: "day_month",
    BLIND4_STATEMENT_LAYOUT: "numeric_trim", BLIND4_RECEIPT_LAYOUT: "day_month_name",
}  # fmt: skip
""""12.03" under the heading "Mars 2025"; "4.3.2025"; "12 March 2025"."""
BLIND4_WORDING = 7
"""The fourth blind set prints its own headings and sums (``blind4_layouts.WORDS``)."""
BLIND4_FIRST_NAMES = (
    "Torunn", "Halvard", "Signe", "Asbjørn", "Vilde", "Kjersti", "Odd-Inge", "Maiken",
    "Yohannes", "Farah", "Mirjam", "Eskil", "Gunnhild", "Tobias",
)  # fmt: skip
BLIND4_SURNAMES = (
    "Kvamme", "Rønningen", "Tjøstheim", "Myklebust", "Fossum", "Tesfaye", "Rahimi", "Løvlie",
    "Ekeberg", "Gjerde", "Vatnaland", "Hovland",
)  # fmt: skip
BLIND4_PSYCHOLOGY_CLINICS = (
    "Frogner Psychology Clinic",
    "{place} Therapy Centre",
    "Nordic Psychology Practice AS",
    "Mindspace Psykologklinikk",
)
# A private psychologist's sessions: the description and its price (kroner).
BLIND4_SESSIONS = (
    ("Session fee – individual therapy, 45 min", "1450.00"),
    ("Session fee – individual therapy, 50 min", "1650.00"),
    ("Session fee – couples therapy, 75 min", "2350.00"),
    ("Session fee – initial assessment, 60 min", "1850.00"),
)
BLIND4_EXTRAS = (("Written statement / report", "650.00"), ("Video session surcharge", "150.00"))


def blind4_name(rng: random.Random) -> str:
    """A given name and a surname, none in another set."""
    return f"{rng.choice(BLIND4_FIRST_NAMES)} {rng.choice(BLIND4_SURNAMES)}"


def blind4_overview(rng: random.Random, *, layout: str | None = None) -> Overview:
    """helsenorge's newer "Frikort og egenandeler" page (printed, or in the app): the fees
    under month headings ("Mars 2025"), each row dated by day and month only ("12.03")."""
    year = rng.choice(YEARS)
    lang = language(rng)
    chosen = layout or BLIND4_OVERVIEW_LAYOUT
    count = rng.choice((1, 2, 3, 5, 7, 9, 12, 16, 24))
    fees = _on_opening_days(_fees(rng, year=year, language=lang, count=count), lang)
    printed_at = max(fee.day for fee in fees) + timedelta(days=rng.randrange(1, 60))
    return Overview(
        name=blind4_name(rng),
        birth_date=birth_date(rng),
        year=year,
        language=lang,
        layout=chosen,
        amount_style=rng.choice(BLIND4_AMOUNT_STYLES),
        wording=BLIND4_WORDING,
        newest_first=chosen == BLIND4_PHONE_LAYOUT or rng.random() < 0.7,
        printed_at=printed_at,
        fees=fees,
        date_style=BLIND4_DATE_STYLES[chosen],
    )


def blind4_statement(rng: random.Random) -> Overview:
    """A physiotherapist's monthly statement: each treatment day of one month with its user fee,
    and the sum (scored as an overview: each date and amount a line)."""
    year = rng.choice(YEARS)
    month = rng.randint(1, 11)
    lang = rng.choices(("nb", "nn"), weights=(4, 1))[0]
    first = date(year, month, 1)
    open_days = [
        first + timedelta(days=offset)
        for offset in range(28)
        if (first + timedelta(days=offset)).weekday() < 5
    ]
    days = sorted(rng.sample(open_days, k=rng.choice((2, 3, 4, 4, 5, 6, 8))))
    place = rng.choice(PLACES)
    provider = rng.choice(CLINICS["physiotherapist"]).format(place=place, who="")
    amount = Decimal(FEE_BY_YEAR["physiotherapist"][YEARS.index(year)])
    service = SERVICE_NAMES["physiotherapist"][lang]
    fees = tuple(Fee(day, amount, provider, service) for day in days)
    return Overview(
        name=blind4_name(rng),
        birth_date=birth_date(rng),
        year=year,
        language=lang,
        layout=BLIND4_STATEMENT_LAYOUT,
        amount_style=rng.choice(BLIND4_AMOUNT_STYLES),
        wording=BLIND4_WORDING,
        newest_first=False,
        printed_at=date(year, month + 1, 1) + timedelta(days=rng.randrange(0, 6)),
        fees=fees,
        date_style=BLIND4_DATE_STYLES[BLIND4_STATEMENT_LAYOUT],
    )


def blind4_receipt(rng: random.Random) -> Receipt:
    """A private psychologist's receipt in English: the session fee (now and then a report or a
    surcharge), the total and "Paid by card"."""
    year = rng.choice(YEARS)
    place = rng.choice(PLACES)
    text, price = rng.choice(BLIND4_SESSIONS)
    items = [Item("", text, Decimal(price))]
    if rng.random() < 0.25:
        extra, extra_price = rng.choice(BLIND4_EXTRAS)
        items.append(Item("", extra, Decimal(extra_price)))
    street = rng.choice(("Bygdøy allé", "Thereses gate", "Olav Kyrres gate", "Markens gate"))
    return Receipt(
        patient=blind4_name(rng),
        birth_date=birth_date(rng),
        language="en",
        layout=BLIND4_RECEIPT_LAYOUT,
        amount_style=rng.choice(BLIND4_AMOUNT_STYLES),
        profession="psychologist",
        provider=rng.choice(BLIND4_PSYCHOLOGY_CLINICS).format(place=place),
        organisation_number=organisation_number(rng),
        address=f"{street} {rng.randint(2, 90)}, {rng.randint(1000, 9990)} {place}",
        day=_open_on(date(year, 1, 1) + timedelta(days=rng.randrange(358)), 5),
        items=tuple(items),
        itemised=True,
        invoice_number=rng.randint(2000, 29999),
        account=f"{rng.randint(1000, 9999)}",
        phone=f"+47 {rng.randint(21, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
        f"{rng.randint(10, 99)}",
        date_style=BLIND4_DATE_STYLES[BLIND4_RECEIPT_LAYOUT],
        payment="card",
    )


# ---- the fifth blind set -----------------------------------------------------------------

# Only in the fifth blind set (blind5_overview, blind5_receipt).
BLIND5_OVERVIEW_LAYOUT = "category_table"
BLIND5_DESKTOP_LAYOUT = "desktop"
BLIND5_PHONE_LAYOUT = "category_app"
BLIND5_RECEIPT_LAYOUTS = ("legevakt_slip", "hospital_invoice", "specialist_receipt")
BLIND5_AMOUNT_STYLES = {"nb": ("dash_bare", "narrow_kr"), "en": ("nok_narrow", "narrow_kr")}
""""179,-" (and "84,50"); "1 234,50 kr" and "NOK 1 234.50" with a narrow no-break space."""
BLIND5_DATE_STYLES = ("dotted_iso", "dashed")
""""2025.03.12"; "12-03-2025"."""
BLIND5_WORDING = 8
"""The fifth blind set prints its own headings and sums (``blind5_layouts.WORDS``)."""
BLIND5_DESKTOP_SHARE = 0.65
"""Of the overviews shown on a screen, the share captured from a desktop browser."""
BLIND5_FIRST_NAMES = (
    "Áilu", "Máret", "Biret", "Iŋgá", "Ánde", "Ovllá", "Sunná", "Grzegorz", "Żaneta", "Přemysl",
    "Šárka", "Gülşen", "İbrahim", "Mirosława", "Emre",
)  # fmt: skip
BLIND5_MIDDLE_NAMES = ("Niillas", "Ánne", "Elle", "Áslat")
BLIND5_SURNAMES = (
    "Guttorm", "Sara", "Eira", "Somby", "Gaup", "Utsi", "Bongo", "Wiśniewski", "Dąbrowska",
    "Čermák", "Řezníčková", "Öztürk", "Yıldırım", "Đặng",
)  # fmt: skip
BLIND5_VIETNAMESE = ("Trần Đức Anh", "Phạm Thị Hương", "Võ Minh Châu")
"""Vietnamese names, printed family name first, as their owners write them."""
BLIND5_HOSPITAL_TRUSTS = (
    ("Helse Bergen HF", "Haukeland universitetssjukehus", "Bergen"),
    ("Finnmarkssykehuset HF", "Klinikk Hammerfest", "Hammerfest"),
    ("Sykehuset Østfold HF", "Sykehuset Østfold Kalnes", "Grålum"),
    ("Vestre Viken HF", "Drammen sykehus", "Drammen"),
    ("Helse Stavanger HF", "Stavanger universitetssjukehus", "Stavanger"),
)
BLIND5_CLINICS = {
    "legevakt": ("Legevakta i {place}", "{place} interkommunale legevakt", "Kautokeino legevakt"),
    "optician": ("Synsam {place}", "Brilleland {place}", "Interoptik {place}"),
    "ophthalmologist": ("Øyelege {who}", "Øyeklinikken {place}"),
    "speech_therapist": ("Logoped {who}", "{place} Logopedsenter"),
}
BLIND5_PLACES = ("Alta", "Karasjok", "Hammerfest", "Kirkenes", "Lakselv", "Tana", "Vadsø")
# Emergency clinic: the user fee by year (as FEE_BY_YEAR), then what may come with it.
BLIND5_LEGEVAKT_EXTRAS = (
    ("Laboratorieprøver", "Laboratory tests", ("61.00", "65.00", "68.00")),
    ("Forbruksmateriell", "Medical supplies", ("45.00", "45.00", "50.00")),
    ("Tillegg for sår/skade", "Wound treatment", ("95.00", "98.00", "102.00")),
)
# Specialists' and opticians' services: Norwegian text, English text, price (kroner).
BLIND5_SPECIALIST_ITEMS = {
    "optician": (
        ("Synsundersøkelse", "Eye examination", "690.00"),
        ("Kontaktlinsekontroll", "Contact lens check-up", "450.00"),
        ("Synsundersøkelse, førerkort", "Eye examination, driving licence", "590.00"),
    ),
    "ophthalmologist": (
        ("Konsultasjon øyelege, egenandel", "Consultation, user fee", "385.00"),
        ("Synsfeltundersøkelse", "Visual field test", "150.00"),
        ("Trykkmåling", "Eye pressure test", "95.00"),
    ),
    "speech_therapist": (
        ("Logopedbehandling 45 min", "Speech therapy 45 min", "950.00"),
        ("Logopedisk kartlegging", "Speech assessment", "1450.00"),
    ),
}
SERVICE_NAMES.update(
    {
        "optician": {"nb": "Optiker", "nn": "Optikar", "en": "Optician"},
        "ophthalmologist": {"nb": "Øyelege", "nn": "Augelege", "en": "Eye specialist"},
        "speech_therapist": {"nb": "Logoped", "nn": "Logoped", "en": "Speech therapist"},
        "hospital_outpatient": {
            "nb": "Poliklinisk konsultasjon", "nn": "Poliklinisk konsultasjon",
            "en": "Outpatient consultation",
        },
    }
)  # fmt: skip


def blind5_name(rng: random.Random) -> str:
    """A Sámi, Polish, Czech, Turkish or Vietnamese name, none in another set."""
    if rng.random() < 0.15:
        return rng.choice(BLIND5_VIETNAMESE)
    parts = [rng.choice(BLIND5_FIRST_NAMES)]
    if rng.random() < 0.3:
        parts.append(rng.choice(BLIND5_MIDDLE_NAMES))
    parts.append(rng.choice(BLIND5_SURNAMES))
    return " ".join(parts)


def blind5_amount_style(rng: random.Random, language: str) -> str:
    return rng.choice(BLIND5_AMOUNT_STYLES["en" if language == "en" else "nb"])


def blind5_overview(rng: random.Random, *, layout: str | None = None) -> Overview:
    """helsenorge's overview for the fifth blind set: a table with a category ("Kategori" or
    "Helsetjeneste") and the business ("Virksomhet"), printed, captured from a desktop browser,
    or in the app; dates "2025.03.12" or "12-03-2025"."""
    year = rng.choice(YEARS)
    lang = language(rng)
    chosen = layout or BLIND5_OVERVIEW_LAYOUT
    counts = {
        BLIND5_OVERVIEW_LAYOUT: (1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 22, 30),
        BLIND5_DESKTOP_LAYOUT: (1, 2, 3, 4, 5, 6, 8, 10, 12),
        BLIND5_PHONE_LAYOUT: (1, 2, 3, 4, 5, 6, 8, 10),
    }[chosen]
    fees = _on_opening_days(_fees(rng, year=year, language=lang, count=rng.choice(counts)), lang)
    printed_at = max(fee.day for fee in fees) + timedelta(days=rng.randrange(1, 60))
    return Overview(
        name=blind5_name(rng),
        birth_date=birth_date(rng),
        year=year,
        language=lang,
        layout=chosen,
        amount_style=blind5_amount_style(rng, lang),
        wording=BLIND5_WORDING,
        newest_first=rng.random() < 0.6,
        printed_at=printed_at,
        fees=fees,
        date_style=rng.choice(BLIND5_DATE_STYLES),
    )


def blind5_receipt(rng: random.Random, *, layout: str | None = None) -> Receipt:
    """A receipt for the fifth blind set: an emergency clinic's thermal slip, a hospital
    trust's invoice for an outpatient consultation (patient fee, KID, due date), or an
    optician's, eye specialist's or speech therapist's receipt."""
    chosen = layout or rng.choice(BLIND5_RECEIPT_LAYOUTS)
    year = rng.choice(YEARS)
    column = YEARS.index(year)
    place = rng.choice(BLIND5_PLACES)
    lang = rng.choices(("nb", "nn", "en"), weights=(6, 2, 2))[0]
    if chosen == "legevakt_slip":
        profession = "emergency"
        provider = rng.choice(BLIND5_CLINICS["legevakt"]).format(place=place)
        fee = {"en": "User fee, emergency clinic"}.get(lang, "Egenandel legevakt")
        items = [Item("", fee, Decimal(FEE_BY_YEAR["emergency"][column]))]
        for text_nb, text_en, prices in rng.sample(BLIND5_LEGEVAKT_EXTRAS, k=rng.randint(0, 2)):
            items.append(Item("", text_en if lang == "en" else text_nb, Decimal(prices[column])))
        visit = date(year, 1, 1) + timedelta(days=rng.randrange(358))  # open every day
        itemised = len(items) > 1
    elif chosen == "hospital_invoice":
        profession = "hospital_outpatient"
        trust, site, town = rng.choice(BLIND5_HOSPITAL_TRUSTS)
        provider, place = trust, town
        department = rng.choice(DEPARTMENTS[lang])
        text = {"en": f"Outpatient consultation, {department}"}.get(
            lang, f"Poliklinisk konsultasjon, {department}"
        )
        items = [Item("", text, Decimal(FEE_BY_YEAR["outpatient"][column]))]
        if rng.random() < 0.35:
            extra = {"en": "Imaging (X-ray)"}.get(lang, "Bildediagnostikk (røntgen)")
            items.append(Item("", extra, Decimal(FEE_BY_YEAR["radiology"][column])))
        visit = _open_on(date(year, 1, 1) + timedelta(days=rng.randrange(330)), 5)
        itemised = True
        provider_site = site
    else:
        profession = rng.choice(("optician", "ophthalmologist", "speech_therapist"))
        provider = rng.choice(BLIND5_CLINICS[profession]).format(
            place=place, who=rng.choice(THERAPISTS)
        )
        options = BLIND5_SPECIALIST_ITEMS[profession]
        picked = [options[0], *rng.sample(options[1:], k=rng.randint(0, 1))]
        items = [
            Item("", text_en if lang == "en" else text_nb, Decimal(price))
            for text_nb, text_en, price in picked
        ]
        itemised = rng.random() < 0.75
        if not itemised:
            total = sum((item.amount for item in items), Decimal("0.00"))
            items = [Item("", {"en": "Treatment"}.get(lang, "Behandling"), total)]
        visit = _open_on(date(year, 1, 1) + timedelta(days=rng.randrange(358)), 5)
    if chosen != "hospital_invoice":
        provider_site = ""
    street = rng.choice(("Sentrumsveien", "Markedsgata", "Storgata", "Fjellveien", "Elvebakken"))
    invoice_number = rng.randint(10_000_000, 99_999_999)
    hospital = chosen == "hospital_invoice"
    return Receipt(
        patient=blind5_name(rng),
        birth_date=birth_date(rng),
        language=lang,
        layout=chosen,
        amount_style=blind5_amount_style(rng, lang),
        profession=profession,
        provider=provider,
        organisation_number=organisation_number(rng),
        address=" · ".join(
            filter(None, (provider_site, f"{street} {rng.randint(1, 70)}, {place}"))
        ),
        day=visit,
        items=tuple(items),
        itemised=itemised,
        invoice_number=invoice_number,
        account=f"{rng.randint(1500, 9999)}.{rng.randint(10, 99)}.{rng.randint(10000, 99999)}",
        phone=f"{rng.randint(21, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
        f"{rng.randint(10, 99)}",
        date_style=rng.choice(BLIND5_DATE_STYLES),
        due=visit + timedelta(days=rng.choice((21, 28, 30))) if hospital else None,
        kid=kid_number(f"{rng.randint(100, 999)}{invoice_number}") if hospital else "",
        payment="" if hospital else "terminal",
    )


# ---- the sixth blind set -----------------------------------------------------------------

# Only in the sixth blind set (blind6_overview, blind6_receipt).
BLIND6_OVERVIEW_LAYOUTS = ("register_letter", "expanded_rows")
BLIND6_PHONE_LAYOUT = "mobile_web"
BLIND6_RECEIPT_LAYOUTS = ("takst_receipt", "online_doctor")
BLIND6_AMOUNT_STYLES = {"nb": ("kroner_word", "kr_capital"), "en": ("kr_point", "kr_point")}
""""1 234,50 kroner"; "Kr 1 234,50"; "kr 1,234.50"."""
BLIND6_DATE_STYLES = {
    "register_letter": ("dash_month",), "expanded_rows": ("long_weekday",),
    BLIND6_PHONE_LAYOUT: ("short_slash", "long_weekday"),
    "takst_receipt": ("dash_month", "short_slash"), "online_doctor": ("weekday_time",),
}  # fmt: skip
""""12-mar-2025"; "onsdag 12. mars 2025"; "12/03/25"; "onsdag 12. mars 2025, kl. 14:32"."""
BLIND6_WORDING = 9
"""The sixth blind set prints its own headings and sums (``blind6_layouts.WORDS``)."""
BLIND6_FIRST_NAMES = (
    "Hodan", "Tharshika", "Oksana", "Dmytro", "Rūta", "Žydrūnas", "Līga", "Rojda", "Rógvi",
    "Åshild", "Tørris", "Gudleik", "Mariama", "Ivonne", "Synnøve", "Kåre-Johan",
)  # fmt: skip
BLIND6_INITIALS = ("K.", "M.", "J.", "Ø.", "E.")
BLIND6_SURNAMES = (
    "Warsame", "Sivakumar", "Kovalenko", "Shevchuk", "Kazlauskienė", "Petrauskas", "Bērziņa",
    "Amedi", "Joensen", "Flåten", "Vågen", "Bø", "Nyhus", "Kleppe", "Sæbø-Aarvik", "Tveiterås",
)  # fmt: skip
BLIND6_STREETS = ("Vågevegen", "Fjøsangerveien", "Kong Oscars gate", "Nedre Bakklandet")
BLIND6_TOWNS = (("5063", "BERGEN"), ("7012", "TRONDHEIM"), ("9008", "TROMSØ"), ("0560", "OSLO"))
# A GP's takst codes: code, Norwegian text, English text, the user fee by year, the fee
# (honorar) by year; Helfo's refund is the difference.
BLIND6_TAKSTER = (
    ("2ad", "Konsultasjon hos allmennlege", "Consultation, general practitioner",
     ("172.00", "179.00", "185.00"), ("334.00", "348.00", "362.00")),
    ("701a", "Prøvetaking, laboratorieundersøkelse", "Sample taking, laboratory test",
     ("61.00", "65.00", "68.00"), ("106.00", "110.00", "115.00")),
    ("2dd", "Tillegg for tidkrevende konsultasjon", "Supplement, lengthy consultation",
     ("0.00", "0.00", "0.00"), ("155.00", "161.00", "168.00")),
    ("705h", "Urinundersøkelse med stix", "Urine dipstick test",
     ("0.00", "0.00", "0.00"), ("28.00", "29.00", "30.00")),
)  # fmt: skip
BLIND6_ONLINE_CLINICS = ("Legevakten Digital AS", "Helsepraten Nett", "DocNå Videolege")
# An online doctor's services: Norwegian text, English text, price (kroner).
BLIND6_ONLINE_ITEMS = (
    ("Videokonsultasjon med lege, 15 min", "Video consultation with a doctor, 15 min", "449.00"),
    ("Chatkonsultasjon med lege", "Chat consultation with a doctor", "299.00"),
    (
        "Videokonsultasjon med psykolog, 45 min",
        "Video session with a psychologist, 45 min",
        "1190.00",
    ),
)
BLIND6_ONLINE_EXTRAS = (
    ("Legeerklæring", "Medical certificate", "350.00"),
    ("Henvisning til spesialist", "Referral to a specialist", "150.00"),
)
SERVICE_NAMES.update(
    {
        "online_doctor": {"nb": "Digital legetime", "nn": "Digital legetime",
                          "en": "Online doctor"},
        "gp_receipt": {"nb": "Allmennlege", "nn": "Allmennlege", "en": "General practitioner"},
    }
)  # fmt: skip


def blind6_name(rng: random.Random) -> str:
    """A Somali, Tamil, Ukrainian, Baltic, Kurdish, Faroese or Norwegian name, none in another
    set, now and then with a middle initial (as the person writes it)."""
    parts = [rng.choice(BLIND6_FIRST_NAMES)]
    if rng.random() < 0.25:
        parts.append(rng.choice(BLIND6_INITIALS))
    parts.append(rng.choice(BLIND6_SURNAMES))
    return " ".join(parts)


def blind6_amount_style(rng: random.Random, language: str) -> str:
    return rng.choice(BLIND6_AMOUNT_STYLES["en" if language == "en" else "nb"])


def blind6_overview(rng: random.Random, *, layout: str | None = None) -> Overview:
    """An overview for the sixth blind set: Helfo's letter with an extract of the user fee
    register, helsenorge's page printed with every row unfolded (the date it was reported
    beside the treatment's), or the site in a phone's web browser."""
    year = rng.choice(YEARS)
    lang = language(rng)
    chosen = layout or rng.choice(BLIND6_OVERVIEW_LAYOUTS)
    counts = {
        "register_letter": (1, 2, 3, 4, 5, 7, 9, 12, 16, 20, 28),
        "expanded_rows": (1, 2, 3, 4, 5, 6, 8, 10, 13),
        BLIND6_PHONE_LAYOUT: (1, 2, 3, 4, 5, 6, 8, 10, 12, 14),
    }[chosen]
    fees = _on_opening_days(_fees(rng, year=year, language=lang, count=rng.choice(counts)), lang)
    printed_at = max(fee.day for fee in fees) + timedelta(days=rng.randrange(12, 60))
    return Overview(
        name=blind6_name(rng),
        birth_date=birth_date(rng),
        year=year,
        language=lang,
        layout=chosen,
        amount_style=blind6_amount_style(rng, lang),
        wording=BLIND6_WORDING,
        newest_first=chosen != "register_letter" and rng.random() < 0.6,
        printed_at=printed_at,
        fees=fees,
        date_style=rng.choice(BLIND6_DATE_STYLES[chosen]),
    )


def blind6_receipt(rng: random.Random, *, layout: str | None = None) -> Receipt:
    """A receipt for the sixth blind set: a GP office's receipt with the takst codes and, for
    each, the fee, Helfo's refund and the user fee; or an online doctor's receipt for a video
    or chat consultation, paid in the app."""
    chosen = layout or rng.choice(BLIND6_RECEIPT_LAYOUTS)
    year = rng.choice(YEARS)
    column = YEARS.index(year)
    lang = rng.choices(("nb", "nn", "en"), weights=(5, 2, 3))[0]
    place = rng.choice(PLACES)
    if chosen == "takst_receipt":
        profession = "gp_receipt"
        offices = ("{place} legesenter", "Legekontoret {place}", "Studentlegen {place}")
        provider = rng.choice(offices).format(place=place)
        picked = [BLIND6_TAKSTER[0], *rng.sample(BLIND6_TAKSTER[1:], k=rng.randint(0, 2))]
        items = tuple(
            Item(code, text_en if lang == "en" else text_nb, Decimal(fees[column]),
                 Decimal(prices[column]))
            for code, text_nb, text_en, fees, prices in picked
        )  # fmt: skip
        itemised = True
        visit = _open_on(date(year, 1, 1) + timedelta(days=rng.randrange(358)), 5)
    else:
        profession = "online_doctor"
        provider = rng.choice(BLIND6_ONLINE_CLINICS)
        picked_items = [rng.choice(BLIND6_ONLINE_ITEMS)]
        if rng.random() < 0.3:
            picked_items.append(rng.choice(BLIND6_ONLINE_EXTRAS))
        items = tuple(
            Item("", text_en if lang == "en" else text_nb, Decimal(price))
            for text_nb, text_en, price in picked_items
        )
        itemised = len(items) > 1
        visit = date(year, 1, 1) + timedelta(days=rng.randrange(358))  # open every day
    street = rng.choice(("Kaigaten", "Prinsens gate", "Storgata", "Sandvikstorget"))
    return Receipt(
        patient=blind6_name(rng),
        birth_date=birth_date(rng),
        language=lang,
        layout=chosen,
        amount_style=blind6_amount_style(rng, lang),
        profession=profession,
        provider=provider,
        organisation_number=organisation_number(rng),
        address=f"{street} {rng.randint(1, 40)}, {rng.randint(1000, 9990)} {place}",
        day=visit,
        items=items,
        itemised=itemised,
        invoice_number=rng.randint(100_000, 999_999),
        account=f"{rng.randint(1000, 9999)}.{rng.randint(10, 99)}.{rng.randint(10000, 99999)}",
        phone=f"{rng.randint(21, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
        f"{rng.randint(10, 99)}",
        date_style=rng.choice(BLIND6_DATE_STYLES[chosen]),
        payment="" if chosen == "takst_receipt" else rng.choice(("vipps_app", "apple_pay", "visa")),
    )


# ---- the seventh blind set ---------------------------------------------------------------

# Only in the seventh blind set (blind7_overview, blind7_receipt).
BLIND7_OVERVIEW_LAYOUTS = ("spreadsheet", "two_column")
BLIND7_PHONE_LAYOUT = "date_tiles"
BLIND7_RECEIPT_LAYOUTS = ("imaging_receipt", "podiatry_receipt")
BLIND7_AMOUNT_STYLES = {"nb": ("nok_dash", "point_kr"), "en": ("bare_point", "point_kr")}
""""NOK 179,-" (and "NOK 84,50"); "179.00 kr"; "1,234.50" under "Amount (NOK)"."""
BLIND7_DATE_STYLES = {
    "spreadsheet": ("excel_month",), "two_column": ("spaced_month",),
    BLIND7_PHONE_LAYOUT: ("tile",),
    "imaging_receipt": ("dot_time",), "podiatry_receipt": ("spaced_month", "unpadded_short"),
}  # fmt: skip
""""12.mar.25" ("12-Mar-25"); "12 mars 2025" ("Mar 12, 2025"); a tile "12 / MAR / 2025";
"12.03.2025 kl. 14.32"; "5.3.25"."""
BLIND7_WORDING = 10
"""The seventh blind set prints its own headings and sums (``blind7_layouts.WORDS``)."""
BLIND7_FIRST_NAMES = (
    "Shirin", "Farshid", "Senait", "Maricel", "Xiaoling", "Zoltán", "Kertu", "Ioana",
    "Ragnfrid", "Eilev", "Tiril", "Aslak", "Nilufar", "Birgitta", "Amani", "Jomar",
)  # fmt: skip
BLIND7_SURNAMES = (
    "Al-Hashimi", "Mohammadi", "Tesfamariam", "Bautista", "Zhang", "Horváth", "Tamm", "Popescu",
    "Kvalheim", "Rønnevik", "Bjørkli", "Ytterstad", "Særheim", "Øksnes-Lund", "Lindström",
    "Nakamura",
)  # fmt: skip
BLIND7_IMAGING_CENTRES = ("Medi3 Bildediagnostikk", "Curato Røntgen", "Volvat Bildediagnostikk")
# An imaging centre's services: code, Norwegian text, English text, the user fee by year.
BLIND7_IMAGING_ITEMS = (
    ("MR-KNE", "MR kne, høyre", "MRI knee, right", ("281.00", "289.00", "300.00")),
    ("MR-LSC", "MR columna lumbalis", "MRI lumbar spine", ("281.00", "289.00", "300.00")),
    ("UL-ABD", "Ultralyd abdomen", "Ultrasound, abdomen", ("281.00", "289.00", "300.00")),
    ("RTG-AN", "Røntgen ankel", "X-ray, ankle", ("281.00", "289.00", "300.00")),
)  # fmt: skip
BLIND7_IMAGING_EXTRAS = (
    ("KONTR", "Kontrastmiddel", "Contrast agent", ("145.00", "150.00", "155.00")),
    ("CD", "Bilder på CD", "Images on CD", ("50.00", "50.00", "60.00")),
)  # fmt: skip
BLIND7_PODIATRY_ITEMS = (
    ("Fotbehandling 45 min", "Foot treatment, 45 min", "690.00"),
    ("Fotbehandling 60 min", "Foot treatment, 60 min", "850.00"),
    ("Behandling av nedgrodd negl", "Ingrown nail treatment", "950.00"),
    ("Trykkavlastende innlegg", "Pressure-relieving insoles", "480.00"),
)
SERVICE_NAMES.update(
    {
        "imaging": {"nb": "Bildediagnostikk", "nn": "Biletdiagnostikk", "en": "Imaging"},
        "podiatrist": {"nb": "Fotterapeut", "nn": "Fotterapeut", "en": "Podiatrist"},
    }
)  # fmt: skip


def blind7_name(rng: random.Random) -> str:
    """An Arabic, Persian, Eritrean, Filipino, Chinese, Hungarian, Estonian, Romanian, Swedish,
    Japanese or Norwegian name, none in another set."""
    return f"{rng.choice(BLIND7_FIRST_NAMES)} {rng.choice(BLIND7_SURNAMES)}"


def blind7_amount_style(rng: random.Random, language: str) -> str:
    return rng.choice(BLIND7_AMOUNT_STYLES["en" if language == "en" else "nb"])


def blind7_overview(rng: random.Random, *, layout: str | None = None) -> Overview:
    """An overview for the seventh blind set: the fees copied into a spreadsheet and printed
    with its grid, helsenorge's page printed with the list flowing in two columns, or the app's
    list with a calendar tile for each date."""
    year = rng.choice(YEARS)
    lang = language(rng)
    chosen = layout or rng.choice(BLIND7_OVERVIEW_LAYOUTS)
    counts = {
        "spreadsheet": (1, 2, 3, 4, 6, 8, 11, 15, 19, 24),
        "two_column": (2, 3, 4, 6, 8, 10, 14, 18, 24, 30),
        BLIND7_PHONE_LAYOUT: (1, 2, 3, 4, 5, 6, 8, 10, 12),
    }[chosen]
    fees = _on_opening_days(_fees(rng, year=year, language=lang, count=rng.choice(counts)), lang)
    printed_at = max(fee.day for fee in fees) + timedelta(days=rng.randrange(10, 50))
    return Overview(
        name=blind7_name(rng),
        birth_date=birth_date(rng),
        year=year,
        language=lang,
        layout=chosen,
        amount_style=blind7_amount_style(rng, lang),
        wording=BLIND7_WORDING,
        newest_first=chosen == BLIND7_PHONE_LAYOUT and rng.random() < 0.5,
        printed_at=printed_at,
        fees=fees,
        date_style=rng.choice(BLIND7_DATE_STYLES[chosen]),
    )


def blind7_receipt(rng: random.Random, *, layout: str | None = None) -> Receipt:
    """A receipt for the seventh blind set: a private imaging centre's receipt for an
    examination on referral (the user fee, now and then contrast or images on a CD), or a
    podiatrist's receipt (one treatment, now and then insoles)."""
    chosen = layout or rng.choice(BLIND7_RECEIPT_LAYOUTS)
    year = rng.choice(YEARS)
    column = YEARS.index(year)
    lang = language(rng)
    place = rng.choice(PLACES)
    english = lang == "en"
    if chosen == "imaging_receipt":
        profession = "imaging"
        provider = f"{rng.choice(BLIND7_IMAGING_CENTRES)} {place}"
        picked = [rng.choice(BLIND7_IMAGING_ITEMS)]
        if rng.random() < 0.4:
            picked.append(rng.choice(BLIND7_IMAGING_EXTRAS))
        items = tuple(
            Item(code, text_en if english else text_nb, Decimal(fees[column]))
            for code, text_nb, text_en, fees in picked
        )
    else:
        profession = "podiatrist"
        provider = f"{rng.choice(('Fotklinikken', 'Fotterapeut', 'Fothelse'))} {place}"
        first, *rest = rng.sample(BLIND7_PODIATRY_ITEMS, k=2)
        picked_items = [first] if first[2] != "480.00" else rest
        if rng.random() < 0.3 and BLIND7_PODIATRY_ITEMS[3] not in picked_items:
            picked_items.append(BLIND7_PODIATRY_ITEMS[3])
        items = tuple(
            Item("", text_en if english else text_nb, Decimal(price))
            for text_nb, text_en, price in picked_items
        )
    visit = _open_on(date(year, 1, 1) + timedelta(days=rng.randrange(355)), 5)
    street = rng.choice(("Torggata", "Olav Tryggvasons gate", "Strandkaien", "Markens gate"))
    return Receipt(
        patient=blind7_name(rng),
        birth_date=birth_date(rng),
        language=lang,
        layout=chosen,
        amount_style=blind7_amount_style(rng, lang),
        profession=profession,
        provider=provider,
        organisation_number=organisation_number(rng),
        address=f"{street} {rng.randint(2, 60)}, {rng.randint(1000, 9990)} {place}",
        day=visit,
        items=items,
        itemised=len(items) > 1,
        invoice_number=rng.randint(10_000, 99_999),
        account=f"{rng.randint(1000, 9999)}.{rng.randint(10, 99)}.{rng.randint(10000, 99999)}",
        phone=f"{rng.randint(21, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
        f"{rng.randint(10, 99)}",
        date_style=rng.choice(BLIND7_DATE_STYLES[chosen]),
        payment="terminal",
    )


# ---- the eighth blind set ----------------------------------------------------------------

# Only in the eighth blind set (blind8_overview, blind8_receipt).
BLIND8_OVERVIEW_LAYOUTS = ("browser_print", "provider_above")
BLIND8_PHONE_LAYOUT = "summary_first"
BLIND8_RECEIPT_LAYOUTS = ("hygienist_receipt", "booking_mail")
BLIND8_AMOUNT_STYLES = {"nb": ("kr_thin", "endash_kr"), "en": ("kr_thin_point", "nok_endash")}
"""Described in ``blind8_layouts.money``."""
BLIND8_DATE_STYLES = {
    "browser_print": ("day_abbr",), "provider_above": ("slash_dash",),
    BLIND8_PHONE_LAYOUT: ("weekday_short",),
    "hygienist_receipt": ("slash_dash",), "booking_mail": ("time_range",),
}  # fmt: skip
"""Described in ``blind8_layouts.day``."""
BLIND8_WORDING = 11
"""The eighth blind set prints its own headings and sums (``blind8_layouts.WORDS``)."""
BLIND8_FIRST_NAMES = (
    "Risten", "Ŧuomma", "Ingá", "Gintarė", "Rūtenis", "Kübra", "Oğuz", "Jędrzej", "Bożena",
    "Ragnheiður", "Hafþór", "Zdeněk", "Květa", "Čáhppe", "Vaida", "Hüseyin",
)  # fmt: skip
BLIND8_SURNAMES = (
    "Buljo", "Mienna", "Juuso-Triumf", "Kazlauskaitė", "Grybauskas", "Szczęsna", "Żurawski",
    "Yılmaz", "Aydoğan", "Kovářová", "Þorvaldsson", "Hætta-Somby", "Skåden", "Čepaitė",
    "Ŋuolja", "Navickienė",
)  # fmt: skip
# A dental hygienist's services: Norwegian text, English text, price; the last a product sold
# with 25 % VAT.
BLIND8_HYGIENIST_ITEMS = (
    ("Undersøkelse og tannrens", "Check-up and cleaning", "890.00"),
    ("Tannrens, utvidet 60 min", "Extended cleaning, 60 min", "1190.00"),
    ("Fluorlakk", "Fluoride varnish", "250.00"),
    ("Bleking, konsultasjon", "Whitening, consultation", "350.00"),
)  # fmt: skip
BLIND8_HYGIENIST_PRODUCTS = (
    ("Tannbørste, myk", "Toothbrush, soft", "89.00"),
    ("Mellomromsbørster (pk.)", "Interdental brushes (pack)", "75.00"),
    ("Fluortannkrem 5 mg/g", "Fluoride toothpaste 5 mg/g", "129.00"),
)  # fmt: skip
BLIND8_OSTEOPATH_ITEMS = (
    ("Førstegangskonsultasjon 60 min", "First consultation, 60 min", "990.00"),
    ("Oppfølgende behandling 45 min", "Follow-up treatment, 45 min", "790.00"),
    ("Oppfølgende behandling 30 min", "Follow-up treatment, 30 min", "650.00"),
)  # fmt: skip
BLIND8_OSTEOPATH_EXTRAS = (
    ("Kinesiotape", "Kinesiology tape", "60.00"),
    ("Treningsstrikk", "Exercise band", "149.00"),
)  # fmt: skip
SERVICE_NAMES.update(
    {
        "dental_hygienist": {"nb": "Tannpleier", "nn": "Tannpleiar", "en": "Dental hygienist"},
        "osteopath": {"nb": "Osteopat", "nn": "Osteopat", "en": "Osteopath"},
    }
)  # fmt: skip


def blind8_name(rng: random.Random) -> str:
    """A Sámi, Lithuanian, Turkish, Polish, Icelandic or Czech name, none in another set."""
    return f"{rng.choice(BLIND8_FIRST_NAMES)} {rng.choice(BLIND8_SURNAMES)}"


def blind8_amount_style(rng: random.Random, language: str) -> str:
    return rng.choice(BLIND8_AMOUNT_STYLES["en" if language == "en" else "nb"])


def blind8_overview(rng: random.Random, *, layout: str | None = None) -> Overview:
    """An overview for the eighth blind set: helsenorge's page printed from a browser,
    a printout with each provider on the line above its date and amount, or the mobile page
    with the sum at the top."""
    year = rng.choice(YEARS)
    lang = language(rng)
    chosen = layout or rng.choice(BLIND8_OVERVIEW_LAYOUTS)
    counts = {
        "browser_print": (1, 2, 3, 4, 5, 7, 9, 12, 16, 22, 28),
        "provider_above": (1, 2, 3, 4, 6, 8, 10, 13, 17, 21),
        BLIND8_PHONE_LAYOUT: (2, 3, 4, 6, 8, 9, 11, 13, 15),
    }[chosen]
    fees = _on_opening_days(_fees(rng, year=year, language=lang, count=rng.choice(counts)), lang)
    printed_at = max(fee.day for fee in fees) + timedelta(days=rng.randrange(5, 40))
    return Overview(
        name=blind8_name(rng),
        birth_date=birth_date(rng),
        year=year,
        language=lang,
        layout=chosen,
        amount_style=blind8_amount_style(rng, lang),
        wording=BLIND8_WORDING,
        newest_first=chosen != "provider_above" and rng.random() < 0.5,
        printed_at=printed_at,
        fees=fees,
        date_style=rng.choice(BLIND8_DATE_STYLES[chosen]),
    )


def blind8_receipt(rng: random.Random, *, layout: str | None = None) -> Receipt:
    """A receipt for the eighth blind set: a dental hygienist's receipt (treatments, now and
    then a product sold with VAT) paid with Vipps, or an osteopath's receipt sent by e-mail
    from a booking system."""
    chosen = layout or rng.choice(BLIND8_RECEIPT_LAYOUTS)
    year = rng.choice(YEARS)
    lang = language(rng)
    place = rng.choice(PLACES)
    english = lang == "en"
    if chosen == "hygienist_receipt":
        profession = "dental_hygienist"
        provider = f"{rng.choice(('Tannpleierklinikken', 'Tannpleier', 'Smilepleie'))} {place}"
        picked = [rng.choice(BLIND8_HYGIENIST_ITEMS[:2])]
        if rng.random() < 0.5:
            picked.append(BLIND8_HYGIENIST_ITEMS[2])
        if rng.random() < 0.2:
            picked.append(BLIND8_HYGIENIST_ITEMS[3])
        if rng.random() < 0.5:
            picked.append(rng.choice(BLIND8_HYGIENIST_PRODUCTS))
        payment = "vipps"
    else:
        profession = "osteopath"
        provider = f"{rng.choice(('Osteopatklinikken', 'Osteopat', 'Kroppsklinikken'))} {place}"
        picked = [rng.choice(BLIND8_OSTEOPATH_ITEMS)]
        if rng.random() < 0.35:
            picked.append(rng.choice(BLIND8_OSTEOPATH_EXTRAS))
        payment = "card"
    items = tuple(
        Item("", text_en if english else text_nb, Decimal(price))
        for text_nb, text_en, price in picked
    )
    visit = _open_on(date(year, 1, 1) + timedelta(days=rng.randrange(355)), 5)
    street = rng.choice(("Kirkegata", "Storgata", "Dronningens gate", "Nedre Slottsgate"))
    return Receipt(
        patient=blind8_name(rng),
        birth_date=birth_date(rng),
        language=lang,
        layout=chosen,
        amount_style=blind8_amount_style(rng, lang),
        profession=profession,
        provider=provider,
        organisation_number=organisation_number(rng),
        address=f"{street} {rng.randint(1, 48)}, {rng.randint(1000, 9990)} {place}",
        day=visit,
        items=items,
        itemised=len(items) > 1,
        invoice_number=rng.randint(100_000, 999_999),
        account=f"{rng.randint(1000, 9999)}.{rng.randint(10, 99)}.{rng.randint(10000, 99999)}",
        phone=f"{rng.randint(21, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
        f"{rng.randint(10, 99)}",
        date_style=rng.choice(BLIND8_DATE_STYLES[chosen]),
        payment=payment,
    )


# ---- the ninth blind set -----------------------------------------------------------------

# Only in the ninth blind set (blind9_overview, blind9_receipt).
BLIND9_OVERVIEW_LAYOUTS = ("saved_mobile_pdf", "chart_overview")
BLIND9_PHONE_LAYOUT = "chips_app"
BLIND9_RECEIPT_LAYOUTS = ("receipt_book", "online_paid_receipt", "dietitian_receipt")
BLIND9_PAPER_RECEIPT_LAYOUTS = ("receipt_book",)
"""Receipts that exist only on paper (written by hand): scanned, never a text PDF or a phone's
page."""
BLIND9_AMOUNT_STYLES = {"nb": ("nkr", "upper_kr_dots"), "en": ("kr_nok", "nkr_point")}
"""Described in ``blind9_layouts.money``."""
BLIND9_DATE_STYLES = {
    "saved_mobile_pdf": ("day_month_dot",), "chart_overview": ("full_weekday",),
    BLIND9_PHONE_LAYOUT: ("short_month",),
    "receipt_book": ("dash_year",), "online_paid_receipt": ("short_month",),
    "dietitian_receipt": ("dash_yy",),
}  # fmt: skip
"""Described in ``blind9_layouts.day``."""
BLIND9_WORDING = 12
"""The ninth blind set prints its own headings and sums (``blind9_layouts.WORDS``)."""
BLIND9_FIRST_NAMES = (
    "Conceição", "João", "Gjergj", "Ëndrit", "Ľubica", "Dafydd", "Siân", "Väinö", "Ågot",
    "Gyrid", "Torgeir", "Wanjiru", "Jordi", "Mònica", "Sølvor", "Ståle",
)  # fmt: skip
BLIND9_SURNAMES = (
    "Gonçalves", "Magalhães", "Hoxha", "Çela", "Ďurica", "ap Rhys", "Hämäläinen", "Rødseth",
    "Vestbø", "Kjærstad", "Njoroge", "Puigcerdà", "Øyehaug", "Lægreid", "Tønnessen", "Bjåstad",
)  # fmt: skip
BLIND9_PLACES = ("Hamar", "Steinkjer", "Molde", "Haugesund", "Kongsberg", "Narvik", "Florø")
# A manual therapist's treatments: Norwegian text, English text, price (kroner).
BLIND9_MANUAL_THERAPY = (
    ("Manuellterapi, første konsultasjon", "Manual therapy, first consultation", "950.00"),
    ("Manuellterapi, oppfølging", "Manual therapy, follow-up", "690.00"),
    ("Manuellterapi, behandling 45 min", "Manual therapy, treatment 45 min", "790.00"),
)  # fmt: skip
# A private specialist's services: Norwegian text, English text, price; the consultation first.
BLIND9_SPECIALIST_ITEMS = {
    "gynecologist": (
        ("Konsultasjon gynekolog", "Gynaecology consultation", "1450.00"),
        ("Ultralyd, vaginal", "Transvaginal ultrasound", "650.00"),
        ("Celleprøve (cytologi)", "Cervical smear (cytology)", "350.00"),
        ("Innsetting av spiral", "IUD insertion", "900.00"),
    ),
    "dermatologist": (
        ("Konsultasjon hudlege", "Dermatology consultation", "1350.00"),
        ("Dermatoskopi av føflekker", "Dermatoscopy of moles", "450.00"),
        ("Frysebehandling", "Cryotherapy", "400.00"),
        ("Biopsi inkl. analyse", "Biopsy incl. laboratory analysis", "950.00"),
    ),
}
BLIND9_SPECIALIST_CLINICS = {
    "gynecologist": ("Gynekologen", "Kvinneklinikken", "Gynhuset"),
    "dermatologist": ("Hudlegen", "Hudklinikken", "Hudhelse"),
}
# A clinical dietitian's services: Norwegian text, English text, price (kroner).
BLIND9_DIETITIAN_ITEMS = (
    ("Førstegangssamtale, klinisk ernæringsfysiolog 60 min",
     "First consultation, clinical dietitian, 60 min", "1100.00"),
    ("Oppfølgingssamtale 30 min", "Follow-up consultation, 30 min", "650.00"),
)  # fmt: skip
BLIND9_DIETITIAN_EXTRAS = (
    ("Individuell kostplan", "Individual meal plan", "450.00"),
    ("Måling av kroppssammensetning", "Body composition measurement", "250.00"),
)  # fmt: skip
SERVICE_NAMES.update(
    {
        "manual_therapist": {"nb": "Manuellterapeut", "nn": "Manuellterapeut",
                             "en": "Manual therapist"},
        "gynecologist": {"nb": "Gynekolog", "nn": "Gynekolog", "en": "Gynaecologist"},
        "dermatologist": {"nb": "Hudlege", "nn": "Hudlege", "en": "Dermatologist"},
        "clinical_dietitian": {"nb": "Klinisk ernæringsfysiolog",
                               "nn": "Klinisk ernæringsfysiolog", "en": "Clinical dietitian"},
    }
)  # fmt: skip


def blind9_name(rng: random.Random) -> str:
    """A Portuguese, Albanian, Slovak, Welsh, Finnish, Kenyan, Catalan or Norwegian name, none
    in another set."""
    return f"{rng.choice(BLIND9_FIRST_NAMES)} {rng.choice(BLIND9_SURNAMES)}"


def blind9_amount_style(rng: random.Random, language: str) -> str:
    return rng.choice(BLIND9_AMOUNT_STYLES["en" if language == "en" else "nb"])


def blind9_overview(rng: random.Random, *, layout: str | None = None) -> Overview:
    """An overview for the ninth blind set: helsenorge's mobile page saved as a PDF from the
    phone, the desktop page with a chart of the months printed, or the app's list with filter
    chips and the total in a bar at the foot."""
    year = rng.choice(YEARS)
    lang = language(rng)
    chosen = layout or rng.choice(BLIND9_OVERVIEW_LAYOUTS)
    counts = {
        "saved_mobile_pdf": (1, 2, 3, 4, 5, 7, 9, 12, 15, 19, 24),
        "chart_overview": (2, 3, 4, 5, 6, 8, 10, 13, 17, 20),
        BLIND9_PHONE_LAYOUT: (1, 2, 3, 4, 5, 6, 8, 10, 12, 14),
    }[chosen]
    fees = _on_opening_days(_fees(rng, year=year, language=lang, count=rng.choice(counts)), lang)
    printed_at = max(fee.day for fee in fees) + timedelta(days=rng.randrange(3, 45))
    return Overview(
        name=blind9_name(rng),
        birth_date=birth_date(rng),
        year=year,
        language=lang,
        layout=chosen,
        amount_style=blind9_amount_style(rng, lang),
        wording=BLIND9_WORDING,
        newest_first=chosen != "chart_overview" and rng.random() < 0.5,
        printed_at=printed_at,
        fees=fees,
        date_style=rng.choice(BLIND9_DATE_STYLES[chosen]),
    )


def blind9_receipt(rng: random.Random, *, layout: str | None = None) -> Receipt:
    """A receipt for the ninth blind set: a manual therapist's receipt written by hand in a
    receipt book and stamped, a private gynaecologist's or dermatologist's receipt from an
    online payment page, or a clinical dietitian's receipt from a practice system."""
    chosen = layout or rng.choice(BLIND9_RECEIPT_LAYOUTS)
    year = rng.choice(YEARS)
    lang = language(rng)
    place = rng.choice(BLIND9_PLACES)
    english = lang == "en"
    amount = blind9_amount_style(rng, lang)
    if chosen == "receipt_book":
        profession = "manual_therapist"
        firm = rng.choice(("Manuellterapi", "Rygg og Ledd Manuellterapi", "Manuellterapeutene"))
        provider = f"{firm} {place}"
        picked = [rng.choice(BLIND9_MANUAL_THERAPY)]
        # The book prints "Kr." before the amount (in English "NKr").
        amount = "nkr_point" if english else "upper_kr_dots"
    elif chosen == "online_paid_receipt":
        profession = rng.choice(tuple(BLIND9_SPECIALIST_ITEMS))
        provider = f"{rng.choice(BLIND9_SPECIALIST_CLINICS[profession])} {place}"
        first, *extras = BLIND9_SPECIALIST_ITEMS[profession]
        picked = [first, *rng.sample(extras, k=rng.choice((0, 0, 1, 1, 2)))]
    else:
        profession = "clinical_dietitian"
        provider = f"{rng.choice(('Ernæringsklinikken', 'Kosthold og Helse'))} {place}"
        picked = [rng.choice(BLIND9_DIETITIAN_ITEMS)]
        if rng.random() < 0.45:
            picked.append(rng.choice(BLIND9_DIETITIAN_EXTRAS))
    items = tuple(
        Item("", text_en if english else text_nb, Decimal(price))
        for text_nb, text_en, price in picked
    )
    visit = _open_on(date(year, 1, 1) + timedelta(days=rng.randrange(340)), 5)
    street = rng.choice(("Strandgata", "Kongens gate", "Parkvegen", "Jernbanegata"))
    return Receipt(
        patient=blind9_name(rng),
        birth_date=birth_date(rng),
        language=lang,
        layout=chosen,
        amount_style=amount,
        profession=profession,
        provider=provider,
        organisation_number=organisation_number(rng),
        address=f"{street} {rng.randint(1, 70)}, {rng.randint(1000, 9990)} {place}",
        day=visit,
        items=items,
        itemised=len(items) > 1,
        invoice_number=rng.randint(100, 9_999),
        account=f"{rng.randint(1000, 9999)}.{rng.randint(10, 99)}.{rng.randint(10000, 99999)}",
        phone=f"{rng.randint(21, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
        f"{rng.randint(10, 99)}",
        date_style=rng.choice(BLIND9_DATE_STYLES[chosen]),
        payment={"receipt_book": "cash", "online_paid_receipt": "card"}.get(chosen, "terminal"),
    )


# ---- the tenth blind set -----------------------------------------------------------------

# Only in the tenth blind set (blind10_overview, blind10_receipt).
BLIND10_OVERVIEW_LAYOUTS = ("sidebar_page", "register_certificate")
BLIND10_DESKTOP_LAYOUT = "sidebar_page"
"""The overview a phone shows as the desktop site (``render.desktop_site``)."""
BLIND10_PHONE_LAYOUT = "timeline_app"
BLIND10_RECEIPT_LAYOUTS = ("terminal_roll", "surgery_receipt", "sms_receipt")
BLIND10_PHONE_RECEIPT_LAYOUTS = ("sms_receipt",)
"""Receipts that exist only on a phone (a text message): screenshots, never paper."""
BLIND10_AMOUNT_STYLES = {
    "sidebar_page": {"nb": "kr_cap_after", "en": "kr_cap_point"},
    "register_certificate": {"nb": "kr_cap_after", "en": "kr_cap_point"},
    BLIND10_PHONE_LAYOUT: {"nb": "kr_cap_after", "en": "kr_cap_point"},
    "terminal_roll": {"nb": "upper_kr", "en": "upper_kr"},
    "surgery_receipt": {"nb": "kr_cap_after", "en": "kr_cap_point"},
    "sms_receipt": {"nb": "kr_dot_after", "en": "kr_dot_point"},
}  # fmt: skip
"""By layout and language (nynorsk as bokmål); described in ``blind10_layouts.money``."""
BLIND10_DATE_STYLES = {
    "sidebar_page": ("weekday_month",), "register_certificate": ("weekday_long_month",),
    BLIND10_PHONE_LAYOUT: ("weekday_slash",),
    "terminal_roll": ("yy_clock",), "surgery_receipt": ("weekday_month",),
    "sms_receipt": ("slash_yy",),
}  # fmt: skip
"""Described in ``blind10_layouts.day``."""
BLIND10_WORDING = 13
"""The tenth blind set prints its own headings and sums (``blind10_layouts.WORDS``)."""
BLIND10_FIRST_NAMES = (
    "Ġorġ", "Ġużeppi", "Aygün", "Rəşad", "Õnne", "Tõnis", "Ṣadé", "Ọláolúwa", "Iñaki",
    "Itziar", "Uxía", "Xoán", "Gwenaëlle", "Aviaja", "Sigrunn", "Jøran", "Ånund", "Hallgeir",
    "Solfrid", "Eyvind",
)  # fmt: skip
BLIND10_SURNAMES = (
    "Mifsud", "Xuereb", "Lõhmus", "Nõmm", "Ògúnlànà", "Etxeberria", "Agirretxe", "Castiñeira",
    "Kleist", "Lynge", "Sølvberg", "Grøtterud", "Kjølstad", "Åsheim", "Hæreid", "Røyseland",
    "Fløtten", "Bræin", "Sæverud", "Sørbø",
)  # fmt: skip
BLIND10_PLACES = (
    "Elverum", "Lillehammer", "Kristiansund", "Sogndal", "Notodden", "Arendal", "Levanger",
    "Harstad", "Ørsta", "Mosjøen", "Brumunddal", "Sortland", "Flekkefjord", "Skien",
)  # fmt: skip
BLIND10_HOSPITALS = (
    "Sørlandet sykehus Arendal", "Sykehuset Telemark Skien", "Kristiansund sjukehus",
    "Sykehuset Levanger", "Nordlandssykehuset Vesterålen", "Volda sjukehus",
)  # fmt: skip
BLIND10_THERAPISTS = ("Ragna Lid", "Hege Tvedt", "Frode Nysæter", "Siv Brekke", "Audun Vollan")
# A private ear, nose and throat specialist's services: Norwegian text, English text, price;
# the consultation first.
BLIND10_ENT_ITEMS = (
    ("Konsultasjon øre-nese-hals", "ENT consultation", "1390.00"),
    ("Hørselstest (audiometri)", "Hearing test (audiometry)", "490.00"),
    ("Mikroskopi og rens av øregang", "Ear microscopy and cleaning", "420.00"),
    ("Nesefiberskopi", "Nasal endoscopy", "650.00"),
    ("Trykkmåling i mellomøret", "Tympanometry", "290.00"),
)  # fmt: skip
BLIND10_ENT_CLINICS = ("ØNH-klinikken", "Øre-Nese-Hals Senteret", "Hørsel og Balanse")
# An oral surgeon's services: a fee code, Norwegian text, English text, price. A visit is an
# examination or an operation.
BLIND10_SURGERY_EXAMINATION = (
    ("K11", "Undersøkelse og konsultasjon, spesialist",
     "Examination and consultation, specialist", "890.00"),
    ("R05", "Røntgen, panoramabilde (OPG)", "Panoramic X-ray (OPG)", "590.00"),
    ("R02", "Røntgen, intraoralt bilde", "Intraoral X-ray", "160.00"),
)  # fmt: skip
BLIND10_SURGERY_OPERATION = (
    ("O21", "Kirurgisk fjerning av visdomstann", "Surgical removal of a wisdom tooth",
     "2150.00"),
    ("A03", "Lokalbedøvelse", "Local anaesthesia", "190.00"),
    ("S02", "Suturering", "Sutures", "160.00"),
    ("O09", "Kontroll og fjerning av sting", "Check-up and removal of stitches", "350.00"),
)  # fmt: skip
BLIND10_SURGERY_CLINICS = ("Kjevekirurgene", "Oralkirurgisk klinikk", "Tannhelsesenteret")
BLIND10_WISDOM_TEETH = (18, 28, 38, 48)
"""The tooth an oral surgeon's receipt is for (by its number, ``blind10_layouts.tooth``)."""
# A psychomotor physiotherapist's sessions and extras: Norwegian text, English text, price.
BLIND10_PSYCHOMOTOR_ITEMS = (
    ("Psykomotorisk fysioterapi, 60 min", "Psychomotor physiotherapy, 60 min", "890.00"),
    ("Psykomotorisk fysioterapi, 45 min", "Psychomotor physiotherapy, 45 min", "720.00"),
    ("Førstegangsvurdering, 90 min", "Initial assessment, 90 min", "1290.00"),
)  # fmt: skip
BLIND10_PSYCHOMOTOR_EXTRAS = (
    ("Skriftlig rapport til fastlege", "Written report to the GP", "450.00"),
    ("Øvelsesprogram med video", "Exercise programme with videos", "150.00"),
)  # fmt: skip
BLIND10_PSYCHOMOTOR_CLINICS = ("Kroppsro", "Pust Psykomotorikk", "Balansepunktet")
SERVICE_NAMES.update(
    {
        "ent_specialist": {"nb": "Øre-nese-hals-lege", "nn": "Øyre-nase-hals-lege",
                           "en": "ENT specialist"},
        "oral_surgeon": {"nb": "Kjevekirurg", "nn": "Kjevekirurg", "en": "Oral surgeon"},
        "psychomotor_physiotherapist": {"nb": "Psykomotorisk fysioterapeut",
                                        "nn": "Psykomotorisk fysioterapeut",
                                        "en": "Psychomotor physiotherapist"},
    }
)  # fmt: skip


def blind10_name(rng: random.Random) -> str:
    """A Maltese, Azerbaijani, Estonian, Yoruba, Basque, Galician, Breton, Greenlandic or
    Norwegian name, none in another set."""
    return f"{rng.choice(BLIND10_FIRST_NAMES)} {rng.choice(BLIND10_SURNAMES)}"


def blind10_amount_style(layout: str, language: str) -> str:
    return BLIND10_AMOUNT_STYLES[layout]["en" if language == "en" else "nb"]


def _blind10_fees(rng: random.Random, *, year: int, language: str, count: int) -> tuple[Fee, ...]:
    """A year's fees as ``_fees`` draws them, at the tenth set's own places and providers."""
    fees = _fees(rng, year=year, language=language, count=count)
    office = rng.choice(("Legegruppen {p}", "Fastlegene i {p}", "{p} helsehus, legekontoret"))
    gp_office = office.format(p=rng.choice(BLIND10_PLACES))
    kinds = {SERVICE_NAMES[kind][language]: kind for kind in FEE_WEIGHTS}
    moved = []
    for fee in fees:
        kind = kinds.get(fee.service, "outpatient")
        place = rng.choice(BLIND10_PLACES)
        provider = {
            "gp": gp_office,
            "gp_video": gp_office,
            "emergency": f"{place} kommunale legevakt",
            "psychologist": f"Psykolog {rng.choice(BLIND10_THERAPISTS)}",
            "physiotherapist": f"Fysioterapeutene {place}",
            "radiology": f"{rng.choice(('Capio Røntgen', 'Bildediagnostikk'))} {place}",
            "outpatient": rng.choice(BLIND10_HOSPITALS),
            "pharmacy": rng.choice((f"Sykehusapoteket {place}", "Farmasiet.no",
                                    f"Apoteket {place} sentrum")),
            "lab": f"Medisinsk laboratorium {place}",
        }[kind]  # fmt: skip
        moved.append(replace(fee, provider=provider))
    return _on_opening_days(tuple(moved), language)


def blind10_overview(rng: random.Random, *, layout: str | None = None) -> Overview:
    """An overview for the tenth blind set: helsenorge's desktop page with its menu in a column
    at the left (printed, or on a phone as the desktop site), the register's certificate of
    the fees with the fees under each quarter, or the app's timeline with the total in a ring
    at the top."""
    year = rng.choice(YEARS)
    lang = language(rng)
    chosen = layout or rng.choice(BLIND10_OVERVIEW_LAYOUTS)
    counts = {
        "sidebar_page": (1, 2, 3, 4, 5, 6, 8, 10, 13, 16, 21),
        "register_certificate": (1, 2, 3, 4, 5, 7, 9, 12, 15, 18, 25),
        BLIND10_PHONE_LAYOUT: (1, 2, 3, 4, 5, 6, 7, 9, 11, 14),
    }[chosen]
    fees = _blind10_fees(rng, year=year, language=lang, count=rng.choice(counts))
    limit = EXEMPTION_CARD_LIMIT[year]
    while len(fees) > 1 and sum(fee.amount for fee in fees) * 2 == limit:
        fees = fees[:-1]  # what is left before the card is never the total itself
    printed_at = max(fee.day for fee in fees) + timedelta(days=rng.randrange(4, 40))
    return Overview(
        name=blind10_name(rng),
        birth_date=birth_date(rng),
        year=year,
        language=lang,
        layout=chosen,
        amount_style=blind10_amount_style(chosen, lang),
        wording=BLIND10_WORDING,
        newest_first=chosen != "register_certificate" and rng.random() < 0.5,
        printed_at=printed_at,
        fees=fees,
        date_style=rng.choice(BLIND10_DATE_STYLES[chosen]),
    )


def blind10_receipt(rng: random.Random, *, layout: str | None = None) -> Receipt:
    """A receipt for the tenth blind set: a private ear, nose and throat specialist's till roll
    with the card terminal's slip printed on under it, an oral surgeon's receipt with a chart
    of the teeth, or a psychomotor physiotherapist's receipt sent as a text message."""
    chosen = layout or rng.choice(BLIND10_RECEIPT_LAYOUTS)
    year = rng.choice(YEARS)
    lang = language(rng)
    place = rng.choice(BLIND10_PLACES)
    english = lang == "en"
    if chosen == "terminal_roll":
        profession = "ent_specialist"
        provider = f"{rng.choice(BLIND10_ENT_CLINICS)} {place}"
        first, *extras = BLIND10_ENT_ITEMS
        picked = [first, *rng.sample(extras, k=rng.choice((0, 1, 1, 2)))]
        items = tuple(
            Item("", text_en if english else text_nb, Decimal(price))
            for text_nb, text_en, price in picked
        )
    elif chosen == "surgery_receipt":
        profession = "oral_surgeon"
        provider = f"{rng.choice(BLIND10_SURGERY_CLINICS)} {place}"
        if rng.random() < 0.45:
            examination = BLIND10_SURGERY_EXAMINATION
            chosen_items = [examination[0], rng.choice(examination[1:])]
        else:
            operation = BLIND10_SURGERY_OPERATION
            chosen_items = [operation[0], operation[1]]
            if rng.random() < 0.6:
                chosen_items.append(operation[2])
            if rng.random() < 0.2:
                chosen_items = [operation[3]]
        items = tuple(
            Item(code, text_en if english else text_nb, Decimal(price))
            for code, text_nb, text_en, price in chosen_items
        )
    else:
        profession = "psychomotor_physiotherapist"
        provider = f"{rng.choice(BLIND10_PSYCHOMOTOR_CLINICS)} {place}"
        picked = [rng.choice(BLIND10_PSYCHOMOTOR_ITEMS)]
        if rng.random() < 0.4:
            picked.append(rng.choice(BLIND10_PSYCHOMOTOR_EXTRAS))
        items = tuple(
            Item("", text_en if english else text_nb, Decimal(price))
            for text_nb, text_en, price in picked
        )
    visit = _open_on(date(year, 1, 1) + timedelta(days=rng.randrange(340)), 5)
    street = rng.choice(("Storgata", "Sjøgata", "Kirkegata", "Torget", "Elvegata"))
    street = f"{street} {rng.randint(2, 66)}"
    return Receipt(
        patient=blind10_name(rng),
        birth_date=birth_date(rng),
        language=lang,
        layout=chosen,
        amount_style=blind10_amount_style(chosen, lang),
        profession=profession,
        provider=provider,
        organisation_number=organisation_number(rng),
        address=f"{street}, {rng.randint(1000, 9990)} {place}",
        day=visit,
        items=items,
        itemised=len(items) > 1,
        invoice_number=rng.randint(10_000, 99_999),
        account=f"{rng.randint(1000, 9999)}.{rng.randint(10, 99)}.{rng.randint(10000, 99999)}",
        phone=f"{rng.randint(21, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
        f"{rng.randint(10, 99)}",
        date_style=rng.choice(BLIND10_DATE_STYLES[chosen]),
        payment="card",
    )


# ---- the eleventh blind set --------------------------------------------------------------

# Only in the eleventh blind set (blind11_overview, blind11_receipt).
BLIND11_OVERVIEW_LAYOUTS = ("service_groups", "helfo_letter")
BLIND11_PHONE_LAYOUT = "month_sections_app"
BLIND11_RECEIPT_LAYOUTS = ("allergy_receipt", "printed_mail", "payment_app")
BLIND11_PAPER_RECEIPT_LAYOUTS = ("allergy_receipt", "printed_mail")
"""Receipts on paper (a text PDF or a scan); on a phone a receipt is always the payment app's."""
BLIND11_AMOUNT_STYLES = {
    "service_groups": {"nb": "kr_tight", "en": "nok_tight"},
    "helfo_letter": {"nb": "nkr_after", "en": "kr_period_point"},
    BLIND11_PHONE_LAYOUT: {"nb": "kr_tight", "en": "nok_tight"},
    "allergy_receipt": {"nb": "upper_kr_after", "en": "upper_kr_point_after"},
    "printed_mail": {"nb": "kr_glued", "en": "nok_tight"},
    "payment_app": {"nb": "kr_tight", "en": "kr_tight"},
}  # fmt: skip
"""By layout and language (nynorsk as bokmål); described in ``blind11_layouts.money``."""
BLIND11_DATE_STYLES = {
    "service_groups": ("weekday_yy",), "helfo_letter": ("two_letter_weekday",),
    BLIND11_PHONE_LAYOUT: ("weekday_day_abbr",),
    "allergy_receipt": ("upper_month",), "printed_mail": ("weekday_comma",),
    "payment_app": ("long_clock",),
}  # fmt: skip
"""Described in ``blind11_layouts.day``."""
BLIND11_WORDING = 14
"""The eleventh blind set prints its own headings and sums (``blind11_layouts.WORDS``)."""
BLIND11_FIRST_NAMES = (
    "Jānis", "Ilze", "Žygimantas", "Aušra", "Răzvan", "Ionuț", "Ileana", "Jógvan", "Rannvá",
    "Dánjal", "Tróndur", "Sólja", "Borghild", "Torbjørg", "Gudbrand", "Eilif", "Kjellfrid",
    "Ragnvald",
)  # fmt: skip
BLIND11_SURNAMES = (
    "Ozoliņš", "Kalniņa", "Vaivade", "Žemaitis", "Jankauskienė", "Țurcanu", "Munteanu",
    "Ștefănescu", "Niclasen", "Dahl á Steig", "Hoydal", "Hægeland", "Skjæveland", "Myrvågnes",
    "Ånensen", "Fossøy", "Sæbønes", "Gjøvåg",
)  # fmt: skip
BLIND11_PLACES = (
    "Halden", "Horten", "Raufoss", "Stjørdal", "Egersund", "Voss", "Røros", "Namsos",
    "Finnsnes", "Leknes", "Ulsteinvik", "Kvinesdal", "Orkanger", "Kopervik",
)  # fmt: skip
BLIND11_HOSPITALS = (
    "Sykehuset Østfold Kalnes", "Voss sjukehus", "Sykehuset Namsos",
    "Helgelandssykehuset Mo i Rana", "Sykehuset Vestfold Tønsberg", "Lovisenberg Diakonale",
)  # fmt: skip
BLIND11_THERAPISTS = ("Turid Vik", "Oddvar Lunde", "Gro Sæle", "Bente Rød", "Jostein Hegg")
BLIND11_STREETS = ("Prestegårdsvegen", "Skolegata", "Fjellvegen", "Bryggevegen", "Nygata")
# A private allergist's services: Norwegian text, English text, price; the consultation first.
BLIND11_ALLERGY_ITEMS = (
    ("Konsultasjon allergolog", "Allergist consultation", "1290.00"),
    ("Prikktest, inhalasjonsallergener", "Skin prick test, inhaled allergens", "540.00"),
    ("Spirometri", "Spirometry", "380.00"),
    ("Blodprøve, spesifikk IgE", "Blood test, specific IgE", "460.00"),
)  # fmt: skip
BLIND11_ALLERGY_CLINICS = ("Allergiklinikken", "Allergi- og astmasenteret", "Pollenkontoret")
# An orthodontist's services: Norwegian text, English text, price (kroner).
BLIND11_ORTHO_ITEMS = (
    ("Kontroll, tannregulering", "Orthodontic check-up", "650.00"),
    ("Justering av fast apparatur", "Adjustment of fixed braces", "880.00"),
    ("Ny retainer, underkjeve", "New retainer, lower jaw", "1450.00"),
)  # fmt: skip
BLIND11_ORTHO_EXTRAS = (
    ("Reparasjon av brakett", "Bracket repair", "320.00"),
    ("Fotodokumentasjon", "Photo documentation", "190.00"),
)  # fmt: skip
BLIND11_ORTHO_CLINICS = ("Kjeveortopedene", "Tannreguleringssenteret", "Reguleringsklinikken")
# A sports physician's services: Norwegian text, English text, price (kroner).
BLIND11_SPORTS_ITEMS = (
    ("Idrettsmedisinsk konsultasjon", "Sports medicine consultation", "1150.00"),
    ("Kontroll, idrettslege", "Follow-up, sports physician", "790.00"),
)  # fmt: skip
BLIND11_SPORTS_EXTRAS = (
    ("Ultralyd av sene eller muskel", "Ultrasound of tendon or muscle", "690.00"),
    ("Taping og bandasjering", "Taping and bandaging", "140.00"),
)  # fmt: skip
BLIND11_SPORTS_CLINICS = ("Idrettsklinikken", "Sportsmedisinsk senter", "Aktiv Helse")
SERVICE_NAMES.update(
    {
        "allergist": {"nb": "Allergolog", "nn": "Allergolog", "en": "Allergist"},
        "orthodontist": {"nb": "Kjeveortoped", "nn": "Kjeveortoped", "en": "Orthodontist"},
        "sports_physician": {"nb": "Idrettslege", "nn": "Idrettslege",
                             "en": "Sports physician"},
    }
)  # fmt: skip


def blind11_name(rng: random.Random) -> str:
    """A Latvian, Lithuanian, Romanian, Faroese or Norwegian name, none in another set."""
    return f"{rng.choice(BLIND11_FIRST_NAMES)} {rng.choice(BLIND11_SURNAMES)}"


def blind11_amount_style(layout: str, language: str) -> str:
    return BLIND11_AMOUNT_STYLES[layout]["en" if language == "en" else "nb"]


def _blind11_fees(rng: random.Random, *, year: int, language: str, count: int) -> tuple[Fee, ...]:
    """A year's fees as ``_fees`` draws them, at the eleventh set's own places and providers."""
    fees = _fees(rng, year=year, language=language, count=count)
    office = rng.choice(("Legekontoret {p}", "{p} legesenter", "Fastlegekontoret i {p}"))
    gp_office = office.format(p=rng.choice(BLIND11_PLACES))
    kinds = {SERVICE_NAMES[kind][language]: kind for kind in FEE_WEIGHTS}
    moved = []
    for fee in fees:
        kind = kinds.get(fee.service, "outpatient")
        place = rng.choice(BLIND11_PLACES)
        provider = {
            "gp": gp_office,
            "gp_video": gp_office,
            "emergency": f"Interkommunal legevakt {place}",
            "psychologist": f"Psykologpraksis {rng.choice(BLIND11_THERAPISTS)}",
            "physiotherapist": f"{place} fysioterapi og trening",
            "radiology": f"{rng.choice(('Røntgeninstituttet', 'Diagnostisk senter'))} {place}",
            "outpatient": rng.choice(BLIND11_HOSPITALS),
            "pharmacy": rng.choice((f"Apotek 1 Gulleksen {place}", f"Vitus {place} torg",
                                    f"Boots {place} stasjon")),
            "lab": f"Laboratoriet {place}",
        }[kind]  # fmt: skip
        moved.append(replace(fee, provider=provider))
    return _on_opening_days(tuple(moved), language)


def blind11_overview(rng: random.Random, *, layout: str | None = None) -> Overview:
    """An overview for the eleventh blind set: helsenorge's page printed with the fees grouped
    by service, Helfo's letter with the fees of the year, or the app's list with a section for
    each month."""
    year = rng.choice(YEARS)
    lang = language(rng)
    chosen = layout or rng.choice(BLIND11_OVERVIEW_LAYOUTS)
    counts = {
        "service_groups": (2, 3, 4, 5, 6, 7, 9, 11, 14, 18, 23),
        "helfo_letter": (1, 2, 3, 4, 5, 6, 8, 10, 13, 17, 26),
        BLIND11_PHONE_LAYOUT: (1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 15),
    }[chosen]
    fees = _blind11_fees(rng, year=year, language=lang, count=rng.choice(counts))
    limit = EXEMPTION_CARD_LIMIT[year]
    while len(fees) > 1 and sum(fee.amount for fee in fees) * 2 == limit:
        fees = fees[:-1]  # what is left before the card is never the total itself
    printed_at = max(fee.day for fee in fees) + timedelta(days=rng.randrange(3, 50))
    return Overview(
        name=blind11_name(rng),
        birth_date=birth_date(rng),
        year=year,
        language=lang,
        layout=chosen,
        amount_style=blind11_amount_style(chosen, lang),
        wording=BLIND11_WORDING,
        newest_first=chosen == BLIND11_PHONE_LAYOUT and rng.random() < 0.6,
        printed_at=printed_at,
        fees=fees,
        date_style=rng.choice(BLIND11_DATE_STYLES[chosen]),
    )


def blind11_receipt(rng: random.Random, *, layout: str | None = None) -> Receipt:
    """A receipt for the eleventh blind set: a private allergist's receipt on A4, an
    orthodontist's receipt e-mailed and printed from the mail program, or a sports physician's
    receipt in a payment app on the phone."""
    chosen = layout or rng.choice(BLIND11_RECEIPT_LAYOUTS)
    year = rng.choice(YEARS)
    lang = language(rng)
    place = rng.choice(BLIND11_PLACES)
    english = lang == "en"
    if chosen == "allergy_receipt":
        profession = "allergist"
        provider = f"{rng.choice(BLIND11_ALLERGY_CLINICS)} {place}"
        first, *extras = BLIND11_ALLERGY_ITEMS
        picked = [first, *rng.sample(extras, k=rng.choice((0, 1, 1, 2, 3)))]
    elif chosen == "printed_mail":
        profession = "orthodontist"
        provider = f"{rng.choice(BLIND11_ORTHO_CLINICS)} {place}"
        picked = [rng.choice(BLIND11_ORTHO_ITEMS)]
        if rng.random() < 0.45:
            picked.append(rng.choice(BLIND11_ORTHO_EXTRAS))
    else:
        profession = "sports_physician"
        provider = f"{rng.choice(BLIND11_SPORTS_CLINICS)} {place}"
        picked = [rng.choice(BLIND11_SPORTS_ITEMS)]
        picked += rng.sample(BLIND11_SPORTS_EXTRAS, k=rng.choice((0, 0, 1, 2)))
    items = tuple(
        Item("", text_en if english else text_nb, Decimal(price))
        for text_nb, text_en, price in picked
    )
    visit = _open_on(date(year, 1, 1) + timedelta(days=rng.randrange(340)), 5)
    street = f"{rng.choice(BLIND11_STREETS)} {rng.randint(1, 48)}"
    return Receipt(
        patient=blind11_name(rng),
        birth_date=birth_date(rng),
        language=lang,
        layout=chosen,
        amount_style=blind11_amount_style(chosen, lang),
        profession=profession,
        provider=provider,
        organisation_number=organisation_number(rng),
        address=f"{street}, {rng.randint(1000, 9990)} {place}",
        day=visit,
        items=items,
        itemised=len(items) > 1,
        invoice_number=rng.randint(100_000, 999_999),
        account=f"{rng.randint(1000, 9999)}.{rng.randint(10, 99)}.{rng.randint(10000, 99999)}",
        phone=f"{rng.randint(21, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
        f"{rng.randint(10, 99)}",
        date_style=rng.choice(BLIND11_DATE_STYLES[chosen]),
        payment={"payment_app": "vipps"}.get(chosen, "card"),
    )


# ---- the twelfth blind set ---------------------------------------------------------------

# Only in the twelfth blind set (blind12_overview, blind12_receipt).
BLIND12_OVERVIEW_LAYOUTS = ("gp_statement", "caseworker_letter")
BLIND12_PHONE_LAYOUT = "accordion_site"
BLIND12_RECEIPT_LAYOUTS = ("vaccine_receipt", "duplicate_receipt", "bank_receipt")
BLIND12_PAPER_RECEIPT_LAYOUTS = ("vaccine_receipt", "duplicate_receipt")
"""Receipts on paper (a text PDF or a scan); on a phone a receipt is always the bank app's."""
BLIND12_AMOUNT_STYLES = {
    "gp_statement": {"nb": "nkr_upper", "en": "nkr_upper_point"},
    "caseworker_letter": {"nb": "norske_kroner", "en": "norwegian_kroner"},
    BLIND12_PHONE_LAYOUT: {"nb": "nok_glued_comma", "en": "kr_glued_point"},
    "vaccine_receipt": {"nb": "nok_glued_comma", "en": "kr_glued_point"},
    "duplicate_receipt": {"nb": "kr_ore", "en": "kr_ore"},
    "bank_receipt": {"nb": "minus_kr", "en": "minus_nok"},
}  # fmt: skip
"""By layout and language (nynorsk as bokmål); described in ``blind12_layouts.money``."""
BLIND12_DATE_STYLES = {
    "gp_statement": ("numeric_clock",), "caseworker_letter": ("formal_long",),
    BLIND12_PHONE_LAYOUT: ("long_weekday_yy",),
    "vaccine_receipt": ("iso_clock",), "duplicate_receipt": ("weekday_after",),
    "bank_receipt": ("comma_kl",),
}  # fmt: skip
"""Described in ``blind12_layouts.day``."""
BLIND12_TRANSLATED_DATE_STYLE = "translated_day"
"""The phone's page machine-translated into English by the browser: "12. March"."""
BLIND12_WORDING = 15
"""The twelfth blind set prints its own headings and sums (``blind12_layouts.WORDS``)."""
BLIND12_TRANSLATED_WORDING = 16
"""A page the browser machine-translated from bokmål into English (``blind12_layouts.WORDS``
under ``mt``)."""
BLIND12_FIRST_NAMES = {
    "f": ("Eleni", "Vasiliki", "Jelena", "Mateja", "Nino", "Tamar", "Chiamaka", "Adaeze",
          "Seo-yeon", "Torhild", "Herdis", "Kjellaug", "Gjertrud", "Øyvor", "Ingvild",
          "Magnhild"),
    "m": ("Dimitrios", "Konstantinos", "Đorđe", "Giorgi", "Chukwuemeka", "Min-jun", "Bjørnar",
          "Sigve", "Håvard", "Reidar", "Tollef"),
}  # fmt: skip
BLIND12_SURNAMES = (
    "Petrović", "Šćepanović", "Kovačević", "Beridze", "Javakhishvili", "Okonkwo", "Nwachukwu",
    "Park", "Choi", "Bjørnstad", "Kvåle", "Særsten", "Hølaas", "Tjønneland", "Bøyum",
    "Vågsholm", "Fjellstrøm",
)  # fmt: skip
BLIND12_SEXED_SURNAMES = {
    "f": ("Papadopoulou", "Konstantinidou"),
    "m": ("Papadopoulos", "Konstantinidis"),
}
BLIND12_PUNJABI_NAMES = {"f": ("Harpreet", "Jaspreet"), "m": ("Gurpreet", "Harjit")}
BLIND12_PUNJABI_SURNAMES = ("Dhillon", "Sandhu", "Grewal")
"""Sikh names: the given name, Kaur (a woman) or Singh (a man), then the family name."""
BLIND12_PLACES = (
    "Kongsvinger", "Tynset", "Drøbak", "Larvik", "Mandal", "Stord", "Odda", "Brønnøysund",
    "Fauske", "Svolvær", "Oppdal", "Hønefoss", "Jessheim", "Grimstad", "Bryne", "Stryn",
)  # fmt: skip
BLIND12_HOSPITALS = (
    "Sykehuset Innlandet Kongsvinger", "Stord sjukehus", "Nordlandssykehuset Lofoten",
    "Sørlandet sykehus Flekkefjord", "Ringerike sykehus", "Sykehuset i Vestfold, Larvik",
)  # fmt: skip
BLIND12_THERAPISTS = ("Liv Hagerup", "Trond Vatne", "Siri Heggem", "Arve Kolstad", "Une Moe")
BLIND12_DOCTORS = ("Tonje Grytten", "Eivind Haga", "Marit Solheim", "Ola Berge", "Kari Lode")
"""The GP office's doctors (their initials beside each visit, ``blind12_layouts``)."""
BLIND12_STREETS = ("Strandvegen", "Kyrkjegata", "Torgallmenningen", "Sjøgata", "Løkkegata")
# A GP's visit: its takst codes, the fee it adds up to (FEE_BY_YEAR's kinds), and its service.
BLIND12_GP_VISITS = (
    ("2ad", ("gp",), "gp"),
    ("2ad 701a", ("gp", "lab"), "gp"),
    ("2ae", ("gp_video",), "gp_video"),
    ("701a", ("lab",), "lab"),
)
BLIND12_GP_WEIGHTS = (6, 3, 2, 2)
BLIND12_GP_OFFICES = ("Legekontoret i {p}", "{p} allmennlegepraksis", "Fastlegane i {p}")
# A travel vaccination clinic's services: Norwegian text, English text, price; the
# consultation first.
BLIND12_VACCINE_ITEMS = (
    ("Konsultasjon reisevaksinasjon", "Travel vaccination consultation", "450.00"),
    ("Twinrix voksen (hepatitt A og B), dose 1", "Twinrix adult (hepatitis A and B), dose 1",
     "690.00"),
    ("Havrix 1440 (hepatitt A)", "Havrix 1440 (hepatitis A)", "590.00"),
    ("Dukoral (kolera), 2 doser", "Dukoral (cholera), 2 doses", "820.00"),
    ("Stamaril (gulfeber)", "Stamaril (yellow fever)", "940.00"),
    ("Typhim Vi (tyfoid)", "Typhim Vi (typhoid)", "520.00"),
    ("Verorab (rabies), dose 1", "Verorab (rabies), dose 1", "1090.00"),
    ("Ixiaro (japansk encefalitt), dose 1", "Ixiaro (Japanese encephalitis), dose 1",
     "1490.00"),
)  # fmt: skip
BLIND12_VACCINE_CERTIFICATE = (
    "Internasjonalt vaksinasjonssertifikat",
    "International certificate of vaccination",
    "90.00",
)
BLIND12_VACCINE_CLINICS = ("Vaksinesenteret", "Reisemedisinsk klinikk", "Reisevaksine")
BLIND12_DESTINATIONS = (
    "Tanzania", "Kenya", "Thailand", "Vietnam", "Peru", "India", "Ghana", "Brasil", "Uganda",
)  # fmt: skip
# A midwife's practice: Norwegian text, English text, price (kroner).
BLIND12_MIDWIFE_ITEMS = (
    ("Tidlig ultralyd (uke 6–11)", "Early pregnancy scan (weeks 6–11)", "1350.00"),
    ("Ultralyd hos jordmor, uke 12–14", "Midwife ultrasound, weeks 12–14", "1650.00"),
    ("Jordmorkonsultasjon 45 min", "Midwife consultation, 45 min", "750.00"),
)  # fmt: skip
BLIND12_MIDWIFE_EXTRAS = (
    ("Blodtrykk og urinprøve", "Blood pressure and urine test", "150.00"),
    ("Utskrift av ultralydbilder", "Printed scan pictures", "100.00"),
)  # fmt: skip
BLIND12_MIDWIFE_CLINICS = ("Jordmorhuset", "Jordmorpraksisen", "Svangerskapsklinikken")
# A private cardiologist's services: Norwegian text, English text, price; the consultation
# first.
BLIND12_CARDIOLOGY_ITEMS = (
    ("Konsultasjon hjertespesialist", "Cardiology consultation", "1650.00"),
    ("EKG", "ECG", "350.00"),
    ("Ultralyd av hjertet (ekko)", "Echocardiography", "1450.00"),
    ("Arbeids-EKG (belastningstest)", "Exercise ECG (stress test)", "1250.00"),
    ("24-timers blodtrykksmåling", "24-hour blood pressure monitoring", "890.00"),
)  # fmt: skip
BLIND12_CARDIOLOGY_CLINICS = ("Hjerteklinikken", "Kardiologisk senter", "Hjertelegen")
SERVICE_NAMES.update(
    {
        "travel_vaccination": {"nb": "Reisevaksinasjon", "nn": "Reisevaksinasjon",
                               "en": "Travel vaccination"},
        "midwife": {"nb": "Jordmor", "nn": "Jordmor", "en": "Midwife"},
        "cardiologist": {"nb": "Hjertespesialist", "nn": "Hjartespesialist",
                         "en": "Cardiologist"},
    }
)  # fmt: skip


def blind12_name(rng: random.Random, *, sex: str = "", capital_surname: bool = False) -> str:
    """A Greek, Serbian, Croatian, Montenegrin, Georgian, Igbo, Korean, Punjabi or Norwegian
    name, none in another set; ``capital_surname`` prints the family name in capitals, as an
    international vaccination certificate writes it ("Nino BERIDZE")."""
    sex = sex or rng.choice("fm")
    if rng.random() < 0.12:
        given = f"{rng.choice(BLIND12_PUNJABI_NAMES[sex])} {'Kaur' if sex == 'f' else 'Singh'}"
        surname = rng.choice(BLIND12_PUNJABI_SURNAMES)
    else:
        given = rng.choice(BLIND12_FIRST_NAMES[sex])
        surname = rng.choice(BLIND12_SURNAMES + BLIND12_SEXED_SURNAMES[sex])
    return f"{given} {surname.upper() if capital_surname else surname}"


def blind12_amount_style(layout: str, language: str) -> str:
    return BLIND12_AMOUNT_STYLES[layout]["en" if language == "en" else "nb"]


def _blind12_fees(rng: random.Random, *, year: int, language: str, count: int) -> tuple[Fee, ...]:
    """A year's fees as ``_fees`` draws them, at the twelfth set's own places and providers."""
    fees = _fees(rng, year=year, language=language, count=count)
    office = rng.choice(BLIND12_GP_OFFICES).format(p=rng.choice(BLIND12_PLACES))
    kinds = {SERVICE_NAMES[kind][language]: kind for kind in FEE_WEIGHTS}
    moved = []
    for fee in fees:
        kind = kinds.get(fee.service, "outpatient")
        place = rng.choice(BLIND12_PLACES)
        provider = {
            "gp": office,
            "gp_video": office,
            "emergency": f"Legevakta i {place}",
            "psychologist": f"Psykologkontoret {rng.choice(BLIND12_THERAPISTS)}",
            "physiotherapist": f"{place} fysikalske institutt",
            "radiology": f"{rng.choice(('Røntgen Vest', 'Bildediagnostisk senter'))} {place}",
            "outpatient": rng.choice(BLIND12_HOSPITALS),
            "pharmacy": rng.choice((f"Apotek 1 {place} storsenter", f"Vitusapotek {place}",
                                    f"{place} apotek")),
            "lab": f"Medisinsk laboratorium {place}",
        }[kind]  # fmt: skip
        moved.append(replace(fee, provider=provider))
    return _on_opening_days(tuple(moved), language)


def _blind12_gp_visits(
    rng: random.Random, *, year: int, language: str, count: int
) -> tuple[Fee, ...]:
    """A year's visits to one GP office, a working day each (``BLIND12_GP_VISITS``), below the
    exemption card limit."""
    column = YEARS.index(year)
    first = date(year, 1, 1)
    open_days = [
        first + timedelta(days=offset)
        for offset in range(340)
        if (first + timedelta(days=offset)).weekday() < 5
    ]
    days = sorted(rng.sample(open_days, k=count))
    office = rng.choice(BLIND12_GP_OFFICES).format(p=rng.choice(BLIND12_PLACES))
    limit = EXEMPTION_CARD_LIMIT[year]
    fees: list[Fee] = []
    paid = Decimal(0)
    for visit in days:
        _, parts, kind = rng.choices(BLIND12_GP_VISITS, weights=BLIND12_GP_WEIGHTS)[0]
        amount = sum((Decimal(FEE_BY_YEAR[part][column]) for part in parts), Decimal("0.00"))
        if paid + amount >= limit:
            break
        paid += amount
        fees.append(Fee(visit, amount, office, SERVICE_NAMES[kind][language]))
    return tuple(fees)


def blind12_overview(
    rng: random.Random, *, layout: str | None = None, translated: bool = False
) -> Overview:
    """An overview for the twelfth blind set: a GP office's statement of the user fees paid
    there in a year (a practice system's print), a caseworker's reply letter listing the fees
    registered (a sentence each), or helsenorge's mobile page with a row per fee to unfold
    (``translated``: the page the phone's browser machine-translated from bokmål into
    English)."""
    year = rng.choice(YEARS)
    lang = "en" if translated else language(rng)
    chosen = layout or rng.choice(BLIND12_OVERVIEW_LAYOUTS)
    counts = {
        "gp_statement": (1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 14),
        "caseworker_letter": (1, 2, 3, 4, 5, 6, 8, 10, 13, 16, 20),
        BLIND12_PHONE_LAYOUT: (1, 2, 3, 4, 5, 6, 7, 8, 10, 12),
    }[chosen]
    count = rng.choice(counts)
    if chosen == "gp_statement":
        fees = _blind12_gp_visits(rng, year=year, language=lang, count=count)
    else:
        fees = _blind12_fees(rng, year=year, language=lang, count=count)
    limit = EXEMPTION_CARD_LIMIT[year]
    while len(fees) > 1 and sum(fee.amount for fee in fees) * 2 == limit:
        fees = fees[:-1]  # what is left before the card is never the total itself
    printed_at = max(fee.day for fee in fees) + timedelta(days=rng.randrange(6, 45))
    amount_style = blind12_amount_style(chosen, "nb" if translated else lang)
    return Overview(
        name=blind12_name(rng),
        birth_date=birth_date(rng),
        year=year,
        language=lang,
        layout=chosen,
        amount_style=amount_style,
        wording=BLIND12_TRANSLATED_WORDING if translated else BLIND12_WORDING,
        newest_first=chosen != "caseworker_letter" and rng.random() < 0.6,
        printed_at=printed_at,
        fees=fees,
        date_style=BLIND12_TRANSLATED_DATE_STYLE
        if translated
        else rng.choice(BLIND12_DATE_STYLES[chosen]),
    )


def blind12_receipt(rng: random.Random, *, layout: str | None = None) -> Receipt:
    """A receipt for the twelfth blind set: a travel vaccination clinic's receipt on A4 (the
    vaccines' batch numbers, the next dose's date, the family name in capitals), a midwife's
    receipt printed twice on one page (the patient's copy and the clinic's, a line to cut
    along, kroner and øre in columns of their own), or a private cardiologist's digital
    receipt in a bank app on the phone (the purchase as a debit)."""
    chosen = layout or rng.choice(BLIND12_RECEIPT_LAYOUTS)
    year = rng.choice(YEARS)
    lang = language(rng)
    place = rng.choice(BLIND12_PLACES)
    english = lang == "en"
    if chosen == "vaccine_receipt":
        profession = "travel_vaccination"
        provider = f"{rng.choice(BLIND12_VACCINE_CLINICS)} {place}"
        first, *vaccines = BLIND12_VACCINE_ITEMS
        picked = [first, *rng.sample(vaccines, k=rng.choice((1, 1, 2, 2, 3)))]
        if rng.random() < 0.3:
            picked.append(BLIND12_VACCINE_CERTIFICATE)
        patient = blind12_name(rng, capital_surname=True)
    elif chosen == "duplicate_receipt":
        profession = "midwife"
        provider = f"{rng.choice(BLIND12_MIDWIFE_CLINICS)} {place}"
        picked = [rng.choice(BLIND12_MIDWIFE_ITEMS)]
        if rng.random() < 0.45:
            picked.append(rng.choice(BLIND12_MIDWIFE_EXTRAS))
        patient = blind12_name(rng, sex="f")
    else:
        profession = "cardiologist"
        provider = f"{rng.choice(BLIND12_CARDIOLOGY_CLINICS)} {place}"
        first, *extras = BLIND12_CARDIOLOGY_ITEMS
        picked = [first, *rng.sample(extras, k=rng.choice((0, 1, 1, 2)))]
        patient = blind12_name(rng)
    while sum(Decimal(price) for _, _, price in picked) >= EXEMPTION_CARD_LIMIT[year]:
        picked = picked[:-1]  # a visit costs less than the year's limit
    items = tuple(
        Item("", text_en if english else text_nb, Decimal(price))
        for text_nb, text_en, price in picked
    )
    visit = _open_on(date(year, 1, 1) + timedelta(days=rng.randrange(330)), 5)
    street = f"{rng.choice(BLIND12_STREETS)} {rng.randint(1, 44)}"
    return Receipt(
        patient=patient,
        birth_date=birth_date(rng),
        language=lang,
        layout=chosen,
        amount_style=blind12_amount_style(chosen, lang),
        profession=profession,
        provider=provider,
        organisation_number=organisation_number(rng),
        address=f"{street}, {rng.randint(1000, 9990)} {place}",
        day=visit,
        items=items,
        itemised=len(items) > 1,
        invoice_number=rng.randint(1_000, 99_999),
        account=f"{rng.randint(1000, 9999)}.{rng.randint(10, 99)}.{rng.randint(10000, 99999)}",
        phone=f"{rng.randint(21, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
        f"{rng.randint(10, 99)}",
        date_style=rng.choice(BLIND12_DATE_STYLES[chosen]),
        payment={"duplicate_receipt": "vipps"}.get(chosen, "card"),
    )


# ---- the thirteenth blind set ------------------------------------------------------------

# Only in the thirteenth blind set (blind13_overview, blind13_receipt).
BLIND13_OVERVIEW_LAYOUTS = ("pharmacy_statement", "account_statement")
BLIND13_PHONE_LAYOUT = "mailbox_statement"
BLIND13_RECEIPT_LAYOUTS = ("hearing_receipt", "label_receipt", "mailbox_receipt")
BLIND13_PAPER_RECEIPT_LAYOUTS = ("hearing_receipt", "label_receipt")
"""Receipts on paper (a text PDF or a scan); on a phone a receipt is always a psychiatrist's,
in the digital mailbox."""
BLIND13_AMOUNT_STYLES = {
    "pharmacy_statement": {"nb": "nkr_lower", "en": "nkr_lower_point"},
    "account_statement": {"nb": "plus_kr", "en": "plus_nok"},
    BLIND13_PHONE_LAYOUT: {"nb": "kroner_before", "en": "kroner_point"},
    "hearing_receipt": {"nb": "nkr_lower", "en": "upper_kr_point"},
    "label_receipt": {"nb": "kroner_before", "en": "kroner_point"},
    "mailbox_receipt": {"nb": "prose_kroner", "en": "prose_kroner_en"},
}  # fmt: skip
"""By layout and language (nynorsk as bokmål); described in ``blind13_layouts.money``."""
BLIND13_DATE_STYLES = {
    "pharmacy_statement": ("numeric_seconds",), "account_statement": ("plain_abbr",),
    BLIND13_PHONE_LAYOUT: ("den_day_month",),
    "hearing_receipt": ("upper_long_month",), "label_receipt": ("week_number",),
    "mailbox_receipt": ("den_numeric",),
}  # fmt: skip
"""Described in ``blind13_layouts.day``."""
BLIND13_WORDING = 17
"""The thirteenth blind set prints its own headings and sums (``blind13_layouts.WORDS``)."""
BLIND13_FIRST_NAMES = {
    "f": ("Špela", "Urška", "Emina", "Amra", "Biljana", "Desislava", "Siriporn", "Kanokwan",
          "Oyunchimeg", "Enkhjargal", "Zarlasht", "Mursal", "Meron", "Tigist", "Thandiwe",
          "Nomvula", "Aroha", "Eilidh"),
    "m": ("Žiga", "Jernej", "Adnan", "Edin", "Zoran", "Ivaylo", "Somchai", "Thanawat",
          "Batbayar", "Ganbold", "Mirwais", "Naveed", "Dawit", "Yonas", "Sipho", "Themba",
          "Wiremu", "Ruairidh"),
}  # fmt: skip
BLIND13_SURNAMES = (
    "Zupančič", "Krajnc", "Potočnik", "Hadžić", "Begović", "Mehmedović", "Wongsakul",
    "Chaiyaporn", "Srisuk", "Tserendorj", "Ganbaatar", "Ahmadzai", "Popal", "Stanikzai",
    "Girma", "Alemu", "Bekele", "Dlamini", "Nkosi", "Mthembu", "Ngata", "Parata", "MacAulay",
    "MacKinnon",
)  # fmt: skip
BLIND13_SEXED_SURNAMES = {
    "f": ("Stojanovska", "Georgieva"),
    "m": ("Stojanovski", "Dimitrov"),
}
BLIND13_NORWEGIAN_NAMES = {
    "f": ("Gunvor", "Oddny", "Aslaug", "Ingebjørg", "Ranveig", "Sigfrid"),
    "m": ("Sigbjørn", "Torkjell", "Arnfinn", "Ketil", "Vegard", "Alvin"),
}
BLIND13_NORWEGIAN_SURNAMES = (
    "Lysne", "Skogstad", "Kvernmo", "Rustad", "Hjelmeland", "Mørkved", "Tangvald", "Solbakken",
    "Eikrem", "Brekken", "Rødal", "Øvstebø",
)  # fmt: skip
"""Norwegians with two surnames, the mother's then the father's, no hyphen ("Gunvor Lysne
Skogstad")."""
BLIND13_PLACES = (
    "Askim", "Mysen", "Sarpsborg", "Moss", "Asker", "Gol", "Fagernes", "Otta", "Sunndalsøra",
    "Ålgård", "Sauda", "Kragerø", "Lyngdal", "Rjukan", "Åndalsnes", "Knarvik",
)  # fmt: skip
BLIND13_STREETS = ("Torvgata", "Stasjonsvegen", "Kirkebakken", "Fossvegen", "Meieriveien")
BLIND13_PHARMACY_CHAINS = ("Apotek 1", "Vitusapotek", "Boots apotek")
# Medicines on blue prescription and the range of their pharmacy price (kroner).
BLIND13_MEDICINES = {
    "Relvar Ellipta 92/22 mikrog 30 doser": (330, 420),
    "Euthyrox 100 mikrog 100 tabl.": (90, 130),
    "Escitalopram Mylan 10 mg 98 tabl.": (130, 260),
    "Ramipril Actavis 5 mg 100 tabl.": (80, 150),
    "Amlodipin Bluefish 5 mg 100 tabl.": (70, 120),
    "Forxiga 10 mg 98 tabl.": (1300, 1600),
    "Ozempic 1 mg injeksjonsvæske 3 ml": (1100, 1400),
    "Mometason Sandoz nesespray 50 mikrog 140 doser": (140, 200),
    "Ritalin Uno 20 mg 30 kaps.": (260, 380),
    "Lyrica 75 mg 56 kaps.": (240, 420),
    "Simvastatin Krka 40 mg 98 tabl.": (60, 130),
    "Spiriva Respimat 2,5 mikrog 60 doser": (480, 620),
}
BLIND13_PHYSIO_CLINICS = ("Fysioterapi {p}", "{p} fysio og trening", "Fysioklinikken {p}")
BLIND13_HEALTH_CENTRES = ("{p} helsehus", "Helsehuset {p}", "{p} helse- og legesenter")
BLIND13_CENTRE_WEIGHTS = {
    "gp": 8, "lab": 5, "gp_video": 2, "physiotherapist": 2, "psychologist": 1,
}  # fmt: skip
"""The services of a health centre's annual statement (``FEE_BY_YEAR``'s kinds)."""
# A hearing clinic's (audiologist's) services: Norwegian text, English text, price; the
# examination first.
BLIND13_HEARING_ITEMS = (
    ("Hørselsmåling med tonaudiometri og taleaudiometri",
     "Hearing assessment, pure-tone and speech audiometry", "890.00"),
    ("Tilpasning av høreapparat, oppfølgingstime", "Hearing aid fitting, follow-up",
     "650.00"),
    ("Støpte ørepropper (par)", "Custom ear moulds (pair)", "1190.00"),
    ("Rens og service av høreapparat", "Hearing aid cleaning and service", "350.00"),
    ("Batterier, 60 stk.", "Batteries, 60 pcs", "249.00"),
    ("Tinnitusveiledning 30 min", "Tinnitus counselling, 30 min", "590.00"),
)  # fmt: skip
BLIND13_HEARING_CLINICS = ("Hørselshuset", "Audiografen", "Hørselsklinikken Lytt")
# A private hospital's orthopaedic outpatient services: Norwegian text, English text, price;
# the consultation first.
BLIND13_ORTHO_ITEMS = (
    ("Poliklinisk konsultasjon, ortoped", "Outpatient consultation, orthopaedic surgeon",
     "1790.00"),
    ("Røntgen kne, to projeksjoner", "X-ray, knee, two views", "620.00"),
    ("Ultralydveiledet injeksjon", "Ultrasound-guided injection", "950.00"),
    ("Kneortose, tilpasning", "Knee brace, fitting", "480.00"),
    ("Journalkopi og epikrise", "Copy of records and discharge letter", "150.00"),
)  # fmt: skip
BLIND13_ORTHO_HOSPITALS = ("Ortopediklinikken", "Privatsykehuset", "Dagkirurgisk senter")
# A private psychiatrist's services: Norwegian text, English text, price (kroner, whole).
BLIND13_PSYCHIATRY_ITEMS = (
    ("Konsultasjon hos psykiater, 45 min", "Consultation with a psychiatrist, 45 min",
     "1850.00"),
    ("Førstegangskonsultasjon, 90 min", "First consultation, 90 min", "2900.00"),
    ("Oppfølgingssamtale, 30 min", "Follow-up session, 30 min", "1250.00"),
)  # fmt: skip
BLIND13_PSYCHIATRY_EXTRAS = (
    ("Legeerklæring", "Medical statement", "750.00"),
    ("Fornyelse av resept", "Prescription renewal", "150.00"),
)  # fmt: skip
BLIND13_PSYCHIATRISTS = ("Hege Aasland", "Per Kristian Vold", "Elin Sunde", "Jon Rø")
SERVICE_NAMES.update(
    {
        "audiologist": {"nb": "Audiograf", "nn": "Audiograf", "en": "Audiologist"},
        "orthopaedic_surgeon": {"nb": "Ortoped", "nn": "Ortoped", "en": "Orthopaedic surgeon"},
        "psychiatrist": {"nb": "Psykiater", "nn": "Psykiater", "en": "Psychiatrist"},
    }
)  # fmt: skip


def blind13_name(rng: random.Random, *, sex: str = "") -> str:
    """A Slovenian, Bosnian, Macedonian, Bulgarian, Thai, Mongolian, Afghan, Ethiopian, Zulu,
    Māori, Scottish or Norwegian name, none in another set; a Norwegian now and then with two
    surnames and no hyphen."""
    sex = sex or rng.choice("fm")
    if rng.random() < 0.22:
        given = rng.choice(BLIND13_NORWEGIAN_NAMES[sex])
        mother, father = rng.sample(BLIND13_NORWEGIAN_SURNAMES, 2)
        return f"{given} {mother} {father}"
    given = rng.choice(BLIND13_FIRST_NAMES[sex])
    return f"{given} {rng.choice(BLIND13_SURNAMES + BLIND13_SEXED_SURNAMES[sex])}"


def blind13_amount_style(layout: str, language: str) -> str:
    return BLIND13_AMOUNT_STYLES[layout]["en" if language == "en" else "nb"]


def _blind13_days(rng: random.Random, year: int, count: int, first_closed_day: int) -> list[date]:
    """``count`` distinct days of the year (to 10 December) a provider is open, in order."""
    first = date(year, 1, 1)
    open_days = [
        first + timedelta(days=offset)
        for offset in range(344)
        if (first + timedelta(days=offset)).weekday() < first_closed_day
    ]
    return sorted(rng.sample(open_days, k=count))


def _blind13_prescriptions(
    rng: random.Random, *, year: int, language: str, count: int
) -> tuple[Fee, ...]:
    """A year's medicines on blue prescription from one pharmacy chain's branches: the user fee
    a share of the price (39 % before 2025, then 50 %), at most 520 kroner; ``covered`` is the
    rest of the price (Helfo's part). Below the exemption card limit."""
    share = Decimal("0.39") if year < 2025 else Decimal("0.50")
    chain = rng.choice(BLIND13_PHARMACY_CHAINS)
    places = rng.sample(BLIND13_PLACES, k=rng.choice((1, 1, 2, 3)))
    branches = [f"{chain} {place}" for place in places]
    limit = EXEMPTION_CARD_LIMIT[year]
    fees: list[Fee] = []
    paid = Decimal(0)
    for day in _blind13_days(rng, year, count, 6):
        low, high = BLIND13_MEDICINES[rng.choice(sorted(BLIND13_MEDICINES))]
        price = Decimal(rng.randrange(low * 100, high * 100)) / 100
        fee = min((price * share).quantize(Decimal("0.01")), Decimal("520.00"))
        if paid + fee >= limit:
            break
        paid += fee
        service = SERVICE_NAMES["pharmacy"][language]
        fees.append(Fee(day, fee, rng.choice(branches), service, price - fee))
    return tuple(fees)


def _blind13_visits(
    rng: random.Random, *, year: int, language: str, count: int, kinds: dict[str, int], office: str
) -> tuple[Fee, ...]:
    """A year's visits to one provider (``office``), a working day each, a service of
    ``kinds`` (by weight) each, below the exemption card limit."""
    column = YEARS.index(year)
    names, weights = zip(*kinds.items(), strict=True)
    limit = EXEMPTION_CARD_LIMIT[year]
    fees: list[Fee] = []
    paid = Decimal(0)
    for day in _blind13_days(rng, year, count, 5):
        kind = rng.choices(names, weights=weights)[0]
        amount = Decimal(FEE_BY_YEAR[kind][column])
        if paid + amount >= limit:
            break
        paid += amount
        fees.append(Fee(day, amount, office, SERVICE_NAMES[kind][language]))
    return tuple(fees)


def blind13_overview(
    rng: random.Random, *, layout: str | None = None, counts: tuple[int, ...] = ()
) -> Overview:
    """An overview for the thirteenth blind set: a pharmacy chain's statement of the user fees
    paid for medicines on blue prescription in a year, a physiotherapy clinic's account
    statement (each treatment charged, the payments, the balance), or a health centre's
    annual statement of the fees paid there, delivered to the person's digital mailbox and
    read on a phone or a tablet (``counts``: how many fees to draw from)."""
    year = rng.choice(YEARS)
    lang = language(rng)
    chosen = layout or rng.choice(BLIND13_OVERVIEW_LAYOUTS)
    count = rng.choice(
        counts
        or {
            "pharmacy_statement": (1, 2, 3, 4, 5, 6, 8, 10, 12, 15, 18),
            "account_statement": (1, 2, 3, 4, 5, 6, 7, 8, 9, 10),
            BLIND13_PHONE_LAYOUT: (1, 2, 3, 4, 5, 6, 8, 10, 12, 14, 16, 18),
        }[chosen]
    )
    place = rng.choice(BLIND13_PLACES)
    if chosen == "pharmacy_statement":
        fees = _blind13_prescriptions(rng, year=year, language=lang, count=count)
    elif chosen == "account_statement":
        office = rng.choice(BLIND13_PHYSIO_CLINICS).format(p=place)
        kinds = {"physiotherapist": 1}
        fees = _blind13_visits(
            rng, year=year, language=lang, count=count, kinds=kinds, office=office
        )
    else:
        office = rng.choice(BLIND13_HEALTH_CENTRES).format(p=place)
        fees = _blind13_visits(
            rng, year=year, language=lang, count=count, kinds=BLIND13_CENTRE_WEIGHTS, office=office
        )
    limit = EXEMPTION_CARD_LIMIT[year]
    while len(fees) > 1 and sum(fee.amount for fee in fees) * 2 == limit:
        fees = fees[:-1]  # what is left before the card is never the total itself
    printed_at = max(fee.day for fee in fees) + timedelta(days=rng.randrange(5, 21))
    if chosen == BLIND13_PHONE_LAYOUT:
        # An annual statement is sent after the year's end.
        printed_at = date(year + 1, 1, 1) + timedelta(days=rng.randrange(2, 27))
    return Overview(
        name=blind13_name(rng),
        birth_date=birth_date(rng),
        year=year,
        language=lang,
        layout=chosen,
        amount_style=blind13_amount_style(chosen, lang),
        wording=BLIND13_WORDING,
        newest_first=chosen == "pharmacy_statement" and rng.random() < 0.5,
        printed_at=printed_at,
        fees=fees,
        date_style=rng.choice(BLIND13_DATE_STYLES[chosen]),
    )


def blind13_receipt(rng: random.Random, *, layout: str | None = None) -> Receipt:
    """A receipt for the thirteenth blind set: a hearing clinic's receipt on A5 in landscape, a
    private hospital's receipt for an orthopaedic outpatient visit with the patient's label
    stuck on, or a private psychiatrist's receipt letter in the digital mailbox on a phone
    (the amounts in words and figures: "1 850 kroner")."""
    chosen = layout or rng.choice(BLIND13_RECEIPT_LAYOUTS)
    year = rng.choice(YEARS)
    lang = language(rng)
    place = rng.choice(BLIND13_PLACES)
    english = lang == "en"
    if chosen == "hearing_receipt":
        profession = "audiologist"
        provider = f"{rng.choice(BLIND13_HEARING_CLINICS)} {place}"
        first, *extras = BLIND13_HEARING_ITEMS
        picked = [first, *rng.sample(extras, k=rng.choice((0, 1, 1, 2)))]
        if rng.random() < 0.3:
            picked = [rng.choice(extras[:3])]
    elif chosen == "label_receipt":
        profession = "orthopaedic_surgeon"
        provider = f"{rng.choice(BLIND13_ORTHO_HOSPITALS)} {place}"
        first, *extras = BLIND13_ORTHO_ITEMS
        picked = [first, *rng.sample(extras, k=rng.choice((0, 1, 1, 2, 3)))]
    else:
        profession = "psychiatrist"
        who = rng.choice(BLIND13_PSYCHIATRISTS)
        provider = rng.choice((f"Psykiater {who}", f"{place} psykiatripraksis"))
        picked = [rng.choice(BLIND13_PSYCHIATRY_ITEMS)]
        if rng.random() < 0.35:
            picked.append(rng.choice(BLIND13_PSYCHIATRY_EXTRAS))
    while sum(Decimal(price) for _, _, price in picked) >= EXEMPTION_CARD_LIMIT[year]:
        picked = picked[:-1]  # a visit costs less than the year's limit
    items = tuple(
        Item("", text_en if english else text_nb, Decimal(price))
        for text_nb, text_en, price in picked
    )
    visit = _open_on(date(year, 1, 1) + timedelta(days=rng.randrange(335)), 5)
    street = f"{rng.choice(BLIND13_STREETS)} {rng.randint(1, 38)}"
    return Receipt(
        patient=blind13_name(rng),
        birth_date=birth_date(rng),
        language=lang,
        layout=chosen,
        amount_style=blind13_amount_style(chosen, lang),
        profession=profession,
        provider=provider,
        organisation_number=organisation_number(rng),
        address=f"{street}, {rng.randint(1000, 9990)} {place}",
        day=visit,
        items=items,
        itemised=len(items) > 1,
        invoice_number=rng.randint(10_000, 999_999),
        account=f"{rng.randint(1000, 9999)}.{rng.randint(10, 99)}.{rng.randint(10000, 99999)}",
        phone=f"{rng.randint(21, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
        f"{rng.randint(10, 99)}",
        date_style=rng.choice(BLIND13_DATE_STYLES[chosen]),
        payment={"mailbox_receipt": "invoice", "label_receipt": "terminal"}.get(chosen, "card"),
    )


# ---- the fourteenth blind set ------------------------------------------------------------

# Only in the fourteenth blind set (blind14_overview, blind14_receipt).
BLIND14_PAPER_LAYOUT = "emergency_listing"
BLIND14_PHONE_LAYOUT = "portal_payments"
BLIND14_RECEIPT_LAYOUT = "ergo_receipt"
BLIND14_AMOUNT_STYLES = {
    BLIND14_PAPER_LAYOUT: {"nb": "asterisks", "en": "asterisks_point"},
    BLIND14_PHONE_LAYOUT: {"nb": "nok_lower_before", "en": "nok_lower_before_point"},
    BLIND14_RECEIPT_LAYOUT: {"nb": "nok_lower_after", "en": "nok_lower_after_point"},
}  # fmt: skip
"""By layout and language (nynorsk as bokmål); described in ``blind14_layouts.money``."""
BLIND14_DATE_STYLES = {
    BLIND14_PAPER_LAYOUT: "compact", BLIND14_PHONE_LAYOUT: "month_dotless",
    BLIND14_RECEIPT_LAYOUT: "letter_weekday",
}  # fmt: skip
"""Described in ``blind14_layouts.day``."""
BLIND14_WORDING = 18
"""The fourteenth blind set prints its own headings and sums (``blind14_layouts.WORDS``)."""
BLIND14_FIRST_NAMES = {
    "f": ("Ketevan", "Salome", "Anahit", "Lusine", "Dilnoza", "Gulnora", "Garazi", "Gunnvá",
          "Turið", "Malakai", "Souksavanh"),
    "m": ("Levan", "Zurab", "Tigran", "Aram", "Bekzod", "Sardor", "Aitor", "Sjúrður",
          "Tavita", "Sione", "Phonsavanh"),
}  # fmt: skip
BLIND14_SURNAMES = (
    "Chkheidze", "Kapanadze", "Lomidze", "Tsiklauri", "Hovhannisyan", "Sargsyan", "Grigoryan",
    "Urrutia", "Agirre", "Ziska", "Hansdóttir", "Tuilagi", "Leota", "Faleolo", "Vongsa",
)  # fmt: skip
BLIND14_SEXED_SURNAMES = {"f": ("Karimova", "Yusupova"), "m": ("Karimov", "Yusupov")}
BLIND14_PLACES = (
    "Sandnessjøen", "Stokmarknes", "Brekstad", "Eidsvåg", "Bjerkvik", "Skjervøy", "Kolvereid",
    "Straumen",
)  # fmt: skip
BLIND14_STREETS = ("Havnegata", "Skolebakken", "Strandvegen", "Prestegårdsveien")
BLIND14_EMERGENCY = ("{p} interkommunale legevakt", "Legevakta i {p}", "{p} legevakt og KAD")
BLIND14_EMERGENCY_WEIGHTS = {"emergency": 6, "lab": 2, "gp": 1}
"""The services of an emergency clinic's listing (``FEE_BY_YEAR``'s kinds)."""
BLIND14_PORTAL_CHAINS = ("Aleris", "Volvat", "Dr. Dropin", "Unilabs")
BLIND14_PORTAL_WEIGHTS = {"gp": 5, "gp_video": 4, "lab": 3, "radiology": 2}
# A private occupational therapist's services: Norwegian text, English text, price (kroner,
# whole).
BLIND14_ERGO_ITEMS = (
    ("Ergoterapeutisk vurdering, 60 min", "Occupational therapy assessment, 60 min",
     "1150.00"),
    ("Oppfølgingstime ergoterapeut, 45 min", "Occupational therapy follow-up, 45 min",
     "850.00"),
    ("Tilpasning av håndortose", "Hand splint fitting", "650.00"),
    ("Hjemmebesøk, tillegg", "Home visit, supplement", "400.00"),
)  # fmt: skip
BLIND14_ERGO_CLINICS = ("Ergoterapi {p}", "Ergoterapeuten {p}", "{p} ergoterapi og hand")
SERVICE_NAMES.update(
    {"occupational_therapist": {"nb": "Ergoterapeut", "nn": "Ergoterapeut",
                                "en": "Occupational therapist"}}
)  # fmt: skip


def blind14_name(rng: random.Random) -> str:
    """A Georgian, Armenian, Uzbek, Basque, Faroese, Samoan or Lao name, none in another set."""
    sex = rng.choice("fm")
    given = rng.choice(BLIND14_FIRST_NAMES[sex])
    return f"{given} {rng.choice(BLIND14_SURNAMES + BLIND14_SEXED_SURNAMES[sex])}"


def blind14_amount_style(layout: str, language: str) -> str:
    return BLIND14_AMOUNT_STYLES[layout]["en" if language == "en" else "nb"]


def _blind14_visits(
    rng: random.Random,
    *,
    year: int,
    language: str,
    count: int,
    kinds: dict[str, int],
    offices: list[str],
    every_day: bool,
) -> tuple[Fee, ...]:
    """A year's visits (to 10 December), a service of ``kinds`` (by weight) each, at one of
    ``offices``; any day of the week when ``every_day`` (an emergency clinic), else working
    days; below the exemption card limit."""
    column = YEARS.index(year)
    names, weights = zip(*kinds.items(), strict=True)
    first = date(year, 1, 1)
    open_days = [
        first + timedelta(days=offset)
        for offset in range(344)
        if every_day or (first + timedelta(days=offset)).weekday() < 5
    ]
    limit = EXEMPTION_CARD_LIMIT[year]
    fees: list[Fee] = []
    paid = Decimal(0)
    for day in sorted(rng.sample(open_days, k=count)):
        kind = rng.choices(names, weights=weights)[0]
        amount = Decimal(FEE_BY_YEAR[kind][column])
        if paid + amount >= limit:
            break
        paid += amount
        fees.append(Fee(day, amount, rng.choice(offices), SERVICE_NAMES[kind][language]))
    return tuple(fees)


def blind14_overview(
    rng: random.Random, *, layout: str | None = None, counts: tuple[int, ...] = ()
) -> Overview:
    """An overview for the fourteenth blind set: an emergency clinic's listing of the user fees
    paid there in a year, printed from its patient system in a typewriter face, or a private
    clinic chain's patient portal listing the payments of a year, on a phone (``counts``: how
    many fees to draw from)."""
    year = rng.choice(YEARS)
    lang = language(rng)
    chosen = layout or BLIND14_PAPER_LAYOUT
    count = rng.choice(counts or (1, 2, 3, 4, 5, 6, 7, 8, 9, 10))
    if chosen == BLIND14_PAPER_LAYOUT:
        office = rng.choice(BLIND14_EMERGENCY).format(p=rng.choice(BLIND14_PLACES))
        fees = _blind14_visits(
            rng, year=year, language=lang, count=count, kinds=BLIND14_EMERGENCY_WEIGHTS,
            offices=[office], every_day=True,
        )  # fmt: skip
    else:
        chain = rng.choice(BLIND14_PORTAL_CHAINS)
        offices = [f"{chain} {place}" for place in rng.sample(BLIND14_PLACES, k=rng.choice((1, 2)))]
        fees = _blind14_visits(
            rng, year=year, language=lang, count=count, kinds=BLIND14_PORTAL_WEIGHTS,
            offices=offices, every_day=False,
        )  # fmt: skip
    limit = EXEMPTION_CARD_LIMIT[year]
    while len(fees) > 1 and sum(fee.amount for fee in fees) * 2 == limit:
        fees = fees[:-1]  # what is left before the card is never the total itself
    printed_at = max(fee.day for fee in fees) + timedelta(days=rng.randrange(3, 19))
    return Overview(
        name=blind14_name(rng),
        birth_date=birth_date(rng),
        year=year,
        language=lang,
        layout=chosen,
        amount_style=blind14_amount_style(chosen, lang),
        wording=BLIND14_WORDING,
        newest_first=chosen == BLIND14_PHONE_LAYOUT,
        printed_at=printed_at,
        fees=fees,
        date_style=BLIND14_DATE_STYLES[chosen],
    )


def blind14_receipt(rng: random.Random) -> Receipt:
    """A receipt for the fourteenth blind set: a private occupational therapist's receipt
    (A4), itemised or for the consultation alone."""
    year = rng.choice(YEARS)
    lang = language(rng)
    place = rng.choice(BLIND14_PLACES)
    first, second, *extras = BLIND14_ERGO_ITEMS
    picked = [rng.choice((first, second))]
    picked += rng.sample(extras, k=rng.choice((0, 0, 1, 2)))
    items = tuple(
        Item("", text_en if lang == "en" else text_nb, Decimal(price))
        for text_nb, text_en, price in picked
    )
    visit = _open_on(date(year, 1, 1) + timedelta(days=rng.randrange(335)), 5)
    street = f"{rng.choice(BLIND14_STREETS)} {rng.randint(1, 40)}"
    return Receipt(
        patient=blind14_name(rng),
        birth_date=birth_date(rng),
        language=lang,
        layout=BLIND14_RECEIPT_LAYOUT,
        amount_style=blind14_amount_style(BLIND14_RECEIPT_LAYOUT, lang),
        profession="occupational_therapist",
        provider=rng.choice(BLIND14_ERGO_CLINICS).format(p=place),
        organisation_number=organisation_number(rng),
        address=f"{street}, {rng.randint(1000, 9990)} {place}",
        day=visit,
        items=items,
        itemised=len(items) > 1,
        invoice_number=rng.randint(1000, 99_999),
        account=f"{rng.randint(1000, 9999)}.{rng.randint(10, 99)}.{rng.randint(10000, 99999)}",
        phone=f"{rng.randint(21, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
        f"{rng.randint(10, 99)}",
        date_style=BLIND14_DATE_STYLES[BLIND14_RECEIPT_LAYOUT],
        payment="card",
    )


# ---- the fifteenth blind set -------------------------------------------------------------

# Only in the fifteenth blind set (blind15_overview, blind15_receipt).
BLIND15_PAPER_LAYOUT = "gp_bill_list"
BLIND15_PHONE_LAYOUT = "material_app"
BLIND15_RECEIPT_LAYOUT = "lung_receipt"
BLIND15_AMOUNT_STYLES = {
    BLIND15_PAPER_LAYOUT: {"nb": "nkr_capital_k", "en": "code_after_point"},
    BLIND15_PHONE_LAYOUT: {"nb": "code_after_spaced_point", "en": "code_after_point"},
    BLIND15_RECEIPT_LAYOUT: {"nb": "nkr_capital_k", "en": "code_after_point"},
}  # fmt: skip
"""By layout and language (nynorsk as bokmål); described in ``blind15_layouts.money``."""
BLIND15_DATE_STYLES = {
    BLIND15_PAPER_LAYOUT: "short_time", BLIND15_PHONE_LAYOUT: "phone_clock",
    BLIND15_RECEIPT_LAYOUT: "appointment_time",
}  # fmt: skip
"""Described in ``blind15_layouts.day``."""
BLIND15_WORDING = 19
"""The fifteenth blind set prints its own headings and sums (``blind15_layouts.WORDS``)."""
BLIND15_FIRST_NAMES = {
    "f": ("Rhiannon", "Eirlys", "Anwen", "Carys", "Sarangerel", "Nyambura", "Njeri", "Kavitha",
          "Tharani", "Folasade", "Yetunde", "Thandeka", "Zanele"),
    "m": ("Gethin", "Emyr", "Iolo", "Rhodri", "Temuulen", "Baraka", "Kamau", "Kipchoge",
          "Senthil", "Olumide", "Babatunde", "Mandla"),
}  # fmt: skip
BLIND15_SURNAMES = (
    "Llewellyn", "Gruffydd", "Bevan", "Gantulga", "Mwangi", "Otieno", "Kariuki", "Subramaniam",
    "Ramasamy", "Nadarajah", "Ogunleye", "Adebanjo", "Khumalo", "Ndlovu", "Buthelezi",
)  # fmt: skip
BLIND15_PLACES = (
    "Vinstra", "Dokka", "Koppang", "Skreia", "Ringebu", "Selbu", "Moelv", "Bagn",
)  # fmt: skip
BLIND15_STREETS = ("Storgata", "Kyrkjevegen", "Jernbanegata", "Sentrumsvegen")
BLIND15_GP_OFFICES = ("{p} legesenter", "Legekontoret i {p}", "{p} allmennlegepraksis")
BLIND15_GP_WEIGHTS = {"gp": 7, "gp_video": 2, "lab": 3}
"""The services of a GP office's bill list (``FEE_BY_YEAR``'s kinds)."""
BLIND15_APP_OFFICES = {
    "gp": "{p} legesenter", "psychologist": "Psykologene i {p}",
    "physiotherapist": "{p} fysioterapi", "outpatient": "Sykehuset {p}, poliklinikk",
    "radiology": "{p} røntgeninstitutt",
}  # fmt: skip
"""The providers the app lists, by the service each gives (``FEE_BY_YEAR``'s kinds)."""
# A private lung specialist's services: Norwegian text, English text, price by year (kroner).
BLIND15_LUNG_ITEMS = (
    ("Konsultasjon, lungelege (egenandel)", "Consultation, pulmonologist (user fee)",
     ("397.00", "411.00", "425.00")),
    ("Spirometri med reversibilitetstest", "Spirometry with reversibility test",
     ("190.00", "195.00", "205.00")),
    ("FeNO-måling", "FeNO measurement", ("150.00", "155.00", "160.00")),
    ("Allergitest (prikktest)", "Skin prick allergy test", ("235.50", "244.50", "252.50")),
)  # fmt: skip
BLIND15_LUNG_CLINICS = ("Lungelegene {p}", "{p} lungeklinikk", "Lungespesialisten i {p}")
SERVICE_NAMES.update(
    {"pulmonologist": {"nb": "Lungelege", "nn": "Lungelege", "en": "Pulmonologist"}}
)  # fmt: skip


def blind15_name(rng: random.Random) -> str:
    """A Welsh, Mongolian, Kenyan, Tamil, Yoruba or Zulu name, none in another set."""
    sex = rng.choice("fm")
    return f"{rng.choice(BLIND15_FIRST_NAMES[sex])} {rng.choice(BLIND15_SURNAMES)}"


def blind15_amount_style(layout: str, language: str) -> str:
    return BLIND15_AMOUNT_STYLES[layout]["en" if language == "en" else "nb"]


def blind15_overview(
    rng: random.Random, *, layout: str | None = None, counts: tuple[int, ...] = ()
) -> Overview:
    """An overview for the fifteenth blind set: a GP office's list of the bills paid there in a
    year, printed from its patient record system, or the user fees registered in a year as an
    Android app lists them (``counts``: how many fees to draw from)."""
    year = rng.choice(YEARS)
    lang = language(rng)
    chosen = layout or BLIND15_PAPER_LAYOUT
    count = rng.choice(counts or (1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11))
    places = rng.sample(BLIND15_PLACES, k=2)
    fees: tuple[Fee, ...] = ()
    if chosen == BLIND15_PAPER_LAYOUT:
        offices = [rng.choice(BLIND15_GP_OFFICES).format(p=places[0])]
        fees = _blind14_visits(
            rng, year=year, language=lang, count=count, kinds=BLIND15_GP_WEIGHTS,
            offices=offices, every_day=False,
        )  # fmt: skip
    else:
        others = sorted(kind for kind in BLIND15_APP_OFFICES if kind != "gp")
        kinds = ["gp", *rng.sample(others, k=rng.choice((0, 1, 2)))]
        where = {kind: places[0] if kind == "gp" else rng.choice(places) for kind in kinds}
        column = YEARS.index(year)
        for day in _blind13_days(rng, year, count, 5):
            kind = rng.choice(kinds)
            amount = Decimal(FEE_BY_YEAR[kind][column])
            if sum(fee.amount for fee in fees) + amount >= EXEMPTION_CARD_LIMIT[year]:
                break
            provider = BLIND15_APP_OFFICES[kind].format(p=where[kind])
            fees += (Fee(day, amount, provider, SERVICE_NAMES[kind][lang]),)
    limit = EXEMPTION_CARD_LIMIT[year]
    while len(fees) > 1 and sum(fee.amount for fee in fees) * 2 == limit:
        fees = fees[:-1]  # what is left before the card is never the total itself
    printed_at = max(fee.day for fee in fees) + timedelta(days=rng.randrange(2, 25))
    return Overview(
        name=blind15_name(rng),
        birth_date=birth_date(rng),
        year=year,
        language=lang,
        layout=chosen,
        amount_style=blind15_amount_style(chosen, lang),
        wording=BLIND15_WORDING,
        newest_first=chosen == BLIND15_PHONE_LAYOUT,
        printed_at=printed_at,
        fees=fees,
        date_style=BLIND15_DATE_STYLES[chosen],
    )


def blind15_receipt(rng: random.Random) -> Receipt:
    """A receipt for the fifteenth blind set: a private lung specialist's receipt (A5),
    itemised or for the consultation alone."""
    year = rng.choice(YEARS)
    column = YEARS.index(year)
    lang = language(rng)
    place = rng.choice(BLIND15_PLACES)
    first, *extras = BLIND15_LUNG_ITEMS
    picked = [first, *rng.sample(extras, k=rng.choice((0, 1, 1, 2)))]
    items = tuple(
        Item("", text_en if lang == "en" else text_nb, Decimal(prices[column]))
        for text_nb, text_en, prices in picked
    )
    visit = _open_on(date(year, 1, 1) + timedelta(days=rng.randrange(335)), 5)
    street = f"{rng.choice(BLIND15_STREETS)} {rng.randint(1, 60)}"
    return Receipt(
        patient=blind15_name(rng),
        birth_date=birth_date(rng),
        language=lang,
        layout=BLIND15_RECEIPT_LAYOUT,
        amount_style=blind15_amount_style(BLIND15_RECEIPT_LAYOUT, lang),
        profession="pulmonologist",
        provider=rng.choice(BLIND15_LUNG_CLINICS).format(p=place),
        organisation_number=organisation_number(rng),
        address=f"{street}, {rng.randint(1000, 9990)} {place}",
        day=visit,
        items=items,
        itemised=len(items) > 1,
        invoice_number=rng.randint(10_000, 999_999),
        account=f"{rng.randint(1000, 9999)}.{rng.randint(10, 99)}.{rng.randint(10000, 99999)}",
        phone=f"{rng.randint(21, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
        f"{rng.randint(10, 99)}",
        date_style=BLIND15_DATE_STYLES[BLIND15_RECEIPT_LAYOUT],
        payment="card",
    )


# ---- the sixteenth blind set -------------------------------------------------------------

# Only in the sixteenth blind set (blind16_overview, blind16_receipt).
BLIND16_PAPER_LAYOUT = "therapy_year_statement"
BLIND16_PHONE_LAYOUT = "segmented_app"
BLIND16_RECEIPT_LAYOUT = "rheumatology_receipt"
BLIND16_AMOUNT_STYLES = {
    BLIND16_PAPER_LAYOUT: {"nb": "whole_nok_after", "en": "whole_nok_after_comma"},
    BLIND16_PHONE_LAYOUT: {"nb": "whole_nok_after", "en": "whole_nok_after_comma"},
    BLIND16_RECEIPT_LAYOUT: {"nb": "whole_nok_after", "en": "whole_nok_after_comma"},
}  # fmt: skip
"""By layout and language (nynorsk as bokmål); described in ``blind16_layouts.money``. Every
amount the set prints is whole kroner."""
BLIND16_DATE_STYLES = {
    BLIND16_PAPER_LAYOUT: "compact_month", BLIND16_PHONE_LAYOUT: "dotted_clock",
    BLIND16_RECEIPT_LAYOUT: "consultation_span",
}  # fmt: skip
"""Described in ``blind16_layouts.day``."""
BLIND16_WORDING = 20
"""The sixteenth blind set prints its own headings and sums (``blind16_layouts.WORDS``)."""
BLIND16_FIRST_NAMES = {
    "f": ("Tamari", "Mzia", "Eteri", "Gohar", "Narine", "Mereana", "Manaia", "Ainhoa", "Amaia",
          "Nerea", "Oihane"),
    "m": ("Davit", "Nodar", "Irakli", "Hovhannes", "Vardan", "Tamati", "Rawiri", "Iker", "Unai",
          "Eneko", "Julen"),
}  # fmt: skip
BLIND16_SURNAMES = (
    "Gelashvili", "Mchedlidze", "Hakobyan", "Petrosyan", "Avetisyan", "Harutyunyan", "Tawhiri",
    "Rangihuna", "Goikoetxea", "Arrieta", "Zubizarreta", "Lizarazu",
)  # fmt: skip
BLIND16_PLACES = (
    "Vikersund", "Hokksund", "Flisa", "Kirkenær", "Spydeberg", "Tolga", "Sætre", "Lunner",
)  # fmt: skip
BLIND16_STREETS = ("Parkvegen", "Torggata", "Prestegårdsvegen", "Elvegata")
BLIND16_PRACTICES = ("{p} psykologpraksis", "Psykologsenteret {p}", "Psykologene på {p}")
BLIND16_THERAPISTS = (
    "Solfrid Aasen", "Geir Håvard Rustad", "Tone Kvitvik", "Eirik Mølstad", "Hilde Brattåker",
)  # fmt: skip
BLIND16_SESSIONS = {
    "nb": ("Samtale", "Samtale", "Samtale", "Videosamtale", "Kartlegging"),
    "nn": ("Samtale", "Samtale", "Samtale", "Videosamtale", "Kartlegging"),
    "en": ("Session", "Session", "Session", "Video session", "Assessment"),
}
"""What a psychology practice's statement calls a session (one in three is a consultation of
another kind)."""
BLIND16_APP_PROVIDERS = {
    "gp": "{p} legekontor", "gp_video": "{p} legekontor",
    "emergency": "{p} interkommunale legevakt",
    "physiotherapist": "Fysioterapeutene {p}", "radiology": "{p} bildediagnostikk",
    "outpatient": "Sykehuset {p}, poliklinikk", "lab": "{p} laboratorium",
}  # fmt: skip
"""The providers the app lists, by the service each gives (``FEE_BY_YEAR``'s kinds)."""
# A rheumatologist's services: Norwegian text, English text, price by year (whole kroner).
BLIND16_RHEUMATOLOGY_ITEMS = (
    ("Konsultasjon, revmatolog (egenandel)", "Consultation, rheumatologist (user fee)",
     ("397.00", "411.00", "425.00")),
    ("Ultralyd av ledd", "Joint ultrasound", ("198.00", "205.00", "212.00")),
    ("Blodprøver", "Blood tests", ("61.00", "65.00", "68.00")),
    ("Leddinjeksjon", "Joint injection", ("112.00", "116.00", "120.00")),
)  # fmt: skip
BLIND16_RHEUMATOLOGY_CLINICS = (
    "Revmatologen i {p}", "Revmatologisk praksis {p}", "Revmatologisk klinikk {p}",
)  # fmt: skip
SERVICE_NAMES.update(
    {"rheumatologist": {"nb": "Revmatolog", "nn": "Revmatolog", "en": "Rheumatologist"}}
)  # fmt: skip


def blind16_name(rng: random.Random) -> str:
    """A Georgian, Armenian, Māori or Basque name, none in another set."""
    sex = rng.choice("fm")
    return f"{rng.choice(BLIND16_FIRST_NAMES[sex])} {rng.choice(BLIND16_SURNAMES)}"


def blind16_amount_style(layout: str, language: str) -> str:
    return BLIND16_AMOUNT_STYLES[layout]["en" if language == "en" else "nb"]


def _below_limit(fees: tuple[Fee, ...], year: int) -> tuple[Fee, ...]:
    """The fees, the last ones left out until their sum is below the exemption card limit and
    what is left before the card is not the sum itself."""
    limit = EXEMPTION_CARD_LIMIT[year]
    while len(fees) > 1 and (
        sum(fee.amount for fee in fees) >= limit or sum(fee.amount for fee in fees) * 2 == limit
    ):
        fees = fees[:-1]
    return fees


def blind16_overview(
    rng: random.Random, lang: str, *, layout: str | None = None, counts: tuple[int, ...] = ()
) -> Overview:
    """An overview for the sixteenth blind set: a psychology practice's annual statement of
    the user fees paid there (one a session), or the user fees registered in a year as an iOS
    app lists them (``counts``: how many fees to draw from), in ``lang``."""
    year = rng.choice(YEARS)
    chosen = layout or BLIND16_PAPER_LAYOUT
    count = rng.choice(counts or (1, 2, 3, 4, 5, 6, 7))
    column = YEARS.index(year)
    places = rng.sample(BLIND16_PLACES, k=2)
    fees: tuple[Fee, ...] = ()
    if chosen == BLIND16_PAPER_LAYOUT:
        practice = rng.choice(BLIND16_PRACTICES).format(p=places[0])
        amount = Decimal(FEE_BY_YEAR["psychologist"][column])
        for day in _blind13_days(rng, year, count, 5):
            fees += (Fee(day, amount, practice, SERVICE_NAMES["psychologist"][lang]),)
    else:
        kinds = ["gp", *rng.sample(sorted(set(BLIND16_APP_PROVIDERS) - {"gp"}), k=2)]
        for day in _blind13_days(rng, year, count, 5):
            kind = rng.choice(kinds)
            provider = BLIND16_APP_PROVIDERS[kind].format(p=rng.choice(places))
            amount = Decimal(FEE_BY_YEAR[kind][column])
            fees += (Fee(day, amount, provider, SERVICE_NAMES[kind][lang]),)
    fees = _below_limit(fees, year)
    printed_at = max(fee.day for fee in fees) + timedelta(days=rng.randrange(3, 30))
    return Overview(
        name=blind16_name(rng),
        birth_date=birth_date(rng),
        year=year,
        language=lang,
        layout=chosen,
        amount_style=blind16_amount_style(chosen, lang),
        wording=BLIND16_WORDING,
        newest_first=chosen == BLIND16_PHONE_LAYOUT,
        printed_at=printed_at,
        fees=fees,
        date_style=BLIND16_DATE_STYLES[chosen],
    )


def blind16_receipt(rng: random.Random, lang: str) -> Receipt:
    """A receipt for the sixteenth blind set: a rheumatologist's receipt (A4, for a window
    envelope), itemised or for the consultation alone, in ``lang``."""
    year = rng.choice(YEARS)
    column = YEARS.index(year)
    place = rng.choice(BLIND16_PLACES)
    first, *extras = BLIND16_RHEUMATOLOGY_ITEMS
    picked = [first, *rng.sample(extras, k=rng.choice((0, 1, 1, 2, 3)))]
    items = tuple(
        Item("", text_en if lang == "en" else text_nb, Decimal(prices[column]))
        for text_nb, text_en, prices in picked
    )
    visit = _open_on(date(year, 1, 1) + timedelta(days=rng.randrange(335)), 5)
    street = f"{rng.choice(BLIND16_STREETS)} {rng.randint(1, 40)}"
    return Receipt(
        patient=blind16_name(rng),
        birth_date=birth_date(rng),
        language=lang,
        layout=BLIND16_RECEIPT_LAYOUT,
        amount_style=blind16_amount_style(BLIND16_RECEIPT_LAYOUT, lang),
        profession="rheumatologist",
        provider=rng.choice(BLIND16_RHEUMATOLOGY_CLINICS).format(p=place),
        organisation_number=organisation_number(rng),
        address=f"{street}, {rng.randint(1000, 9990)} {place}",
        day=visit,
        items=items,
        itemised=len(items) > 1,
        invoice_number=rng.randint(100_000, 999_999),
        account=f"{rng.randint(1000, 9999)}.{rng.randint(10, 99)}.{rng.randint(10000, 99999)}",
        phone=f"{rng.randint(21, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
        f"{rng.randint(10, 99)}",
        date_style=BLIND16_DATE_STYLES[BLIND16_RECEIPT_LAYOUT],
        payment="card",
    )


# ---- the seventeenth blind set -----------------------------------------------------------

# Only in the seventeenth blind set (blind17_overview, blind17_receipt).
BLIND17_PAPER_LAYOUT = "student_health_months"
BLIND17_PHONE_LAYOUT = "foldable_two_pane"
BLIND17_RECEIPT_LAYOUT = "neurology_a5_receipt"
BLIND17_AMOUNT_STYLES = {
    BLIND17_PAPER_LAYOUT: {"nb": "kr_dot_dash", "en": "kr_dot_whole_comma"},
    BLIND17_PHONE_LAYOUT: {"nb": "kr_dot_dash", "en": "kr_dot_whole_comma"},
    BLIND17_RECEIPT_LAYOUT: {"nb": "kr_dot_dash", "en": "kr_dot_whole_comma"},
}  # fmt: skip
"""By layout and language (nynorsk as bokmål); described in ``blind17_layouts.money``. Every
amount the set prints is whole kroner."""
BLIND17_DATE_STYLES = {
    BLIND17_PAPER_LAYOUT: "day_under_month", BLIND17_PHONE_LAYOUT: "day_month_weekday",
    BLIND17_RECEIPT_LAYOUT: "long_month_clock",
}  # fmt: skip
"""Described in ``blind17_layouts.day``."""
BLIND17_WORDING = 21
"""The seventeenth blind set prints its own headings and sums (``blind17_layouts.WORDS``)."""
BLIND17_FIRST_NAMES = {
    "f": ("Szilvia", "Réka", "Csilla", "Tünde", "Ildikó", "Losaline", "Mele", "Zozan", "Berfin",
          "Hêvî"),
    "m": ("Bence", "Levente", "Zsolt", "Gergely", "Ioane", "Sefo", "Rêzan", "Baran",
          "Dilovan"),
}  # fmt: skip
BLIND17_SURNAMES = (
    "Bálint", "Fekete", "Vörös", "Halász", "Takács", "Tuimavave", "Fa'alogo", "Leiataua",
    "Zebari", "Barzani", "Doski", "Hawrami",
)  # fmt: skip
BLIND17_PLACES = (
    "Evenstad", "Rena", "Nesna", "Rauland", "Sørumsand", "Prestfoss", "Steinsholt",
)  # fmt: skip
BLIND17_STREETS = ("Campusvegen", "Studentbyen", "Høgskolevegen", "Skulebakken")
BLIND17_STUDENT_HEALTH = (
    "Studenthelsa {p}", "Studenthelsetjenesten {p}", "Helsetjenesten for studenter {p}",
)  # fmt: skip
BLIND17_STUDENT_KINDS = ("gp", "gp", "gp", "gp_video", "psychologist", "psychologist", "lab")
"""What a student health service charges for (the fastlege most often)."""
BLIND17_APP_PROVIDERS = {
    "gp": "{p} legesenter", "gp_video": "{p} legesenter",
    "emergency": "Legevakta i {p}", "physiotherapist": "{p} fysio og trening",
    "radiology": "{p} røntgeninstitutt", "outpatient": "{p} sjukehus, poliklinikk",
    "psychologist": "Psykolog i {p}",
}  # fmt: skip
"""The providers the foldable phone's app lists, by the service each gives."""
# A neurologist's services: Norwegian text, English text, price by year (whole kroner).
BLIND17_NEUROLOGY_ITEMS = (
    ("Konsultasjon, nevrolog (egenandel)", "Consultation, neurologist (user fee)",
     ("375.00", "385.00", "400.00")),
    ("EEG-undersøkelse", "EEG examination", ("98.00", "102.00", "106.00")),
    ("Nevrografi", "Nerve conduction study", ("112.00", "116.00", "120.00")),
    ("Blodprøver", "Blood tests", ("68.00", "71.00", "74.00")),
)  # fmt: skip
BLIND17_NEUROLOGY_CLINICS = ("Nevrologen i {p}", "{p} nevrologisenter", "Nevrologisk praksis {p}")
SERVICE_NAMES.update(
    {"neurologist": {"nb": "Nevrolog", "nn": "Nevrolog", "en": "Neurologist"}}
)  # fmt: skip


def blind17_name(rng: random.Random) -> str:
    """A Hungarian, Samoan or Kurdish name, none in another set."""
    sex = rng.choice("fm")
    return f"{rng.choice(BLIND17_FIRST_NAMES[sex])} {rng.choice(BLIND17_SURNAMES)}"


def blind17_amount_style(layout: str, language: str) -> str:
    return BLIND17_AMOUNT_STYLES[layout]["en" if language == "en" else "nb"]


def blind17_overview(
    rng: random.Random, lang: str, *, layout: str | None = None, counts: tuple[int, ...] = ()
) -> Overview:
    """An overview for the seventeenth blind set: a student health service's statement of the
    user fees paid there, month by month, or the user fees registered in a year as an app on
    an unfolded phone lists them (``counts``: how many fees to draw from), in ``lang``."""
    year = rng.choice(YEARS)
    chosen = layout or BLIND17_PAPER_LAYOUT
    count = rng.choice(counts or (2, 3, 4, 5, 6, 7, 8))
    column = YEARS.index(year)
    places = rng.sample(BLIND17_PLACES, k=2)
    fees: tuple[Fee, ...] = ()
    if chosen == BLIND17_PAPER_LAYOUT:
        service = rng.choice(BLIND17_STUDENT_HEALTH).format(p=places[0])
        for day in _blind13_days(rng, year, count, 5):
            kind = rng.choice(BLIND17_STUDENT_KINDS)
            amount = Decimal(FEE_BY_YEAR[kind][column])
            fees += (Fee(day, amount, service, SERVICE_NAMES[kind][lang]),)
    else:
        kinds = ["gp", *rng.sample(sorted(set(BLIND17_APP_PROVIDERS) - {"gp"}), k=2)]
        for day in _blind13_days(rng, year, count, 5):
            kind = rng.choice(kinds)
            provider = BLIND17_APP_PROVIDERS[kind].format(p=rng.choice(places))
            amount = Decimal(FEE_BY_YEAR[kind][column])
            fees += (Fee(day, amount, provider, SERVICE_NAMES[kind][lang]),)
    fees = _below_limit(fees, year)
    printed_at = max(fee.day for fee in fees) + timedelta(days=rng.randrange(3, 30))
    return Overview(
        name=blind17_name(rng),
        birth_date=birth_date(rng),
        year=year,
        language=lang,
        layout=chosen,
        amount_style=blind17_amount_style(chosen, lang),
        wording=BLIND17_WORDING,
        newest_first=chosen == BLIND17_PHONE_LAYOUT,
        printed_at=printed_at,
        fees=fees,
        date_style=BLIND17_DATE_STYLES[chosen],
    )


def _nynorsk(text: str, words: dict[str, str]) -> str:
    for bokmal, nynorsk in words.items():
        text = text.replace(bokmal, nynorsk)
    return text


def blind17_receipt(rng: random.Random, lang: str) -> Receipt:
    """A receipt for the seventeenth blind set: a neurologist's receipt on an A5 sheet,
    itemised or for the consultation alone, in ``lang``."""
    year = rng.choice(YEARS)
    column = YEARS.index(year)
    place = rng.choice(BLIND17_PLACES)
    first, *extras = BLIND17_NEUROLOGY_ITEMS
    picked = [first, *rng.sample(extras, k=rng.choice((0, 1, 1, 2, 3)))]
    nynorsk = {"egenandel": "eigendel", "undersøkelse": "undersøking"}
    texts = [text_en if lang == "en" else text_nb for text_nb, text_en, _ in picked]
    if lang == "nn":
        texts = [_nynorsk(text, nynorsk) for text in texts]
    items = tuple(
        Item("", text, Decimal(prices[column]))
        for text, (_, _, prices) in zip(texts, picked, strict=True)
    )
    visit = _open_on(date(year, 1, 1) + timedelta(days=rng.randrange(335)), 5)
    street = f"{rng.choice(BLIND17_STREETS)} {rng.randint(1, 40)}"
    return Receipt(
        patient=blind17_name(rng),
        birth_date=birth_date(rng),
        language=lang,
        layout=BLIND17_RECEIPT_LAYOUT,
        amount_style=blind17_amount_style(BLIND17_RECEIPT_LAYOUT, lang),
        profession="neurologist",
        provider=rng.choice(BLIND17_NEUROLOGY_CLINICS).format(p=place),
        organisation_number=organisation_number(rng),
        address=f"{street}, {rng.randint(1000, 9990)} {place}",
        day=visit,
        items=items,
        itemised=len(items) > 1,
        invoice_number=rng.randint(10_000, 99_999),
        account=f"{rng.randint(1000, 9999)}.{rng.randint(10, 99)}.{rng.randint(10000, 99999)}",
        phone=f"{rng.randint(21, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
        f"{rng.randint(10, 99)}",
        date_style=BLIND17_DATE_STYLES[BLIND17_RECEIPT_LAYOUT],
        payment="card",
    )


# ---- the eighteenth blind set ------------------------------------------------------------

# Only in the eighteenth blind set (blind18_overview, blind18_receipt).
BLIND18_PAPER_LAYOUT = "hospital_department_statement"
BLIND18_PHONE_LAYOUT = "quarter_sections_app"
BLIND18_PERIODONTICS_LAYOUT = "periodontics_helfo_receipt"
BLIND18_EMERGENCY_LAYOUT = "dental_emergency_receipt"
BLIND18_RECEIPT_LAYOUTS = (BLIND18_PERIODONTICS_LAYOUT, BLIND18_EMERGENCY_LAYOUT)
BLIND18_AMOUNT_STYLES = {
    BLIND18_PAPER_LAYOUT: {"nb": "kr_endash", "en": "endash_nok"},
    BLIND18_PHONE_LAYOUT: {"nb": "capital_kr_dash", "en": "kr_point_dash"},
    BLIND18_PERIODONTICS_LAYOUT: {"nb": "kr_endash", "en": "endash_nok"},
    BLIND18_EMERGENCY_LAYOUT: {"nb": "kr_endash", "en": "endash_nok"},
}  # fmt: skip
"""By layout and language (nynorsk as bokmål); described in ``blind18_layouts.money``. Every
amount the set prints is whole kroner."""
BLIND18_DATE_STYLES = {
    BLIND18_PAPER_LAYOUT: "dot_clock", BLIND18_PHONE_LAYOUT: "calendar_weekday",
    BLIND18_PERIODONTICS_LAYOUT: "weekday_long_clock", BLIND18_EMERGENCY_LAYOUT: "weekday_yy_clock",
}  # fmt: skip
"""Described in ``blind18_layouts.day``."""
BLIND18_WORDING = 22
"""The eighteenth blind set prints its own headings and sums (``blind18_layouts.WORDS``)."""
BLIND18_NAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "turkmen": {
        "f": ("Aýgül", "Jeren", "Maýsa", "Bägül", "Ogulgerek"),
        "m": ("Merdan", "Döwlet", "Serdar", "Begenç", "Ýusup"),
    },
    "frisian": {
        "f": ("Baukje", "Hylkje", "Fokje", "Sjoerdtsje"),
        "m": ("Wâtse", "Sjoerd", "Hessel", "Jelmer", "Durk"),
    },
    "hawaiian": {
        "f": ("Leilani", "Noelani", "Kaʻiulani", "Kalena"),
        "m": ("Keoni", "Makoa", "Kāwika", "Kainoa"),
    },
}  # fmt: skip
"""Given names by language and sex: Turkmen, West Frisian, Hawaiian."""
FRISIAN_SURNAMES = ("Hoekstra", "Dykstra", "Wijbenga", "Sikkema", "Algra", "Tsjalsma")
HAWAIIAN_SURNAMES = ("Kahananui", "Kealoha", "Akana", "Kamakau", "Nāone", "Kaʻaihue")
BLIND18_SURNAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "turkmen": {"f": ("Annaýewa", "Orazowa", "Berdiýewa"), "m": ("Annaýew", "Orazow", "Berdiýew")},
    "frisian": {"f": FRISIAN_SURNAMES, "m": FRISIAN_SURNAMES},
    "hawaiian": {"f": HAWAIIAN_SURNAMES, "m": HAWAIIAN_SURNAMES},
}  # fmt: skip
"""Surnames by language and sex (only Turkmen's differ for women and men)."""
BLIND18_HOSPITALS = {
    "Lærdal": ("Lærdal sjukehus", "Helse Førde HF"),
    "Nordfjordeid": ("Nordfjord sjukehus", "Helse Førde HF"),
    "Gravdal": ("Lofoten sykehus", "Nordlandssykehuset HF"),
    "Hagevik": ("Kysthospitalet i Hagevik", "Helse Bergen HF"),
}  # fmt: skip
"""The hospitals whose statements the set prints, by their place: the hospital and its trust."""
BLIND18_PLACES = (
    "Lærdal", "Nordfjordeid", "Gravdal", "Hagevik", "Vågåmo", "Farsund", "Stranda",
    "Lyngseidet", "Andenes", "Hemsedal", "Geilo", "Nesbyen", "Fosnavåg", "Sykkylven",
)  # fmt: skip
BLIND18_TOWNS = ("Vågåmo", "Farsund", "Stranda", "Andenes", "Geilo", "Fosnavåg", "Sykkylven")
"""Where the app's providers and the dental clinics are."""
BLIND18_STREETS = ("Kaigata", "Sjukehusvegen", "Fjordgata", "Lensmannsvegen")
# A hospital's departments: Norwegian text, nynorsk text, English text, and the service they
# charge for (``FEE_BY_YEAR``'s kinds).
BLIND18_DEPARTMENTS = (
    ("Ortopedisk poliklinikk", "Ortopedisk poliklinikk", "Orthopaedic outpatient clinic",
     "outpatient"),
    ("Medisinsk poliklinikk", "Medisinsk poliklinikk", "Medical outpatient clinic",
     "outpatient"),
    ("Kvinneklinikken, poliklinikk", "Kvinneklinikken, poliklinikk",
     "Gynaecology outpatient clinic", "outpatient"),
    ("Øre-nese-hals, poliklinikk", "Øyre-nase-hals, poliklinikk", "ENT outpatient clinic",
     "outpatient"),
    ("Bildediagnostikk", "Biletdiagnostikk", "Diagnostic imaging", "radiology"),
    ("Laboratoriemedisin", "Laboratoriemedisin", "Laboratory medicine", "lab"),
)  # fmt: skip
BLIND18_APP_PROVIDERS = {
    "gp": "{p} legekontor", "gp_video": "{p} legekontor",
    "physiotherapist": "{p} fysikalske institutt", "psychologist": "Psykologtenesta {p}",
    "radiology": "{p} røntgen", "emergency": "{p} legevakt", "lab": "{p} legekontor, lab",
}  # fmt: skip
"""The providers the app lists, by the service each gives (``FEE_BY_YEAR``'s kinds)."""
# A periodontist's treatments with Helfo's support for periodontitis (paid to the clinic
# directly): the fee schedule's code, Norwegian text, English text, the fee and Helfo's part
# (whole kroner); the patient pays the rest.
BLIND18_PERIODONTICS_ITEMS = (
    ("102", "Undersøkelse hos spesialist", "Specialist examination", "980", "660"),
    ("501", "Periodontal behandling, 30 min", "Periodontal treatment, 30 min", "1150", "780"),
    ("504", "Kontroll og vedlikehold", "Periodontal maintenance", "760", "520"),
    ("202", "Røntgen, 4 bitewing", "X-rays, 4 bitewings", "420", "260"),
    ("701", "Lokalbedøvelse", "Local anaesthetic", "180", "120"),
)  # fmt: skip
BLIND18_PERIODONTICS_CLINICS = (
    "Tannkjøttspesialisten {p}", "{p} periodontiklinikk", "Spesialistklinikken {p}",
)  # fmt: skip
# An emergency dental clinic's services (the full price, no support): Norwegian text, English
# text, price (whole kroner); the examination first.
BLIND18_EMERGENCY_ITEMS = (
    ("Akutt undersøkelse", "Emergency examination", "890"),
    ("Vakttillegg kveld/helg", "Evening/weekend surcharge", "450"),
    ("Røntgen, enkeltbilde", "X-ray, single image", "220"),
    ("Lokalbedøvelse", "Local anaesthetic", "190"),
    ("Midlertidig fylling", "Temporary filling", "690"),
    ("Trekking av tann", "Tooth extraction", "1250"),
)  # fmt: skip
BLIND18_EMERGENCY_CLINICS = ("Tannlegevakta {p}", "{p} tannlegevakt", "Akuttannlegen {p}")
SERVICE_NAMES.update(
    {
        "periodontist": {"nb": "Periodontist", "nn": "Periodontist", "en": "Periodontist"},
        "emergency_dentist": {"nb": "Tannlegevakt", "nn": "Tannlegevakt",
                              "en": "Emergency dentist"},
    }
)  # fmt: skip


def blind18_name(rng: random.Random) -> str:
    """A Turkmen, West Frisian or Hawaiian name, none in another set (given name and surname
    from the same language)."""
    group = rng.choice(sorted(BLIND18_NAMES))
    sex = rng.choice("fm")
    surname = rng.choice(BLIND18_SURNAMES[group][sex])
    return f"{rng.choice(BLIND18_NAMES[group][sex])} {surname}"


def blind18_amount_style(layout: str, language: str) -> str:
    return BLIND18_AMOUNT_STYLES[layout]["en" if language == "en" else "nb"]


def blind18_department(name: str) -> int:
    """A department's place in ``BLIND18_DEPARTMENTS`` from its name in any language."""
    for number, texts in enumerate(BLIND18_DEPARTMENTS):
        if name in texts[:3]:
            return number
    raise ValueError(f"not a department: {name}")


def blind18_overview(
    rng: random.Random, lang: str, *, layout: str | None = None, counts: tuple[int, ...] = ()
) -> Overview:
    """An overview for the eighteenth blind set: a hospital trust's statement of the
    outpatient user fees paid at one of its hospitals in a year, under each department, or
    the user fees registered in a year as an app lists them under each quarter (``counts``:
    how many fees to draw from), in ``lang``."""
    year = rng.choice(YEARS)
    chosen = layout or BLIND18_PAPER_LAYOUT
    count = rng.choice(counts or (2, 3, 4, 5, 6, 7, 8))
    column = YEARS.index(year)
    language_column = ("nb", "nn", "en").index(lang)
    fees: tuple[Fee, ...] = ()
    if chosen == BLIND18_PAPER_LAYOUT:
        hospital = BLIND18_HOSPITALS[rng.choice(sorted(BLIND18_HOSPITALS))][0]
        departments = rng.sample(BLIND18_DEPARTMENTS, k=rng.choice((1, 2, 2, 3)))
        for day in _blind13_days(rng, year, count, 5):
            department = rng.choice(departments)
            amount = Decimal(FEE_BY_YEAR[department[3]][column])
            fees += (Fee(day, amount, hospital, department[language_column]),)
    else:
        places = rng.sample(BLIND18_TOWNS, k=2)
        kinds = ["gp", *rng.sample(sorted(set(BLIND18_APP_PROVIDERS) - {"gp"}), k=2)]
        for day in _blind13_days(rng, year, count, 5):
            kind = rng.choice(kinds)
            provider = BLIND18_APP_PROVIDERS[kind].format(p=rng.choice(places))
            amount = Decimal(FEE_BY_YEAR[kind][column])
            fees += (Fee(day, amount, provider, SERVICE_NAMES[kind][lang]),)
    fees = _below_limit(fees, year)
    printed_at = max(fee.day for fee in fees) + timedelta(days=rng.randrange(45, 75))
    return Overview(
        name=blind18_name(rng),
        birth_date=birth_date(rng),
        year=year,
        language=lang,
        layout=chosen,
        amount_style=blind18_amount_style(chosen, lang),
        wording=BLIND18_WORDING,
        newest_first=chosen == BLIND18_PHONE_LAYOUT,
        printed_at=printed_at,
        fees=fees,
        date_style=BLIND18_DATE_STYLES[chosen],
    )


def blind18_receipt(rng: random.Random, lang: str, layout: str) -> Receipt:
    """A receipt for the eighteenth blind set, in ``lang``: a periodontist's receipt with the
    fee schedule's codes and Helfo's part of each fee (A4), or an emergency dental clinic's
    receipt for an evening or weekend visit (A5); itemised, or for one service alone."""
    year = rng.choice(YEARS)
    place = rng.choice(BLIND18_TOWNS)
    nynorsk = {"Undersøkelse": "Undersøking", "undersøkelse": "undersøking",
               "behandling": "handsaming", "vedlikehold": "vedlikehald",
               "bedøvelse": "bedøving", "enkeltbilde": "enkeltbilete",
               "Midlertidig": "Mellombels"}  # fmt: skip
    items: tuple[Item, ...]
    if layout == BLIND18_PERIODONTICS_LAYOUT:
        first, second, third, *extras = BLIND18_PERIODONTICS_ITEMS
        treatments = [first, second, third]
        treatments = [rng.choice(treatments), *rng.sample(extras, k=rng.choice((0, 1, 2)))]
        items = tuple(
            Item(code, text_en if lang == "en" else text_nb,
                 Decimal(fee) - Decimal(helfo), Decimal(fee))
            for code, text_nb, text_en, fee, helfo in treatments
        )  # fmt: skip
        visit = _open_on(date(year, 1, 1) + timedelta(days=rng.randrange(335)), 5)
        profession, clinics = "periodontist", BLIND18_PERIODONTICS_CLINICS
    else:
        examination, surcharge, *others = BLIND18_EMERGENCY_ITEMS
        services = [examination]
        services += [surcharge] if rng.random() < 0.6 else []
        services += rng.sample(others, k=rng.choice((0, 1, 1, 2)))
        items = tuple(
            Item("", text_en if lang == "en" else text_nb, Decimal(price))
            for text_nb, text_en, price in services
        )
        visit = date(year, 1, 1) + timedelta(days=rng.randrange(340))
        profession, clinics = "emergency_dentist", BLIND18_EMERGENCY_CLINICS
    if lang == "nn":
        items = tuple(replace(item, text=_nynorsk(item.text, nynorsk)) for item in items)
    street = f"{rng.choice(BLIND18_STREETS)} {rng.randint(1, 40)}"
    return Receipt(
        patient=blind18_name(rng),
        birth_date=birth_date(rng),
        language=lang,
        layout=layout,
        amount_style=blind18_amount_style(layout, lang),
        profession=profession,
        provider=rng.choice(clinics).format(p=place),
        organisation_number=organisation_number(rng),
        address=f"{street}, {rng.randint(1000, 9990)} {place}",
        day=visit,
        items=items,
        itemised=len(items) > 1,
        invoice_number=rng.randint(100_000, 999_999),
        account=f"{rng.randint(1000, 9999)}.{rng.randint(10, 99)}.{rng.randint(10000, 99999)}",
        phone=f"{rng.randint(21, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
        f"{rng.randint(10, 99)}",
        date_style=BLIND18_DATE_STYLES[layout],
        payment="card",
    )


# ---- the nineteenth blind set ------------------------------------------------------------

# Only in the nineteenth blind set (blind19_overview, blind19_receipt).
BLIND19_PAPER_LAYOUT = "chiropractic_series_card"
BLIND19_PHONE_LAYOUT = "booking_history_app"
BLIND19_ENDOSCOPY_LAYOUT = "endoscopy_receipt"
BLIND19_LAB_LAYOUT = "impact_lab_receipt"
BLIND19_RECEIPT_LAYOUTS = (BLIND19_ENDOSCOPY_LAYOUT, BLIND19_LAB_LAYOUT)
BLIND19_AMOUNT_STYLES = {
    BLIND19_PAPER_LAYOUT: {"nb": "kr_double_dash", "en": "nok_point_double_dash"},
    BLIND19_PHONE_LAYOUT: {"nb": "glued_kr_whole", "en": "glued_kr_whole_comma"},
    BLIND19_ENDOSCOPY_LAYOUT: {"nb": "double_dash_kr", "en": "point_double_dash_nok"},
    BLIND19_LAB_LAYOUT: {"nb": "glued_nok_after", "en": "glued_nok_after"},
}  # fmt: skip
"""By layout and language (nynorsk as bokmål); described in ``blind19_layouts.money``. Every
amount the set prints is whole kroner."""
BLIND19_DATE_STYLES = {
    BLIND19_PAPER_LAYOUT: "day_slash_month", BLIND19_PHONE_LAYOUT: "capital_weekday_clock",
    BLIND19_ENDOSCOPY_LAYOUT: "long_weekday_in_brackets",
    BLIND19_LAB_LAYOUT: "compact_upper_month",
}  # fmt: skip
"""Described in ``blind19_layouts.day``."""
BLIND19_WORDING = 23
"""The nineteenth blind set prints its own headings and sums (``blind19_layouts.WORDS``)."""
BLIND19_NAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "sorbian": {
        "f": ("Hańža", "Lejna", "Madlena", "Měrana", "Wórša"),
        "m": ("Měrćin", "Pětr", "Handrij", "Křesćan", "Bjarnat"),
    },
    "occitan": {
        "f": ("Mirelha", "Clamença", "Aurèlia", "Margarida"),
        "m": ("Guilhèm", "Pèire", "Estève", "Bernat"),
    },
    "filipino": {
        "f": ("Luzviminda", "Ligaya", "Dalisay", "Rosalinda"),
        "m": ("Bienvenido", "Dakila", "Isagani", "Reynaldo"),
    },
}  # fmt: skip
"""Given names by language and sex: Upper Sorbian, Occitan, Filipino (Tagalog)."""
OCCITAN_SURNAMES = ("Castanhièr", "Delpèch", "Roqueta", "Vidalòt", "Lafònt")
FILIPINO_SURNAMES = ("Magbanua", "Peñaflorida", "Macaraeg", "Dimaculangan", "Sumulong")
BLIND19_SURNAMES: dict[str, dict[str, tuple[str, ...]]] = {
    "sorbian": {"f": ("Brězanowa", "Wjeńkowa", "Młynkowa", "Cyžowa"),
                "m": ("Brězan", "Wjeńka", "Młynk", "Cyž")},
    "occitan": {"f": OCCITAN_SURNAMES, "m": OCCITAN_SURNAMES},
    "filipino": {"f": FILIPINO_SURNAMES, "m": FILIPINO_SURNAMES},
}  # fmt: skip
"""Surnames by language and sex (only Sorbian's differ for women and men)."""
BLIND19_PLACES = (
    "Bø", "Lofthus", "Leirvik", "Sandane", "Seljord", "Risør", "Tvedestrand", "Husnes",
    "Norheimsund", "Verdal", "Vennesla", "Honningsvåg",
)  # fmt: skip
BLIND19_STREETS = ("Bygdevegen", "Kyrkjebakken", "Bakkegata", "Torvvegen")
BLIND19_CHIROPRACTORS = ("{p} Kiropraktikk", "Kiropraktorsenteret {p}", "Ryggklinikken {p}")
# A chiropractor's prices by year (whole kroner): the first consultation, a treatment.
BLIND19_CHIROPRACTIC_PRICES = (("790.00", "520.00"), ("820.00", "540.00"), ("850.00", "560.00"))
BLIND19_APP_PROVIDERS = {
    "gp": "{p} legesenter", "gp_video": "{p} legesenter",
    "physiotherapist": "{p} fysioterapi", "psychologist": "Psykologkontoret {p}",
    "lab": "{p} legesenter, laboratoriet", "radiology": "{p} røntgen og ultralyd",
}  # fmt: skip
"""The providers the booking app lists, by the service each gives (``FEE_BY_YEAR``'s kinds)."""
# A private gastroenterologist's services: Norwegian text, English text, price by year (whole
# kroner); the consultation first.
BLIND19_ENDOSCOPY_ITEMS = (
    ("Spesialistkonsultasjon, egenandel", "Specialist consultation, user fee",
     ("397.00", "411.00", "425.00")),
    ("Gastroskopi, forbruksmateriell", "Gastroscopy, consumables",
     ("220.00", "230.00", "240.00")),
    ("Vevsprøve, patologi (egenandel)", "Biopsy, pathology (user fee)",
     ("61.00", "65.00", "68.00")),
    ("Ureapusteprøve (Helicobacter)", "Urea breath test (Helicobacter)",
     ("190.00", "195.00", "205.00")),
    ("Lett sedasjon", "Light sedation", ("120.00", "125.00", "130.00")),
)  # fmt: skip
BLIND19_ENDOSCOPY_CLINICS = (
    "Gastroklinikken {p}",
    "{p} mage- og tarmsenter",
    "Endoskopisenteret {p}",
)
# A medical laboratory's services at the counter: Norwegian text, English text, price by year
# (whole kroner); the user fee for the analyses first.
BLIND19_LAB_ITEMS = (
    ("EGENANDEL LAB.PRØVER", "USER FEE LAB TESTS", ("61.00", "65.00", "68.00")),
    ("EGENANDEL MIKROBIOLOGI", "USER FEE MICROBIOLOGY", ("61.00", "65.00", "68.00")),
    ("D-VITAMIN, SELVBETALT", "VITAMIN D, SELF-PAY", ("290.00", "300.00", "310.00")),
    ("FERRITIN, SELVBETALT", "FERRITIN, SELF-PAY", ("190.00", "195.00", "205.00")),
)  # fmt: skip
BLIND19_LABS = ("{p} laboratorium", "Laboratoriet {p}", "{p} prøvetakingssenter")
SERVICE_NAMES.update(
    {
        "gastroenterologist": {"nb": "Gastroenterolog", "nn": "Gastroenterolog",
                               "en": "Gastroenterologist"},
        "medical_laboratory": {"nb": "Medisinsk laboratorium", "nn": "Medisinsk laboratorium",
                               "en": "Medical laboratory"},
    }
)  # fmt: skip


def blind19_name(rng: random.Random) -> str:
    """An Upper Sorbian, Occitan or Filipino name, none in another set (given name and surname
    from the same language)."""
    group = rng.choice(sorted(BLIND19_NAMES))
    sex = rng.choice("fm")
    surname = rng.choice(BLIND19_SURNAMES[group][sex])
    return f"{rng.choice(BLIND19_NAMES[group][sex])} {surname}"


def blind19_amount_style(layout: str, language: str) -> str:
    return BLIND19_AMOUNT_STYLES[layout]["en" if language == "en" else "nb"]


def _blind19_series(rng: random.Random, year: int, count: int) -> list[date]:
    """A series of treatments: ``count`` weekdays, the first in the year's first ten months,
    each five to fourteen days after the one before, all in the year."""
    days = [_open_on(date(year, 1, 1) + timedelta(days=rng.randrange(290)), 5)]
    while len(days) < count:
        following = _open_on(days[-1] + timedelta(days=rng.randint(5, 14)), 5)
        if following.year != year or following > date(year, 12, 10):
            break
        days.append(following)
    return days


def blind19_overview(
    rng: random.Random, lang: str, *, layout: str | None = None, counts: tuple[int, ...] = ()
) -> Overview:
    """An overview for the nineteenth blind set: a chiropractor's treatment card, the series'
    treatments paid so far (the first consultation, then treatments), or the appointments of
    a year a booking app lists, those paid with their fee (``counts``: how many fees to draw
    from), in ``lang``."""
    year = rng.choice(YEARS)
    chosen = layout or BLIND19_PAPER_LAYOUT
    count = rng.choice(counts or (2, 3, 4, 5, 6))
    column = YEARS.index(year)
    fees: tuple[Fee, ...] = ()
    if chosen == BLIND19_PAPER_LAYOUT:
        place = rng.choice(BLIND19_PLACES)
        clinic = rng.choice(BLIND19_CHIROPRACTORS).format(p=place)
        first, treatment = BLIND19_CHIROPRACTIC_PRICES[column]
        service = SERVICE_NAMES["chiropractor"][lang]
        for number, day in enumerate(_blind19_series(rng, year, count)):
            fees += (Fee(day, Decimal(first if number == 0 else treatment), clinic, service),)
    else:
        places = rng.sample(BLIND19_PLACES, k=2)
        kinds = ["gp", *rng.sample(sorted(set(BLIND19_APP_PROVIDERS) - {"gp"}), k=2)]
        for day in _blind13_days(rng, year, count, 5):
            kind = rng.choice(kinds)
            provider = BLIND19_APP_PROVIDERS[kind].format(p=rng.choice(places))
            amount = Decimal(FEE_BY_YEAR[kind][column])
            fees += (Fee(day, amount, provider, SERVICE_NAMES[kind][lang]),)
    fees = _below_limit(fees, year)
    printed_at = max(fee.day for fee in fees) + timedelta(days=rng.randrange(2, 20))
    return Overview(
        name=blind19_name(rng),
        birth_date=birth_date(rng),
        year=year,
        language=lang,
        layout=chosen,
        amount_style=blind19_amount_style(chosen, lang),
        wording=BLIND19_WORDING,
        newest_first=chosen == BLIND19_PHONE_LAYOUT,
        printed_at=printed_at,
        fees=fees,
        date_style=BLIND19_DATE_STYLES[chosen],
    )


def blind19_receipt(rng: random.Random, lang: str, layout: str) -> Receipt:
    """A receipt for the nineteenth blind set, in ``lang``: a private gastroenterologist's
    receipt for a consultation with a gastroscopy (A4), or a medical laboratory's receipt
    printed at its counter by an impact printer on a 76 mm roll; itemised, or for one
    service alone."""
    year = rng.choice(YEARS)
    column = YEARS.index(year)
    place = rng.choice(BLIND19_PLACES)
    if layout == BLIND19_ENDOSCOPY_LAYOUT:
        # A consultation alone, with a breath test, or with a gastroscopy (a biopsy taken
        # and a light sedation given now and then).
        first, scope, biopsy, breath, sedation = BLIND19_ENDOSCOPY_ITEMS
        picked = [first, *rng.choice(([], [breath], [scope], [scope], [scope], [scope]))]
        if scope in picked:
            picked += [extra for extra in (biopsy, sedation) if rng.random() < 0.5]
        profession, clinics = "gastroenterologist", BLIND19_ENDOSCOPY_CLINICS
    else:
        first, *extras = BLIND19_LAB_ITEMS
        picked = [first, *rng.sample(extras, k=rng.choice((0, 0, 1, 2)))]
        profession, clinics = "medical_laboratory", BLIND19_LABS
    nynorsk = {"PRØVER": "PRØVAR", "egenandel": "eigendel"}
    items = tuple(
        Item("", text_en if lang == "en" else text_nb, Decimal(prices[column]))
        for text_nb, text_en, prices in picked
    )
    if lang == "nn":
        items = tuple(replace(item, text=_nynorsk(item.text, nynorsk)) for item in items)
    visit = _open_on(date(year, 1, 1) + timedelta(days=rng.randrange(335)), 5)
    street = f"{rng.choice(BLIND19_STREETS)} {rng.randint(1, 40)}"
    return Receipt(
        patient=blind19_name(rng),
        birth_date=birth_date(rng),
        language=lang,
        layout=layout,
        amount_style=blind19_amount_style(layout, lang),
        profession=profession,
        provider=rng.choice(clinics).format(p=place),
        organisation_number=organisation_number(rng),
        address=f"{street}, {rng.randint(1000, 9990)} {place}",
        day=visit,
        items=items,
        itemised=len(items) > 1,
        invoice_number=rng.randint(10_000, 999_999),
        account=f"{rng.randint(1000, 9999)}.{rng.randint(10, 99)}.{rng.randint(10000, 99999)}",
        phone=f"{rng.randint(21, 99)} {rng.randint(10, 99)} {rng.randint(10, 99)} "
        f"{rng.randint(10, 99)}",
        date_style=BLIND19_DATE_STYLES[layout],
        payment="card",
    )
