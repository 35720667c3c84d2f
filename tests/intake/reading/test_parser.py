"""The parser on pages written out by hand (one character a column, one line a row): fee rows,
cards, totals and names in bokmål, nynorsk and English, and the rows that must not become
lines."""

from __future__ import annotations

from bisect import bisect
from dataclasses import replace
from decimal import Decimal

import pytest
from django.utils import translation

from refusjon.intake.models import DocumentReading
from refusjon.intake.problems import why_in_doubt
from refusjon.intake.reading import reader
from refusjon.intake.reading.names import names_match
from refusjon.intake.reading.parser import Parsed, find_name, parse
from refusjon.intake.reading.patterns import amounts, date_like, dates
from refusjon.intake.reading.records import Kind, Problem
from refusjon.intake.reading.words import Word, apart, layout_words, two_up


def read(page: str) -> Parsed:
    return parse(layout_words(page))


def pairs(parsed: Parsed) -> list[tuple[str, str]]:
    return [(line.date.isoformat(), str(line.amount)) for line in parsed.lines]


def test_it_reads_a_bokmal_table_and_leaves_out_the_limit_what_remains_and_the_footer() -> None:
    parsed = read(
        """Frikort og egenandeler
Navn: Kari Nordmann                 Fødselsdato: 01.02.2001
Egenandelstak 2025: 3 278 kr

Dato          Behandler                 Tjeneste           Egenandel
12.03.2025    Legesenteret Majorstuen   Fastlege           179,00 kr
14.03.2025    Oslo legevakt             Legevakt           375,00 kr
Sum                                                        554,00 kr
Gjenstående til frikort: 2 724,00 kr
Utskrevet 03.05.2025                                       Side 1 av 1
"""
    )
    assert parsed.kind == Kind.USER_FEE_OVERVIEW
    assert parsed.name == "Kari Nordmann"
    assert pairs(parsed) == [("2025-03-12", "179.00"), ("2025-03-14", "375.00")]
    assert parsed.lines[0].provider == "Legesenteret Majorstuen"
    assert parsed.lines[0].service == "Fastlege"
    assert parsed.total == Decimal("554.00")
    assert parsed.reconciled


def test_it_takes_the_fee_not_the_running_sum_by_the_column_header() -> None:
    parsed = read(
        """Egenandeler
Navn: Ola Nordmann
Dato          Behandler                 Sum hittil       Egenandel
12.03.2025    Fastlege Ås               179,00           179,00
14.03.2025    Oslo legevakt             554,00           375,00
Totalt                                                   554,00
"""
    )
    assert pairs(parsed) == [("2025-03-12", "179.00"), ("2025-03-14", "375.00")]
    assert parsed.reconciled


def test_it_tells_the_running_sum_by_its_property_when_no_header_says() -> None:
    parsed = read(
        """Egenandeler for Ola Nordmann
09.04.2025  Røntgen Øst     2 153,50 kr   67,00 kr
21.03.2025  Psykiatri       2 086,50 kr   298,00 kr
02.03.2025  Fysioterapi     1 788,50 kr   1 234,50 kr
13.02.2025  Legevakt        554,00 kr     375,00 kr
07.01.2025  Fastlege        179,00 kr     179,00 kr
Sum 2 153,50 kr
"""
    )
    assert [line.amount for line in parsed.lines] == [
        Decimal("67.00"),
        Decimal("298.00"),
        Decimal("1234.50"),
        Decimal("375.00"),
        Decimal("179.00"),
    ]
    assert parsed.name == "Ola Nordmann"
    assert parsed.reconciled


def test_it_reads_nynorsk_with_samla_and_written_out_months() -> None:
    parsed = read(
        """Eigenandelar og frikort
Namn: Ingrid Sæther
Eigenandelstak: 3 278 kr
12. mars 2025     Fastlege          kr 179
2. april 2025     Fysioterapeut     kr 1 234,50
Samla             kr 1 413,50
Attståande til frikort: kr 1 864,50
"""
    )
    assert pairs(parsed) == [("2025-03-12", "179.00"), ("2025-04-02", "1234.50")]
    assert parsed.name == "Ingrid Sæther"
    assert parsed.total == Decimal("1413.50")
    assert parsed.reconciled


def test_it_reads_english_amounts_in_nok_and_dates_with_month_names() -> None:
    parsed = read(
        """User fees and exemption card
Name: Łukasz Dvořák   Date of birth: 3 Jan 2000
Date            Provider              Amount
12 Mar 2025     GP Bergen             NOK 375.00
Mar 14, 2025    Emergency room        375,-
Total           NOK 750.00
Amount remaining before exemption card: NOK 2 528.00
"""
    )
    assert parsed.name == "Łukasz Dvořák"
    assert pairs(parsed) == [("2025-03-12", "375.00"), ("2025-03-14", "375.00")]
    assert parsed.reconciled


def test_it_reads_phone_cards_with_date_and_amount_on_rows_of_their_own() -> None:
    parsed = read(
        """Egenandeler
Kari Nordmann
Fastlege
12.03.2025
179 kr
Legevakt
14.03.25
375 kr
Fysioterapi
2 153 kr
2. april 2025
Du har betalt 2 707 kr av 3 278 kr
"""
    )
    assert pairs(parsed) == [
        ("2025-03-12", "179.00"),
        ("2025-03-14", "375.00"),
        ("2025-04-02", "2153.00"),
    ]
    assert [line.provider for line in parsed.lines] == ["Fastlege", "Legevakt", "Fysioterapi"]
    assert parsed.name == "Kari Nordmann"
    assert parsed.total == Decimal("2707.00")
    # The last card has its date under its amount, the others above: one document's cards
    # share a layout, so a person looks (the lines add up whatever dates they were given).
    assert parsed.lines_sum == parsed.total
    assert not parsed.reconciled


def test_it_reads_lines_over_several_pages() -> None:
    parsed = read(
        "Egenandeler\nNavn: Kari Nordmann\n12.01.2025 Fastlege 179,00 kr\nSide 1 av 2\f"
        "13.01.2025 Legevakt 375,00 kr\nSum 554,00 kr\nSide 2 av 2\n"
    )
    assert pairs(parsed) == [("2025-01-12", "179.00"), ("2025-01-13", "375.00")]
    assert [line.box.page for line in parsed.lines if line.box] == [1, 2]
    assert parsed.reconciled


def test_lines_that_do_not_add_up_are_not_reconciled() -> None:
    parsed = read("Egenandeler\n12.01.2025 Fastlege 179,00 kr\nSum 554,00 kr\n")
    assert parsed.total == Decimal("554.00")
    assert not parsed.reconciled


def test_a_document_without_a_printed_total_is_not_reconciled() -> None:
    parsed = read("Egenandeler\n12.01.2025 Fastlege 179,00 kr\n")
    assert len(parsed.lines) == 1
    assert not parsed.reconciled


@pytest.mark.parametrize(
    "row",
    [
        "Fødselsdato 12.03.2001 Egenandelstak 3 278 kr",
        "Utskrevet 12.03.2025 kl. 14.30 Side 1 av 1",
        "Delsum mars 31.03.2025 554,00 kr",
        "Overført fra forrige side 31.03.2025 554,00 kr",
        "Å overføre 31.03.2025 554,00 kr",
        "Brought forward 31.03.2025 NOK 554.00",
        "Remaining on 31.03.2025: NOK 2 724.00",
    ],
)
def test_distractor_rows_with_a_date_and_an_amount_are_not_lines(row: str) -> None:
    parsed = read(f"Egenandeler\n{row}\n12.01.2025 Fastlege 179,00 kr\nSum 179,00 kr\n")
    assert pairs(parsed) == [("2025-01-12", "179.00")]


def test_every_line_has_its_box_on_its_row() -> None:
    parsed = read("Egenandeler\n\n\n12.01.2025 Fastlege 179,00 kr\nSum 179,00 kr\n")
    box = parsed.lines[0].box
    assert box is not None
    assert box.page == 1
    assert box.top == pytest.approx(3 / 60)
    assert box.left == 0
    assert box.right == pytest.approx(0.29)


def test_it_reads_a_receipt_with_its_organisation_number_and_items() -> None:
    parsed = read(
        """Psykolog Hansen AS                 KVITTERING
Org.nr. 974 760 673
Dato: 12.03.2025
Pasient: Åse Sæther
Fødselsdato: 01.02.2001
Psykologtime 45 min                  1 000,00
Testing                                200,00
Totalt                               1 200,00 kr
Kontonr. 1234.56.78903
"""
    )
    assert parsed.kind == Kind.RECEIPT
    assert parsed.receipt is not None
    assert parsed.receipt.provider == "Psykolog Hansen AS"
    assert parsed.receipt.organisation_number == "974760673"
    assert parsed.receipt.itemised
    assert "Psykologtime 45 min" in parsed.receipt.treatment
    assert pairs(parsed) == [("2025-03-12", "1200.00")]
    assert parsed.name == "Åse Sæther"
    assert parsed.reconciled


@pytest.mark.parametrize(
    "label", ["Organization number", "Org. no.", "VAT no.", "VAT reg. no.", "Orgnr"]
)
def test_the_organisation_number_is_read_under_the_labels_english_and_norwegian_use(
    label: str,
) -> None:
    parsed = read(f"Receipt\nFysio AS\n{label} 974 760 673\nDate 12.03.2025\nTotal 375,00 kr\n")
    assert parsed.receipt is not None
    assert parsed.receipt.organisation_number == "974760673"


def test_a_till_roll_s_items_priced_on_the_row_under_them_add_up_to_its_total() -> None:
    parsed = read(
        """ØNH-KLINIKKEN MOSJØEN
Org.nr. 837 021 022
KVITTERING                          NR. 11705
04.08.26 10:35                        KASSE 2
PASIENT: Itziar Åsheim
Konsultasjon øre-nese-hals
                                 KR 1 390,00
Mikroskopi og rens av øregang
                                    KR 420,00
TOTALT                          KR 1 810,00
BETALT MED BANKKORT              KR 1 810,00
"""
    )
    assert parsed.receipt is not None
    assert parsed.receipt.itemised
    assert parsed.receipt.treatment == "Konsultasjon øre-nese-hals; Mikroskopi og rens av øregang"
    assert parsed.items_sum == Decimal("1810.00")
    assert parsed.reconciled


def test_a_text_message_s_items_wrapped_over_two_rows_are_one_item_each() -> None:
    parsed = read(
        """Hei Solfrid! Takk for timen hos
Kroppsro Sortland. Her er kvitteringen din:
Pasient: Solfrid Kleist
Dato: 26/9-25
Psykomotorisk fysioterapi, 60
min: 890,00 kr.
Skriftlig rapport til fastlege:
450,00 kr.
Totalt betalt: 1.340,00 kr.
Kroppsro Sortland, org.nr. 995 191 407
"""
    )
    assert parsed.receipt is not None
    assert parsed.receipt.treatment == (
        "Psykomotorisk fysioterapi, 60 min; Skriftlig rapport til fastlege"
    )
    assert parsed.receipt.provider == "Kroppsro Sortland"  # named where it gives its number
    assert parsed.items_sum == Decimal("1340.00")
    assert parsed.reconciled


def test_a_label_above_an_amount_on_a_receipt_is_no_item() -> None:
    parsed = read(
        "Kvittering\nFysio AS\nOrg.nr 974 760 673\nDato 12.03.2025\nBehandling  375,00\n"
        "Betalt med kort\n375,00\nTotalt 375,00 kr\n"
    )
    assert parsed.items_sum == Decimal("375.00")
    assert parsed.reconciled


def test_a_phone_number_before_the_organisation_number_is_no_provider() -> None:
    parsed = read(
        "Tannhelsesenteret\nKvittering\nTelefon 72 57 25 46 · Org. nr. 974 760 673\n"
        "Dato 12.03.2025\nTotalt 375,00 kr\n"
    )
    assert parsed.receipt is not None
    assert parsed.receipt.provider == "Tannhelsesenteret"


PRINTED_MAIL = """Kvittering for behandling
Kjeveortopedene Orkanger <post@kjeveortopedene.no>
rannva@student.no
27.05.2025 8:40
Hei Rannva, takk for besøket.
Kvittering nr.  952230
Pasient  Rannvá Kalniņa
Behandlingsdato  {day}
Justering av fast apparatur  kr880,00
Totalt betalt  kr880,00
"""


def test_a_date_whose_words_ocr_spaced_wide_is_read_as_the_treatment_s() -> None:
    parsed = read(PRINTED_MAIL.format(day="mandag,  26.  mai  2025"))
    assert pairs(parsed) == [("2025-05-26", "880.00")]  # not the mail's 27th
    assert parsed.reconciled


def test_a_receipt_whose_labelled_treatment_day_cannot_be_read_is_left_to_a_person() -> None:
    parsed = read(PRINTED_MAIL.format(day="mandag 2б. rnai 2O25"))
    assert not parsed.reconciled  # the mail's date is no stand-in for the treatment's


def test_a_receipt_whose_organisation_number_fails_its_check_digit_leaves_it_out() -> None:
    parsed = read("Kvittering\nFysio AS\nOrg.nr 974 760 674\nDato 12.03.2025\nTotalt 375,00 kr\n")
    assert parsed.receipt is not None
    assert parsed.receipt.organisation_number == ""
    assert any("check digit" in note for note in parsed.notes)


def test_a_receipt_that_lists_no_treatment_is_not_itemised() -> None:
    parsed = read("Kvittering\nFysio AS\nOrg.nr 974 760 673\nDato 12.03.2025\nTotalt 375,00 kr\n")
    assert parsed.receipt is not None
    assert not parsed.receipt.itemised
    assert pairs(parsed) == [("2025-03-12", "375.00")]


@pytest.mark.parametrize(
    "title", ["Betalingskvittering", "Salgskvittering", "Tannlegefaktura", "Payment confirmation"]
)
def test_a_receipt_titled_by_a_compound_or_as_a_payment_s_confirmation_is_a_receipt(
    title: str,
) -> None:
    parsed = read(f"{title}\nDato 14.03.2025\nKonsultasjon   650,00\nTotalt   650,00\n")
    assert parsed.kind == Kind.RECEIPT


@pytest.mark.parametrize("place", ["Sentrumsapoteket", "Majorstuaklinikken", "Nordbyhelsesenter"])
def test_a_place_whose_name_ends_in_a_clinic_s_word_is_no_person(place: str) -> None:
    parsed = read(f"Egenandeler 2025\n{place} Nord\n14.03.2025  Fastlege  179,00\nSum  179,00\n")
    assert parsed.name == ""


def test_text_that_is_neither_is_unknown() -> None:
    assert read("Hello world\nNothing to see here\n").kind == Kind.UNKNOWN


def test_an_amount_wrapped_under_its_label_keeps_the_label_s_role() -> None:
    parsed = read(
        """User fees
Sunniva Hansen
Remaining before exemption card:
NOK 2 483
Fastlege
14.08.2026
185 kr
Total paid:
NOK 185
"""
    )
    assert pairs(parsed) == [("2026-08-14", "185.00")]
    assert parsed.total == Decimal("185.00")
    assert parsed.reconciled


def test_an_invoice_marked_paid_gives_the_amount_paid_not_the_nothing_left_to_pay() -> None:
    parsed = read(
        "Faktura\nFysio AS\nOrg.nr 974 760 673\nDato 12.03.2025\nFysioterapi 375,00\n"
        "Totalt 375,00 kr\nBetalt 375,00 kr\nÅ betale 0,00 kr\n"
    )
    assert pairs(parsed) == [("2025-03-12", "375.00")]
    assert parsed.reconciled


def test_a_date_followed_by_a_comma_is_still_a_date() -> None:
    parsed = read(
        """Egenandeler
Navn: Kari Nordmann
12.03.2025, Fastlege Majorstuen       179,00 kr
14.03.2025, Oslo legevakt             375,00 kr
Sum                                   554,00 kr
"""
    )
    assert pairs(parsed) == [("2025-03-12", "179.00"), ("2025-03-14", "375.00")]
    assert parsed.reconciled


def test_numbers_in_neighbouring_columns_are_not_read_as_one_with_a_thousands_space() -> None:
    parsed = read(
        """Egenandeler
Dato          Antall    Egenandel
12.03.2025        12    345,00 kr
Sum                     345,00 kr
"""
    )
    assert pairs(parsed) == [("2025-03-12", "345.00")]
    assert parsed.reconciled


def test_a_thousands_space_inside_one_amount_still_joins_it() -> None:
    parsed = read("Egenandeler\n12.03.2025 Psykolog 1 234,50 kr\nSum 1 234,50 kr\n")
    assert pairs(parsed) == [("2025-03-12", "1234.50")]


def test_the_name_in_a_header_band_beside_the_title_is_found() -> None:
    parsed = read(
        """helsenorge    User fees paid 2024     Jonas Solveig Skłodowska, date of birth 09.02.1997

Date           Service        Provider                 Amount
23 Nov 2024    GP             Legesenteret Bærum       kr 172,00
Altogether                                             kr 172,00
"""
    )
    assert parsed.name == "Jonas Solveig Skłodowska"
    assert parsed.total == Decimal("172.00")
    assert parsed.reconciled


def test_a_name_printed_surname_first_and_one_with_small_words_are_read() -> None:
    assert read("Egenandeler\nNavn: Sæther, Kari\n").name == "Kari Sæther"
    assert read("Egenandeler\nAleksander van der Heyden\n").name == "Aleksander van der Heyden"
    assert read("Egenandeler\nGaute al-Hashimi\n").name == "Gaute al-Hashimi"


def test_a_clinic_under_a_card_is_never_taken_for_the_name() -> None:
    parsed = read(
        """Egenandeler 2025
12.03.2025   179,00
Fastlege
Legesenteret Bodø
Sum 179,00
"""
    )
    assert parsed.name == ""


def test_cards_two_to_a_row_are_read_as_one_column_after_the_other() -> None:
    parsed = read(
        """Betalte egenandeler 2026
Håkon Østergaard-Vik Fødselsdato: 05.11.2003

  1. des. 2026        36,22       24. nov. 2026       133,00
  Apotek (blåresept)              Fastlege, video
  Ditt Apotek Sjøsiden            Legesenteret Ålesund

  23. nov. 2026      185,00       15. nov. 2026       133,00
  Fastlege                        Fastlege, video
  Legesenteret Ålesund            Legesenteret Ålesund

  8. nov. 2026        68,00
  Laboratorieprøver
Samlet egenandel: 555,22
"""
    )
    assert sorted(pairs(parsed)) == [
        ("2026-11-08", "68.00"),
        ("2026-11-15", "133.00"),
        ("2026-11-23", "185.00"),
        ("2026-11-24", "133.00"),
        ("2026-12-01", "36.22"),
    ]
    assert parsed.name == "Håkon Østergaard-Vik"
    assert parsed.reconciled


def test_a_total_without_a_word_under_the_last_fee_counts_only_if_the_lines_add_up_to_it() -> None:
    fees = "Egenandeler\n12.01.2025 Fastlege 179,00 kr\n13.01.2025 Legevakt 375,00 kr\n"
    added_up = read(fees + "554,00 kr\n")
    assert added_up.total == Decimal("554.00")
    assert added_up.reconciled
    assert read(fees + "600,00 kr\n").total is None


def test_of_several_totals_the_largest_is_the_document_s_so_a_subtotal_never_reconciles() -> None:
    parsed = read(
        """Egenandeler
12.01.2025 Fastlege 179,00 kr
Sum januar 179,00 kr
Sum 554,00 kr
"""
    )
    # One fee (of 375 kr) was not read: the month's sum equals what was read, the total not.
    assert parsed.total == Decimal("554.00")
    assert not parsed.reconciled


@pytest.mark.parametrize(
    "credit",
    ["14.01.2025 Legevakt -375,00 kr", "14.01.2025 Legevakt kreditert 375,00 kr"],
)
def test_a_credited_fee_is_no_line_and_leaves_the_document_to_a_person(credit: str) -> None:
    parsed = read(f"Egenandeler\n12.01.2025 Fastlege 179,00 kr\n{credit}\nSum 179,00 kr\n")
    assert pairs(parsed) == [("2025-01-12", "179.00")]
    assert not parsed.reconciled


def test_a_receipt_without_a_printed_total_is_not_reconciled() -> None:
    parsed = read(
        "Kvittering\nFysio AS\nOrg.nr 974 760 673\nDato 12.03.2025\nBehandling 375,00 kr\n"
    )
    assert pairs(parsed) == [("2025-03-12", "375.00")]
    assert not parsed.reconciled


def test_a_capital_o_that_ocr_read_as_a_sign_or_a_digit_is_read_back_in_a_name() -> None:
    assert read("Egenandeler\nNuria @degard-Nilsen\n").name == "Nuria Ødegard-Nilsen"
    assert read("Egenandeler\nNavn: Kari 0verås\n").name == "Kari Overås"


def test_a_two_digit_year_is_read_as_strptime_reads_it() -> None:
    assert [found.value.isoformat() for found in dates("12.03.25 og 02.05.98")] == [
        "2025-03-12",
        "1998-05-02",
    ]


def test_a_menu_word_that_begins_like_a_label_is_no_name() -> None:
    parsed = read("Forside   Innboks   Pasientjournal   Egenandeler\nNavn: Åse Brennhovd\n")
    assert parsed.name == "Åse Brennhovd"


def test_on_a_receipt_only_a_labelled_name_is_the_patient_s() -> None:
    parsed = read("Kvittering\nAnne Berg\nOrg.nr 974 760 673\nDato 12.03.2025\nTotalt 375,00 kr\n")
    assert parsed.kind == Kind.RECEIPT
    assert parsed.name == ""  # Anne Berg is the psychologist, not (as far as it says) the patient


@pytest.mark.parametrize(
    "label",
    [
        "Patient name:",
        "Name of patient:",
        "Navn på pasient:",
        "Pasientnamn:",
        "Fakturamottaker:",
        "Bill to:",
        "Issued to:",
        "Innbygger:",
    ],
)
def test_a_receipt_s_patient_is_named_by_more_of_the_labels_receipts_use(label: str) -> None:
    parsed = read(
        f"Kvittering\nTannlegene Ås AS  Org.nr 974 760 673\n{label} Siri Håland\n"
        "Dato 14.03.2025\nUndersøkelse    650,00\nTotalt    650,00\n"
    )
    assert parsed.name == "Siri Håland"


@pytest.mark.parametrize(
    "row", ["Bruker du frikort?", "Overview for the year", "Person som betaler: se under"]
)
def test_a_label_word_opening_a_sentence_names_no_one(row: str) -> None:
    parsed = read(f"Kvittering\n{row}\nDato 14.03.2025\nTotalt    650,00\n")
    assert parsed.name == ""


def test_an_overview_of_user_fees_is_a_title_not_a_label_before_a_name() -> None:
    parsed = read(
        "Overview of user fees\nName:   Erdős, Ørjan\n04.01.2025  Pharmacy  NOK 24.45\n"
        "Total  NOK 24.45\n"
    )
    assert parsed.name == "Ørjan Erdős"


def test_a_sum_introduced_by_til_sammen_is_the_total_not_a_name() -> None:
    parsed = read(
        "Betalte egenandeler\nDato  Tjeneste  Beløp\n01.07.26  Psykolog  kr 425,00\n"
        "Til sammen    kr 425,00\n"
    )
    assert parsed.total == Decimal("425.00")
    assert parsed.reconciled


@pytest.mark.parametrize(
    "fields",
    [
        "Fornavn: Siri\nEtternavn: Håland",
        "Etternamn: Håland\nFørenamn: Siri",
        "First name: Siri  Last name: Håland",
        "First name: Siri Surname: Håland",
        "Fornavn:    Siri\nEtternavn:    Håland",
    ],
)
def test_a_name_given_in_a_form_s_two_fields_is_the_given_name_then_the_family_name(
    fields: str,
) -> None:
    parsed = read(f"Egenandeler 2025\n{fields}\n14.03.2025  Fastlege  179,00\nSum  179,00\n")
    assert parsed.name == "Siri Håland"
    assert parsed.name_box is not None


def test_a_given_name_without_a_family_name_is_no_name() -> None:
    assert read("Kvittering\nFornavn: Siri\nDato 14.03.2025\nTotalt 650,00\n").name == ""


@pytest.mark.parametrize(
    "row", ["Siri Håland (f. 01.02.2001)", "Oversikt for: Siri Håland", "Person: Siri Håland"]
)
def test_a_name_is_read_in_more_of_the_ways_an_overview_heads_it(row: str) -> None:
    parsed = read(f"Egenandeler 2025\n{row}\n14.03.2025  Fastlege  179,00\nSum  179,00\n")
    assert parsed.name == "Siri Håland"


@pytest.mark.parametrize(
    "row",
    [
        "Gjelder: Aviaja Hæreid, født 05.04.2001",
        "Gjeld: Aviaja Hæreid, fødd 05.04.2001",
        "Concerning: Aviaja Hæreid, born 05.04.2001",
    ],
)
def test_a_certificate_names_whom_it_concerns(row: str) -> None:
    parsed = read(
        f"Egenandelsregisteret\nBekreftelse på registrerte egenandeler 2024\n{row}\n"
        "tirsdag 9. januar 2024   Fastlege   172,00 Kr\nSum   172,00 Kr\n"
    )
    assert parsed.name == "Aviaja Hæreid"


@pytest.mark.parametrize(
    "header",
    [
        "Õnne Sæverud Logg ut",
        "Ġorġ Sørbø Log out",
        "Uxia Grøtterud Loa out",  # OCR's reading of "Log out"
        "helsenorge  Du bruker helsenorge som deg selv Õnne Sæverud Logg ut",  # rows run together
    ],
)
def test_a_site_s_header_names_who_is_logged_in_before_its_link_to_log_out(header: str) -> None:
    parsed = read(f"{header}\nDine egenandeler\n19.05.2026  Fastlege  185,00 Kr\nSum  185,00 Kr\n")
    assert parsed.name == header.split()[-4] + " " + header.split()[-3]
    assert parsed.name_box is not None


@pytest.mark.parametrize(
    "header",
    [
        "Logged in: Ionuț Țurcanu",
        "Innlogga: Ionuț Țurcanu",
        "Innlogget    Ionuț Țurcanu",
        "Du er logget inn Ionuț Țurcanu",
    ],
)
def test_a_print_s_header_names_who_was_logged_in_with_or_without_som(header: str) -> None:
    parsed = read(
        f"helsenorge   {header}\nUser fees 2025\n01.01.2025  GP  NOK129.00\nTotal NOK129.00\n"
    )
    assert parsed.name == "Ionuț Țurcanu"


def test_a_sentence_about_logged_in_users_names_no_one() -> None:
    parsed = read("Logged in users see more\nUser fees 2025\n01.01.2025  GP  NOK129.00\n")
    assert parsed.name == ""


def test_a_name_with_the_link_to_log_out_glued_on_by_a_mark_is_read_whole() -> None:
    parsed = read(
        "helsenorge  Innlogget som Čáhppe Mienna·Logg ut\nEgenandeler betalt i 2024\n"
        "22.11.2024  Fastlege  kr 125,00\nSum  kr 125,00\n"
    )
    assert parsed.name == "Čáhppe Mienna"


def test_a_link_to_log_out_after_no_name_names_no_one() -> None:
    parsed = read("Meny Logg ut\nDine egenandeler\n19.05.2026  Fastlege  185,00\nSum  185,00\n")
    assert parsed.name == ""


@pytest.mark.parametrize("name", ["Ilze Dahl á Steig", "Jógvan í Líð", "Ana García y López"])
def test_faroese_and_spanish_particles_stay_inside_the_name(name: str) -> None:
    assert read(f"Egenandeler 2025\nNavn: {name}\n").name == name


def test_a_name_a_cell_away_from_its_label_is_read() -> None:
    assert read("Egenandeler\nNavn:      Kari Grønnæs\n").name == "Kari Grønnæs"


def test_a_name_whose_capital_l_with_a_stroke_ocr_read_as_a_small_t_is_still_a_name() -> None:
    parsed = read("Eigendelar\ntukasz Øverås\nFødselsdato: 03.12.1998\n")
    assert parsed.name == "tukasz Øverås"  # the reader has RapidOCR read it again from its box


def test_letters_ocr_made_of_noise_are_no_name() -> None:
    assert read("Egenandeler\nEE EE EE\n").name == ""


def test_a_name_mended_from_ocr_s_sign_for_a_capital_is_boxed_where_it_stands() -> None:
    parsed = read("Egenandeler\n@degård Kari\n")
    assert parsed.name == "Ødegård Kari"
    assert parsed.name_box is not None and parsed.name_box.left == 0


def test_the_fee_is_told_from_what_helfo_covered_by_the_column_header() -> None:
    parsed = read(
        """Egenandeler 2025
Dato          Behandler          Dekket av Helfo     Egenandel
12.03.2025    Psykolog Berg          1 020,00 kr     425,00 kr
14.03.2025    Legevakt                 610,00 kr     375,00 kr
Sum                                  1 630,00 kr     800,00 kr
"""
    )
    assert pairs(parsed) == [("2025-03-12", "425.00"), ("2025-03-14", "375.00")]
    assert parsed.total == Decimal("800.00")
    assert parsed.reconciled


def test_a_period_above_the_cards_is_not_a_card_s_date() -> None:
    parsed = read(
        """Egenandeler
Kari Nordmann
Periode: 01.01.2025–31.12.2025
179,00 kr
Fastlege
12.03.2025
179,00 kr
Sum 179,00 kr
"""
    )
    assert pairs(parsed) == [("2025-03-12", "179.00")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Eigendelstaket for 2024 er 3 165 kr. Du har 370 kr att før du får frikort.",
        "The user fee ceiling for 2025 is NOK 3 278. You have NOK 1 336 left.",
        # No word of a limit or a sum in it: only its being a sentence tells it from a card.
        "Vi minner om at 375 kr er prisen for en time hos legevakten.",
    ],
)
def test_a_sentence_about_a_figure_is_not_a_card_s_amount(sentence: str) -> None:
    parsed = read(f"Egenandeler\nPeriode: 01.01.2024\n{sentence}\n12.03.2024\n179,00 kr\n")
    assert pairs(parsed) == [("2024-03-12", "179.00")]


def test_a_pharmacy_receipt_s_items_are_its_user_fees_not_prices_or_helfo_s_share() -> None:
    parsed = read(
        """Vitusapotek Grünerløkka
Org. no. 906 125 331
RECEIPT No. 410966
Fri 30.05.2025 16:26
Patient: Kari Nordmann
Lamotrigin Orion 100 mg 98 tabl.
  Price                       NOK 322,62
  Reimbursed by Helfo         NOK 161,31
  User fee                    NOK 161,31
TO PAY                        NOK 161,31
"""
    )
    assert pairs(parsed) == [("2025-05-30", "161.31")]
    assert parsed.items_sum == Decimal("161.31")
    assert parsed.reconciled


def test_an_invoice_s_to_pay_is_its_total() -> None:
    parsed = read(
        "Invoice\nOrg. no. 974 760 673\nDate of treatment: 10.06.2026\n"
        "Samtale 60 min       NOK 1 750,00\nTo pay       NOK 1 750,00\n"
    )
    assert parsed.total == Decimal("1750.00")
    assert parsed.reconciled


def test_a_date_with_a_letter_glued_to_it_leaves_the_document_unreconciled() -> None:
    # OCR read "22. august 2025" as "a2. august 2025": the amounts add up, the day is wrong.
    parsed = read("Egenandeler\na2. august 2025 Fastlege 179,00 kr\nSum 179,00 kr\n")
    assert parsed.lines_sum == parsed.total
    assert not parsed.reconciled


YEAR_PAGE = """Egenandeler 2025
Navn: Kari Nordmann
Egenandelstak 2025: 3 278 kr
Dato          Behandler                 Egenandel
12.03.2025    Legesenteret Majorstuen   179,00 kr
14.0{month}.202{year}    Oslo legevakt             375,00 kr
Sum                                     554,00 kr
Utskrevet 03.01.2026                    Side 1 av 1
"""


def test_a_fee_dated_outside_the_year_the_title_names_leaves_the_document_unreconciled() -> None:
    # OCR read "2025" as "2023": the amounts add up, the year is wrong.
    misread = read(YEAR_PAGE.format(month=3, year=3))
    assert misread.lines_sum == misread.total
    assert not misread.reconciled
    assert any("outside 2025" in note for note in misread.notes)
    # The print date in the next year, and the limit's year, are not fees.
    assert read(YEAR_PAGE.format(month=3, year=5)).reconciled


def test_an_overview_for_a_period_over_two_years_has_no_one_year_to_check() -> None:
    parsed = read(
        "Egenandeler 01.07.2024–30.06.2025\n"
        "12.12.2024  Fastlege  179,00 kr\n14.03.2025  Legevakt  375,00 kr\nSum  554,00 kr\n"
    )
    assert parsed.reconciled


def test_dates_with_slashes_are_read_day_first() -> None:
    assert [found.value.isoformat() for found in dates("12/03/2025")] == ["2025-03-12"]


def test_whole_kroner_under_a_fee_column_headed_in_kroner_are_amounts() -> None:
    parsed = read(
        """Egenandeler 2025
Dato          Behandlingssted        Egenandel (kr)   Status
07/07/2025    Apotek 1 Trondheim             308,75   Registrert
30/10/2025    Bodø Fysioterapi                  287   Registrert
Sum                                             595,75
"""
    )
    assert pairs(parsed) == [("2025-07-07", "308.75"), ("2025-10-30", "287.00")]
    assert parsed.reconciled


def test_a_receipt_in_whole_kroner_with_a_discount_adds_up_to_its_total() -> None:
    parsed = read(
        """Grünerløkka Tannklinikk
Org.nr. 974 760 673
KVITTERING
Dato                                                   31/01/2025
Pasient                                             Aoife ter Horst
Takst   Behandling                                     Beløp (kr)
101     Undersøkelse, kontroll                                650
203     Fylling, 3 flater, tann 24                          1 690
        Studentrabatt 20 %                                   -468
        Totalt å betale                                     1 872
Betalt med bankkort BankAxept **** 9115
"""
    )
    assert pairs(parsed) == [("2025-01-31", "1872.00")]
    assert parsed.items_sum == Decimal("1872.00")
    assert parsed.reconciled


def test_cards_under_a_heading_in_kroner_give_their_whole_kroner_at_the_right() -> None:
    parsed = read(
        """Mine egenandeler
Egenandel (kr)
Førde Fysioterapi                                                            298
Fysioterapeut                                                         Registrert
26. november 2026
Vitusapotek                                                               221,92
Apotek (blåresept)                                                    Registrert
3. november 2026
Sum registrerte egenandeler                                               519,92
"""
    )
    assert pairs(parsed) == [("2026-11-26", "298.00"), ("2026-11-03", "221.92")]
    assert parsed.reconciled


def test_a_name_ends_at_a_mark_standing_alone() -> None:
    assert read("Mine egenandeler\nAoife von Krogh · 2026\n").name == "Aoife von Krogh"
    assert read("Mine egenandeler\nYasmin von Krogh· 2024\n").name == "Yasmin von Krogh"


def test_a_receipt_row_that_only_says_paid_is_no_header_for_bare_numbers() -> None:
    parsed = read(
        """Fysio AS
Org.nr 974 760 673
KVITTERING
Dato 12.03.2025
Betalt med kort
101   Behandling 30 min
Totalt 375,00 kr
"""
    )
    assert parsed.items_sum is None  # the code 101 is no price
    assert pairs(parsed) == [("2025-03-12", "375.00")]


def test_a_clinic_s_statement_of_several_treatments_is_a_list_of_fees_not_one_receipt() -> None:
    parsed = read(
        """Grünerløkka Fysioterapi                          Org.nr. 974 760 673
Oppgave over egenandeler – april 2025
Pasient    Odd-Inge Fossum
Dato       4.5.2025
Dato          Takst   Behandling                  Egenandel
8.4.2025      A2a     Individuell behandling     NOK 287,00
11.4.2025     A2a     Individuell behandling     NOK 287,00
Sum egenandeler                                  NOK 574,00
"""
    )
    assert parsed.kind == Kind.USER_FEE_OVERVIEW
    assert pairs(parsed) == [("2025-04-08", "287.00"), ("2025-04-11", "287.00")]
    assert parsed.name == "Odd-Inge Fossum"
    assert parsed.reconciled


def test_the_name_of_who_is_signed_in_is_the_person_s() -> None:
    assert read("Innlogget som Vilde Rønningen\nEgenandeler\n").name == "Vilde Rønningen"
    assert read("Receipt\nClient           Tobias Fossum\n").name == "Tobias Fossum"
    assert read("Du er logget inn som Åsne Sørli\nEgenandeler\n").name == "Åsne Sørli"
    assert read("Kvittering\nKunde: Jonas Bakke\n").name == "Jonas Bakke"


def test_rows_dated_by_day_and_month_take_the_year_from_their_month_s_heading() -> None:
    parsed = read(
        """Frikort og egenandeler
Innlogget som Vilde Rønningen
Januar 2024
11.01       Legevakt                   295,00 kr
Februar 2024
05.02       Fastlege                   172,00 kr
12.50       Fastlege                   172,00 kr
Sum 2024                               467,00 kr
"""
    )
    # "12.50" is no day of February: that row has no date, and is no fee.
    assert pairs(parsed) == [("2024-01-11", "295.00"), ("2024-02-05", "172.00")]
    assert parsed.name == "Vilde Rønningen"


def test_dates_written_year_first_with_dots_or_slashes_are_read() -> None:
    assert [found.value.isoformat() for found in dates("2025.03.12  2025/03/14")] == [
        "2025-03-12",
        "2025-03-14",
    ]


@pytest.mark.parametrize(
    ("printed", "meant"),
    [
        ("12. febr. 2025", "2025-02-12"),  # an older Norwegian abbreviation
        ("2025-3-7", "2025-03-07"),  # year first, without leading zeros
        ("12MAR2025", "2025-03-12"),  # a booking system's
        ("Time 7 mars2025", "2025-03-07"),
        ("14th of March, 2025", "2025-03-14"),  # a comma before the year
        ("14. mars, 2025", "2025-03-14"),
        ("14 03 2025", "2025-03-14"),  # a form's boxes
        ("14/3-25", "2025-03-14"),  # by hand, the year cut short
        ("2025 Mar 14", "2025-03-14"),  # year first with the month's name
        ("2025-mar-14", "2025-03-14"),
        ("Date: Aug 24 '26", "2026-08-24"),  # the month first, the year cut short
        ("20250312", "2025-03-12"),  # a patient system's, run together
        ("12/3 2025", "2025-03-12"),  # a clinic's portal: day/month, a space, the year
        ("Mar. 12, 2025", "2025-03-12"),
        ("1  Feb 24 2026", "2026-02-24"),  # a row's number, then the month first
        ("2  Apr 15, 2026", "2026-04-15"),
    ],
)
def test_dates_printed_in_more_of_the_ways_programs_print_them_are_read(
    printed: str, meant: str
) -> None:
    assert [found.value.isoformat() for found in dates(printed)] == [meant]


def test_digits_that_only_resemble_those_ways_are_no_date() -> None:
    assert dates("12MAR20255") == []
    assert dates("12 mars 202") == []
    assert dates("Tlf 22 12 34 56") == []  # a phone number in pairs
    assert dates("Konto 1234 56 78903") == []
    assert dates("14 03 1789") == []  # no year of a fee
    assert dates("tys. 8. juli  65,- kr") == []  # a day and a fee a cell apart, no year
    assert dates("Fødselsnr. 12039912345") == []  # eight figures inside a birth number
    assert dates("20251312  20250230  20250012") == []  # no month 13, no 30 February
    assert dates("Kontonr. 1503.20250312") == []
    assert dates("Ref. 120250312") == []
    assert dates("1/2 20250") == []


@pytest.mark.parametrize(
    ("printed", "meant"),
    [
        ("350 kroner", "350.00"),
        ("kroner 1 234", "1234.00"),
        ("Beløp kr: 490", "490.00"),
        ("Å betale 350:-", "350.00"),
    ],
)
def test_kroner_written_out_or_marked_as_some_programs_do_mark_an_amount(
    printed: str, meant: str
) -> None:
    assert [str(found.value) for found in amounts(printed)] == [meant]


def test_a_bare_number_beside_the_word_kroner_in_a_sentence_is_still_no_fee() -> None:
    parsed = read(
        """Egenandeler 2025
Du betaler egenandeler til du når 3 278 kroner.
14.03.2025  Fastlege  Legesenteret Ås  179,00
02.04.2025  Psykolog  Kari Psykologtjenester  411,00
Sum  590,00
"""
    )
    assert pairs(parsed) == [("2025-03-14", "179.00"), ("2025-04-02", "411.00")]
    assert parsed.total == Decimal("590.00")
    assert parsed.reconciled


def test_cards_under_a_heading_in_kroner_written_out_give_their_whole_kroner() -> None:
    parsed = read(
        """Mine egenandeler
Beløp i kroner
Førde Fysioterapi                                                            298
Fysioterapeut                                                         Registrert
26. november 2026
Vitusapotek                                                               221,92
Apotek (blåresept)                                                    Registrert
3. november 2026
Sum registrerte egenandeler                                               519,92
"""
    )
    assert pairs(parsed) == [("2026-11-26", "298.00"), ("2026-11-03", "221.92")]
    assert parsed.reconciled


def test_an_overview_in_other_words_for_its_sum_and_what_is_left_is_read() -> None:
    parsed = read(
        """Egenandelsoversikt for Siri Håland
Frikortgrensen 2025                                3 278,00
Dato          Tjeneste       Behandlingssted   Beløp
14.03.2025    Fastlege       Legesenteret Ås   179,00
02.04.2025    Psykolog       Psykologene       411,00
Sammenlagt                                       590,00
Gjenstår til frikort                           2 688,00
"""
    )
    assert parsed.kind == Kind.USER_FEE_OVERVIEW
    assert pairs(parsed) == [("2025-03-14", "179.00"), ("2025-04-02", "411.00")]
    assert parsed.total == Decimal("590.00")
    assert not any("no word for it" in note for note in parsed.notes)  # its word was known
    assert parsed.reconciled


@pytest.mark.parametrize(
    "row",
    [
        "Frikortgrensen 01.01.2025  3 278,00",
        "Gjenstår per 14.03.2025  2 688,00",
        "Resterende beløp 14.03.2025  2 688,00",
        "Remainder as of 14.03.2025  2 688,00",
    ],
)
def test_what_is_left_before_the_card_in_other_words_is_no_fee(row: str) -> None:
    parsed = read(
        f"""Egenandeler 2025
14.03.2025    Fastlege   179,00
{row}
Sum   179,00
"""
    )
    assert pairs(parsed) == [("2025-03-14", "179.00")]
    assert parsed.reconciled


def test_a_timeline_s_days_and_months_with_a_weekday_take_the_year_of_their_month_s_heading() -> (
    None
):
    parsed = read(
        """Egenandeler
Betalt i 2026
1 835,61 Kr
av 3 278 Kr  Igjen til frikort
1 442,39 Kr
Oktober 2026
fredag 9/10  e  Legevakt  315,00 Kr
Januar 2026
torsdag 22/1  @  Psykolog  425,00 Kr
Fri 10/1  Apotek  1 095,61 Kr
"""
    )
    assert pairs(parsed) == [
        ("2026-10-09", "315.00"),
        ("2026-01-22", "425.00"),
        ("2026-01-10", "1095.61"),
    ]
    # What OCR made of the timeline's dots ("e", "@") is no part of what the fee was for.
    assert [line.provider for line in parsed.lines] == ["Legevakt", "Psykolog", "Apotek"]
    assert parsed.total == Decimal("1835.61")  # the sum under "Betalt i 2026", not what is left
    assert parsed.reconciled


def test_an_earlier_year_s_sum_beside_its_label_is_not_the_total() -> None:
    parsed = read(
        """Frikort og egenandeler
Betalt i 2024
Kr. 2.615,83
Tidligere år
Betalt i 2023         Kr. 2.693,25
Alle egenandeler i 2024
Dato                  Tjeneste      Egenandel
tirsdag 26.03.2024    Røntgen       Kr. 281,00
mandag 01.04.2024     Psykolog      Kr. 2.334,83
"""
    )
    assert parsed.total == Decimal("2615.83")
    assert parsed.reconciled


def test_an_app_s_month_sections_with_their_counts_give_each_card_its_own_date() -> None:
    parsed = read(
        """User fees
Kjellfrid Vaivade
Paid in 2025
NOK617.00
Ceiling: NOK 3,278  Left: NOK2,661.00
January 2025  1 user fee
Mon, 6 Jan
GP, video  NOK129.00
Fastlegekontoret i Halden
February 2025  2 user fees
Thu, 27 Feb
Laboratory tests  NOK65.00
Fri, 28 Feb
NOK423.00
Fastlegekontoret i Halden
"""
    )
    assert pairs(parsed) == [
        ("2025-01-06", "129.00"),
        ("2025-02-27", "65.00"),
        ("2025-02-28", "423.00"),
    ]
    assert parsed.total == Decimal("617.00")
    assert parsed.name == "Kjellfrid Vaivade"
    assert parsed.reconciled


def test_an_amount_above_a_month_s_heading_is_never_paired_with_a_day_under_it() -> None:
    # The sum at the top, its label unread: no card runs across the heading to take it.
    parsed = read("Egenandeler\nNOK617.00\nJanuary 2025  1 user fee\nMon, 6 Jan\nGP  NOK129.00\n")
    assert pairs(parsed) == [("2025-01-06", "129.00")]


def test_a_day_and_month_that_disagree_with_their_heading_give_no_date() -> None:
    parsed = read("Egenandeler\nOktober 2026\nfredag 9/11  Legevakt  315,00 Kr\nSum  315,00 Kr\n")
    assert pairs(parsed) == []
    assert not parsed.reconciled


def test_an_american_app_s_month_first_under_its_month_s_heading_is_read() -> None:
    parsed = read("User fees\nOctober 2026\nFri 10/9  GP  315,00 Kr\nTotal  315,00 Kr\n")
    assert pairs(parsed) == [("2026-10-09", "315.00")]


def test_kroner_marked_with_a_dash_are_read_where_ocr_made_the_comma_a_full_stop() -> None:
    parsed = read(
        "Egenandeler\n21.04.2025  Psykolog  411.-\n22.04.2025  Fastlege  179,-\nSum  590,-\n"
    )
    assert pairs(parsed) == [("2025-04-21", "411.00"), ("2025-04-22", "179.00")]
    assert parsed.reconciled


OVERVIEW_SO_FAR = """Dine egenandeler
Egenandeler for Võ Minh Châu, født 22-06-1999
Egenandelstak 2024: 3 165 kr              {missing}: 2 993,00
Dato          Kategori       Virksomhet              Egenandel
11-11-2024    Fastlege       Legesenteret Bodø          172,00
{total}                                                 172,00
Sist oppdatert 26-12-2024                                  1/1
"""


@pytest.mark.parametrize(
    ("missing", "total"),
    [
        ("Til frikort mangler", "Sum egenandeler hittil i år"),
        ("Still to pay before exemption card", "Total paid so far"),
    ],
)
def test_the_sum_so_far_is_the_total_and_what_is_missing_before_the_card_is_not(
    missing: str, total: str
) -> None:
    parsed = read(OVERVIEW_SO_FAR.format(missing=missing, total=total))
    assert parsed.total == Decimal("172.00")
    assert pairs(parsed) == [("2024-11-11", "172.00")]  # not the "last updated" row's "1/1"
    assert parsed.reconciled
    assert parsed.name == "Võ Minh Châu"  # from the title, before ", født …"


def test_a_running_sum_so_far_beside_no_word_of_the_sum_is_still_no_total() -> None:
    parsed = read("Egenandeler\n12.03.2025  Fastlege  179,00 kr\nHittil i år  2 500,00 kr\n")
    assert parsed.total is None


INVOICE = """Helse Stavanger HF                              Org.nr. 983974732
Stavanger universitetssjukehus
Trần Đức Anh
Faktura – poliklinisk konsultasjon
Fakturanr.          93999243
Fakturadato         29-01-2024
Forfallsdato        13-02-2024
Fødselsdato         13-11-1994
Behandlingsdato     Beskrivelse                          Beløp
{treatment}
Sum å betale                                             656,-
Pasientbetaling (egenandel) etter forskrift om egenandel.
"""


def test_an_invoice_s_date_is_the_treatment_s_not_the_invoice_s_and_it_names_its_addressee() -> (
    None
):
    parsed = read(
        INVOICE.format(
            treatment="23-01-2024     Poliklinisk konsultasjon     375,-\n"
            "23-01-2024     Bildediagnostikk (røntgen)   281,-"
        )
    )
    assert parsed.kind == Kind.RECEIPT
    assert pairs(parsed) == [("2024-01-23", "656.00")]
    assert parsed.name == "Trần Đức Anh"
    assert parsed.reconciled


def test_a_receipt_with_several_dates_none_labelled_the_treatment_s_is_not_reconciled() -> None:
    parsed = read(
        "Klinikk Nord\nOrg.nr. 983974732\nKvittering\nDato: 29.01.2024\n"
        "Utstedt 30.01.2024\nKonsultasjon\nSum 656,00 kr\n"
    )
    assert pairs(parsed) == [("2024-01-29", "656.00")]
    assert not parsed.reconciled
    assert parsed.unsure_dates


def test_a_word_like_patient_at_the_start_of_a_sentence_is_no_label() -> None:
    parsed = read(
        INVOICE.format(treatment="23-01-2024  Konsultasjon  656,-")
        .replace("Pasientbetaling (egenandel)", "Patient fee (user fee)")
        .replace("Trần Đức Anh\n", "")
    )
    assert parsed.name == ""


def test_a_label_of_several_words_names_even_a_name_ocr_read_in_part() -> None:
    # Read again by the second engine from here: the label and its row are what count.
    parsed = read("Logged in as Mirjam Ho:\nUser fees\n12.03.2025  GP  179,00 kr\nTotal  179,00\n")
    assert parsed.name == "Mirjam"


UNFOLDED = """Mine egenandeler
Poliklinikk øre-nese-hals                       375,00 kroner
Behandlingsdato      torsdag 25. januar 2024
Behandlingssted      St. Olavs hospital
{second}        tirsdag 30. januar 2024
Psykolog                                        397,00 kroner
Behandlingsdato      tirsdag 27. februar 2024
Behandlingssted      Psykologspesialist Marius Østby
{second}        mandag 4. mars 2024
Totalsum registrerte egenandeler                772,00 kroner
"""


def test_a_row_unfolded_gives_its_treatment_date_not_the_date_it_was_reported() -> None:
    parsed = read(UNFOLDED.format(second="Innrapportert"))
    assert pairs(parsed) == [("2024-01-25", "375.00"), ("2024-02-27", "397.00")]
    assert parsed.reconciled


def test_cards_with_a_second_date_no_word_explains_are_left_to_a_person() -> None:
    # The second fee would take the first one's second date: the amounts still add up.
    parsed = read(UNFOLDED.format(second="Endret      "))
    assert parsed.lines_sum == parsed.total
    assert not parsed.reconciled


def test_dates_with_the_month_s_name_between_hyphens_are_read() -> None:
    assert [found.value.isoformat() for found in dates("06-Jan-2025  17-feb-2025")] == [
        "2025-01-06",
        "2025-02-17",
    ]


@pytest.mark.parametrize(
    "title",
    ["Du ser egenandelene til Ivonne Bērziņa", "You are viewing the user fees of Ivonne Bērziņa"],
)
def test_the_name_whose_fees_the_page_shows_is_the_person_s(title: str) -> None:
    parsed = read(f"{title}\n08.01.2026  Fastlege  179,00 kroner\nTotalt  179,00 kroner\n")
    assert parsed.name == "Ivonne Bērziņa"


def test_the_day_a_page_was_printed_in_nynorsk_is_no_fee() -> None:
    parsed = read(
        "Skrive ut onsdag 25. desember 2024    172,00 kroner\n"
        "Eigendelar\n04.03.2024  Fastlege  172,00 kroner\nSum  172,00 kroner\n"
    )
    assert pairs(parsed) == [("2024-03-04", "172.00")]


def test_a_sentence_about_the_limit_is_no_total_though_it_says_paid() -> None:
    parsed = read(
        "Utskrift frå eigendelsregisteret 2024\n"
        "for 2024 er Kr 3 165. Når du har betalt eigendelar for dette beløpet, får du frikort\n"
        "16-jan-2024  Sandnes Fysioterapi  Fysioterapeut  Kr 264,00\n"
        "Eigendelar i alt  Kr 264,00\n"
    )
    assert parsed.total == Decimal("264.00")
    assert parsed.reconciled


def test_a_name_that_wraps_onto_the_next_row_is_read_whole() -> None:
    parsed = read(
        "You are viewing the user fees of Tharshika\nVågen\n"
        "16/11/26  kr 400.00\nOutpatient clinic\nTotal registered  kr 400.00\n"
    )
    assert parsed.name == "Tharshika Vågen"


def test_a_spreadsheet_s_dates_with_the_month_s_name_and_two_digits_of_the_year_are_read() -> None:
    assert [found.value.isoformat() for found in dates("20.feb.24  13.sep.24")] == [
        "2024-02-20",
        "2024-09-13",
    ]
    assert dates("12. mars 45,00 kr") == []  # an amount after a month is no year


def test_the_accumulated_user_fee_is_the_total() -> None:
    parsed = read(
        "Oversikt over betalte egenandeler 2025\n29 januar 2025   Psykolog   NOK 411,-\n"
        "Akkumulert egenandel 2025     NOK 411,-\nEgenandelstak 2025: NOK 3 278,-\n"
    )
    assert parsed.total == Decimal("411.00")
    assert parsed.reconciled


def test_dates_on_calendar_tiles_stand_on_their_fees_rows_in_two_columns_of_cards() -> None:
    parsed = read(
        """Betalte egenandeler
Aslak Ytterstad
  2   Fastlege, video                        4   Fastlege
 JAN  Legesenteret Sandnes   NOK 133,-      MAI  Legesenteret Sandnes   NOK 185,-
2026                                       2026
 22   Legevakt
 JAN  Sjøsiden legevakt      NOK 315,-
2026
Akkumulert                                                            NOK 633,-
"""
    )
    assert sorted(pairs(parsed)) == [
        ("2026-01-02", "133.00"),
        ("2026-01-22", "315.00"),
        ("2026-05-04", "185.00"),
    ]
    assert parsed.reconciled


def word_at(text: str, left: float, right: float, top: float, bottom: float) -> Word:
    """A word of page 1 where an engine placed it (shares of the page, as it gives them)."""
    return Word(text, 1, left, top, right, bottom)


def test_a_tile_on_a_wide_screenshot_dates_its_card_as_tesseract_places_it() -> None:
    # As OCR places them on a landscape screenshot (2532 × 1170 pixels): the day two letters
    # from the service beside it; a dash is what OCR made of the tile's border.
    parsed = parse(
        [
            word_at("User", 0.02, 0.06, 0.10, 0.14),
            word_at("fees", 0.065, 0.10, 0.10, 0.14),
            word_at("paid", 0.105, 0.14, 0.10, 0.14),
            word_at("Amani", 0.02, 0.06, 0.17, 0.20),
            word_at("Bautista", 0.065, 0.13, 0.17, 0.20),
            word_at("6", 0.049, 0.063, 0.363, 0.404),
            word_at("—", 0.066, 0.072, 0.38, 0.39),
            word_at("Outpatient", 0.1, 0.208, 0.378, 0.415),
            word_at("clinic", 0.215, 0.265, 0.378, 0.408),
            word_at("400.00", 0.415, 0.483, 0.398, 0.427),
            word_at("JUL", 0.043, 0.067, 0.417, 0.443),
            word_at("Universitetssykehuset", 0.101, 0.269, 0.421, 0.454),
            word_at("2026", 0.041, 0.07, 0.446, 0.465),
            word_at("Accumulated", 0.03, 0.16, 0.56, 0.60),
            word_at("400.00", 0.90, 0.97, 0.56, 0.60),
        ]
    )
    assert pairs(parsed) == [("2026-07-06", "400.00")]
    assert parsed.reconciled


def test_a_tile_whose_large_day_rapidocr_boxes_wide_dates_its_card() -> None:
    # As RapidOCR places them on a phone's screenshot: the bold day's box is wide, and close to
    # the service beside it.
    parsed = parse(
        [
            word_at("Betalte eigendelar", 0.04, 0.60, 0.03, 0.05),
            word_at("Birgitta Bautista", 0.04, 0.40, 0.06, 0.075),
            word_at("20", 0.073, 0.166, 0.155, 0.186),
            word_at("Fastlege", 0.206, 0.407, 0.162, 0.187),
            word_at("NOK 172,-", 0.721, 0.956, 0.172, 0.196),
            word_at("FEB", 0.083, 0.157, 0.182, 0.198),
            word_at("Legesenteret Trondheim", 0.209, 0.621, 0.185, 0.203),
            word_at("2024", 0.081, 0.158, 0.195, 0.211),
            word_at("Akkumulert", 0.067, 0.318, 0.30, 0.32),
            word_at("NOK 172,-", 0.677, 0.932, 0.30, 0.32),
        ]
    )
    assert pairs(parsed) == [("2024-02-20", "172.00")]
    assert parsed.reconciled


def test_a_tile_missing_its_day_gives_no_date_and_leaves_the_document_to_a_person() -> None:
    parsed = read(
        """Betalte egenandeler
Aslak Ytterstad
  2   Fastlege, video                            Fastlege
 JAN  Legesenteret Sandnes   NOK 133,-      MAI  Legesenteret Sandnes   NOK 185,-
2026                                       2026
Akkumulert                                                            NOK 318,-
"""
    )
    assert ("2026-05-04", "185.00") not in pairs(parsed)
    assert not parsed.reconciled


@pytest.mark.parametrize("time", ["at 11.48", "kl.  11.48", "klokka 11:48"])
def test_a_clock_time_is_no_item_of_a_receipt(time: str) -> None:
    parsed = read(
        f"""Curato Røntgen Førde
Business reg. no. NO 974 760 673 MVA
Receipt
Patient:  Aslak Tesfamariam
Treated:  21.01.2026 {time}
Code     Examination           Amount (NOK)
UL-ABD   Ultrasound, abdomen         300.00
Total to pay                         300.00
"""
    )
    assert pairs(parsed) == [("2026-01-21", "300.00")]
    assert parsed.reconciled


def test_an_out_of_hours_fee_is_one_item_among_others_that_add_up_to_the_total() -> None:
    parsed = read(
        """Tana interkommunale legevakt
Org.nr. 974 760 673
KVITTERING
Dato 2025.06.18 Kl. 04:40
Pasient: Máret Bongo
Egenandel legevakt     307,00 kr
Laboratorieprøver       65,00 kr
TOTALT                 372,00 kr
"""
    )
    assert pairs(parsed) == [("2025-06-18", "372.00")]
    assert parsed.reconciled


def test_a_payment_app_s_receipt_gives_its_sum_payer_and_payee() -> None:
    parsed = read(
        """Betaling fullført
     360,00 kr
Betalt til     Curato Røntgen Gjøvik
               Føretaksnr. 974 760 673
Betalar        Jomar Lindström
Tidspunkt      05.03.2026 kl. 16.56
Referanse      74276-2192
MR kne, høyre                 300.00 kr
Bilder på CD                   60.00 kr
Del kvittering
"""
    )
    assert pairs(parsed) == [("2026-03-05", "360.00")]
    assert parsed.name == "Jomar Lindström"
    assert parsed.receipt is not None
    assert parsed.receipt.provider == "Curato Røntgen Gjøvik"
    assert parsed.receipt.organisation_number == "974760673"
    assert parsed.reconciled


def test_a_sum_at_the_top_that_the_items_do_not_make_leaves_the_receipt_to_a_person() -> None:
    parsed = read(
        """Payment completed
     360.00 kr
Paid to     Curato Røntgen Gjøvik
            Business reg. no. 974 760 673
Payer       Jomar Lindström
Time        05.03.2026 at 16.56
MRI knee, right               300.00 kr
"""
    )
    assert parsed.total == Decimal("360.00")
    assert not parsed.reconciled


def test_a_date_whose_year_wrapped_onto_the_next_row_is_read_whole() -> None:
    parsed = read(
        """DocNå Videolege
Org. no. NO 972 737 909
Receipt for your online appointment
Time        Wednesday 24 September
            2025, 11:39
Patient     Rūta E. Kleppe
Video session with a psychologist     kr 1,190.00
Total amount                          kr 1,190.00
"""
    )
    assert pairs(parsed) == [("2025-09-24", "1190.00")]
    assert parsed.reconciled


def test_two_screenshots_side_by_side_are_read_one_after_the_other() -> None:
    page = """Egenandeler                                    18.01.2024   kr 397,00
Du ser egenandelene til Līga Vågen             Psykolog
17.06.2024   kr 397,00                         Totalt registrert  kr 794,00
Psykolog
"""
    words = [replace(word, panel=1) if word.left >= 0.47 else word for word in layout_words(page)]
    parsed = parse(words)
    assert parsed.name == "Līga Vågen"
    assert sorted(pairs(parsed)) == [("2024-01-18", "397.00"), ("2024-06-17", "397.00")]
    assert parsed.reconciled


FOLDABLE = """Oversikt      Egenandeler 2024
Egenandeler   Berfin Tuimavave · 31.08.2001         Detaljer
Frikort       Registrert 2024      av kr. 3.165,-
Timer         kr. 1.186,-                           Behandler
Meldinger                                           Steinsholt fysio og trening
              20. jun. · tor.                       Tjeneste
              Steinsholt fysio og  kr. 264,-
              trening                               Fysioterapeut
              5. jun. · ons.       kr. 172,-        Dato
              Steinsholt legesenter                 20. jun. · tor.
              2. mai · tor.        kr. 375,-        2024
              Steinsholt sjukehus                   Egenandel
              11. mar. · man.      kr. 375,-        kr. 264,-
"""


def test_an_app_s_rail_list_and_detail_side_by_side_are_parted_where_their_lines_differ() -> None:
    words = layout_words(FOLDABLE)
    rail, detail = 0.135, 0.505  # where the picture's dividers run down

    assert apart(words, rail)
    assert apart(words, detail)
    # The rail's "Frikort" and "Timer" before the sum, the detail's fee once more: no total.
    # Parted, the detail's date (its year wrapped under it) and amount are the list's newest.
    assert not parse(words).reconciled
    parted = [replace(word, panel=bisect([rail, detail], word.centre)) for word in words]
    parsed = parse(parted)
    assert parsed.total == Decimal("1186.00")
    assert len(parsed.lines) == 4
    assert parsed.reconciled
    # The weekday beside a date is the date's, never the provider's name.
    assert not [line for line in parsed.lines if "ons" in line.provider or "tor" in line.provider]


def test_a_rule_between_a_table_s_columns_parts_nothing() -> None:
    words = layout_words(
        """Dato          Tjeneste              Egenandel
12.03.2025    Fastlege              179,00 kr
14.03.2025    Legevakt              375,00 kr
Sum                                 554,00 kr
"""
    )
    assert not apart(words, 0.13)  # the rows run across it
    assert not apart(words, 0.05)  # a word stands over it
    assert not apart(words, 0.9)  # nothing on its right


def test_a_fee_before_the_sum_on_one_row_is_never_taken_for_the_sum() -> None:
    # Two screenshots side by side that nothing parts: a fee of the one and the sum of the
    # other share a row. The sum is what follows its word; the lines do not make it.
    parsed = read(
        """Egenandeler                                    18.01.2024   kr 397,00
Du ser egenandelene til Līga Vågen             Psykolog
17.06.2024   kr 397,00                         Totalt registrert  kr 794,00
Psykolog
"""
    )
    assert parsed.total == Decimal("794.00")
    assert not parsed.reconciled


def test_a_date_between_two_amounts_leaves_the_document_to_a_person() -> None:
    # Cards two to a row where OCR missed the first card's date: the second card's date stands
    # between the two amounts, and either could be its fee.
    parsed = read(
        """Betalte egenandeler
Aslak Ytterstad
NOK 315,-      14.05.2026 Fastlege     NOK 185,-
Akkumulert                             NOK 315,-
"""
    )
    assert not parsed.reconciled


def test_english_dates_with_ordinal_days_are_read() -> None:
    assert [found.value.isoformat() for found in dates("12th March 2025  1st of May 2025")] == [
        "2025-03-12",
        "2025-05-01",
    ]
    assert [found.value.isoformat() for found in dates("March 3rd, 2025")] == ["2025-03-03"]


def test_how_a_receipt_was_paid_under_its_total_is_no_item() -> None:
    parsed = read(
        """Trondheim Naprapati
Org. no. 974 760 673
RECEIPT
Date          12/08/2025
Patient       Ragnhild Mac an tSaoir
Treatment                         Amount
Naprapatbehandling 30 min     790,00 NOK
Naprapatbehandling 45 min     990,00 NOK
Total to pay                1 780,00 NOK
Cash                        1 780,00 NOK
Cash received               1 800,00 NOK
Change                         20,00 NOK
"""
    )
    assert pairs(parsed) == [("2025-08-12", "1780.00")]
    assert parsed.items_sum == Decimal("1780.00")
    assert parsed.reconciled


def test_a_subtotal_a_discount_and_the_total_to_pay_are_read_in_that_order() -> None:
    parsed = read(
        """Colosseum Tannlege Sandnes
Org. no. 974 760 673
RECEIPT
Date          16/06/2025
Patient       Eirik von Essen
Code Treatment                 Amount (kr)
101  Undersøkelse, kontroll            650
201  Fylling, 1 flate               1 090
501  Tannrens, depurasjon              720
     Treatment total                 2 460
     Member discount 10 %             −246
     Total to pay                    2 214
"""
    )
    assert pairs(parsed) == [("2025-06-16", "2214.00")]
    assert parsed.reconciled


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (
            "Egenandeler betalt i 2025\nInnlogget som Kari Nordmann\n"
            "Dato       Behandler        Tjeneste    Egenandel\n"
            "12. mar.   Legesenteret     Fastlege    kr 179,00\n"
            "3. jan.    Oslo legevakt    Legevakt    kr 375,00\n"
            "Sum betalt i 2025                       kr 554,00\nEgenandelstak 2025: 3 278 kr\n",
            "554.00",
        ),
        (
            "Egenandeler\nBetalt hittil i 2025      kr 554,00 av 3 278\n"
            "ons. 12. mars                kr 179,00\nFastlege\n"
            "fre. 3. januar               kr 375,00\nLegevakt\n",
            "554.00",
        ),
        (
            "User fees\nPaid so far in 2025      NOK 554.00 of 3,278\n"
            "Wed 12 March              NOK 179.00\nGP\nFri 3 January             NOK 375.00\n",
            "554.00",
        ),
        (
            "Eigendelar\nBetalt så langt i 2025      kr 554,00 av 3 278\n"
            "ons. 12. mars                kr 179,00\nFastlege\n"
            "fre. 3. januar               kr 375,00\nLegevakt\n",
            "554.00",
        ),
    ],
    ids=["title", "paid-so-far", "english", "nynorsk"],
)
def test_fees_dated_without_a_year_take_the_one_year_the_list_names(
    page: str, expected: str
) -> None:
    parsed = read(page)
    assert sorted(pairs(parsed)) == [("2025-01-03", "375.00"), ("2025-03-12", "179.00")]
    assert parsed.total == Decimal(expected)
    assert parsed.reconciled


def test_fees_without_a_year_under_a_list_that_names_two_years_get_no_date() -> None:
    parsed = read(
        "Egenandeler 2024 og 2025\n12. mar.   Fastlege    kr 179,00\nSum             kr 179,00\n"
    )
    assert parsed.lines == ()
    assert not parsed.reconciled


MAILED = """< Innboks
Kvittering for timen din
Osteopat Tromsø
Til: vaida.24@student.example.no · søn. 16. mar. 2025 kl. 18:22
Pasient        Vaida Mienna
{appointment}
Behandling                              Beløp
Oppfølgende behandling 45 min      kr 790,00
Totalt                             kr 790,00
Osteopat Tromsø · Org.nr. NO 974 760 673
"""


def test_a_mailed_receipt_s_date_is_the_appointment_s_not_the_mail_s() -> None:
    parsed = read(MAILED.format(appointment="Time           14.03.2025,13:00–13:45"))
    assert pairs(parsed) == [("2025-03-14", "790.00")]
    assert parsed.reconciled


def test_a_mailed_receipt_whose_only_date_is_the_mail_s_is_left_to_a_person() -> None:
    parsed = read(MAILED.format(appointment="Time           13:00–13:45"))
    assert not parsed.reconciled


def test_a_receipt_with_a_date_the_reader_cannot_read_is_left_to_a_person() -> None:
    # The treatment's date is printed without its year; the only date read is
    # the receipt's own, two days later, which no sum can check.
    parsed = read(
        """Osteopat Tromsø
Kvittering          Dato: 16.03.2025
Pasient        Vaida Mienna
Time           fredag 14. mars kl. 13:00
Oppfølgende behandling 45 min      kr 790,00
Totalt                             kr 790,00
"""
    )
    assert pairs(parsed) == [("2025-03-16", "790.00")]
    assert not parsed.reconciled


def test_what_looks_like_a_date_is_told_from_phone_account_and_clock_numbers() -> None:
    looks = ("14. 03. 2025", "fredag 14. mars", "March 14th", "2025 - 03 - 14", "14-3-25")
    assert all(date_like(text) for text in looks)
    not_dates = (
        "Tlf. 22 33 44 55",
        "kr 1.234,50",
        "13:00–13:45",
        "13.00-13.45",
        "Org.nr. 974 760 673",
        "Konto 1503.12.34567",
        "Tid: 45 min",
    )
    assert [text for text in not_dates if date_like(text)] == []


def test_a_date_written_with_a_slash_and_a_hyphen_is_read() -> None:
    assert [found.value.isoformat() for found in dates("12/3-2025  kr 179,00")] == ["2025-03-12"]


def test_a_printed_mail_s_header_dates_are_not_the_appointment_s() -> None:
    parsed = read(
        """10.11.2025, 21:04                  Mail – Receipt for your appointment
Receipt for your appointment
From:        Osteopat Førde <no-reply@bookfix.example>
Date:        Wed 5 Nov 2025 at 17:40
Patient                     Ragnheiður Mienna
Appointment                 03.11.2025, 10:00–11:00
Treatment                                         Amount
Follow-up treatment, 45 min                    kr 790.00
Total                                          kr 790.00
Osteopat Førde · Org. no. NO 974 760 673
"""
    )
    assert pairs(parsed) == [("2025-11-03", "790.00")]
    assert parsed.reconciled


def test_two_dates_labelled_the_treatment_s_that_differ_leave_the_receipt_to_a_person() -> None:
    parsed = read(
        """Osteopat Førde
Org. no. NO 974 760 673
Receipt
Appointment        03.11.2025
Date of treatment  04.11.2025
Follow-up treatment, 45 min                    kr 790.00
Total                                          kr 790.00
"""
    )
    assert not parsed.reconciled


def test_the_sum_so_far_wrapped_under_its_words_at_the_top_is_the_total() -> None:
    parsed = read(
        """Egenandeler
Viser for Zdeněk Żurawski
Betalt hittil i 2025
2 032,- kr
av 3 278 kr
Alle egenandeler 2025      Eldste først
Legevakt
man. 3. mars                 1 621,- kr
Psykolog
tor. 6. mars                   411,- kr
"""
    )
    assert parsed.name == "Zdeněk Żurawski"
    assert sorted(pairs(parsed)) == [("2025-03-03", "1621.00"), ("2025-03-06", "411.00")]
    assert parsed.total == Decimal("2032.00")
    assert parsed.reconciled


STITCHED = """20:24  5G  63 %
Egenandeler
Viser for Rūtenis Grybauskas
Betalt hittil i 2025
kr 487,00
Legesenteret Ås
fre. 29. august           kr 179,00
Unilabs Røntgen
20:24  5G  63 %
{repeated}
Unilabs Røntgen
man. 8. september         kr 308,00
"""


def test_the_fee_a_second_capture_repeats_at_the_join_is_counted_once() -> None:
    parsed = read(STITCHED.format(repeated="fre. 29. august           kr 179,00"))
    assert sorted(pairs(parsed)) == [("2025-08-29", "179.00"), ("2025-09-08", "308.00")]
    assert parsed.reconciled


def test_a_second_capture_that_repeats_no_fee_keeps_every_fee() -> None:
    parsed = read(STITCHED.format(repeated="fre. 29. august           kr 197,00"))
    assert len(parsed.lines) == 3
    assert not parsed.reconciled


def test_the_day_a_receipt_says_its_patient_was_treated_is_its_date_not_the_receipt_s() -> None:
    parsed = read(
        """Fotklinikken Gjøvik
Org.nr. 974 760 673
Kvittering
Dato:        07.03.2025
Pasient:     Jomar Lindström
Behandlet:   5. mars 2025
Fotbehandling 45 min                 690,00
Totalt betalt                        690,00 kr
"""
    )
    assert pairs(parsed) == [("2025-03-05", "690.00")]
    assert parsed.reconciled


@pytest.mark.parametrize(
    ("text", "expected"),
    [("12. mars -25  Nkr 179,00", "2025-03-12"), ("12 March '25  NKr 179.00", "2025-03-12")],
)
def test_a_year_cut_to_two_digits_after_a_dash_or_an_apostrophe_is_read(
    text: str, expected: str
) -> None:
    assert [found.value.isoformat() for found in dates(text)] == [expected]


def test_a_range_of_days_is_not_read_as_a_year_cut_short() -> None:
    assert dates("12. mars -25. mars") == []


def test_a_saved_mobile_page_s_cards_dated_by_day_and_month_take_the_title_s_year() -> None:
    parsed = read(
        """helsenorge                                   Meny
MH Mònica Hämäläinen
Eigendelar 2025
Du har betalt Kr. 244,00 av 3 278 kr før du får frikort.
Fastlege
Legesenteret Bodø
25.9.                                 Kr. 179,00
Laboratorieprøver
Fürst Medisinsk Laboratorium
Jul 2
NKr 65,00
"""
    )
    assert sorted(pairs(parsed)) == [("2025-07-02", "65.00"), ("2025-09-25", "179.00")]
    assert parsed.name == "Mònica Hämäläinen"


def test_an_amount_after_kr_with_a_dot_after_it_is_no_day_and_month() -> None:
    # "kr 3.10." on a card's row of its own could pass for the 3rd of October.
    parsed = read("Egenandeler 2025\nApotek 1 Bodø\n03.02.2025\nkr 3.10.\nSum  kr 3,10\n")
    assert pairs(parsed) == [("2025-02-03", "3.10")]


PAYMENT_PAGE = """Hudlegen Florø
Kvittering frå Hudlegen Florø
Kvittering #7282-6158
Nkr 1 750,00
Betalt fre 20. jun 2025
BELØP BETALT         DATO BETALT          BETALINGSMÅTE
Nkr 1 750,00         fre 20. jun 2025     Visa •••• 1742
Pasient: Sølvor Tønnessen (fødd 07.12.1999)
SAMANDRAG
Konsultasjon hudlege                           Nkr 1 350,00
Frysebehandling                                  Nkr 400,00
Beløp betalt                                   Nkr 1 750,00
Den neste timen din: fre 11. jul 2025 kl. 10:30
Hudlegen Florø · Org.nr. 982744113
"""


def test_a_payment_page_s_receipt_reconciles_its_items_with_the_sum_it_repeats() -> None:
    parsed = read(PAYMENT_PAGE)
    assert pairs(parsed) == [("2025-06-20", "1750.00")]
    assert parsed.receipt is not None
    assert parsed.receipt.treatment == "Konsultasjon hudlege; Frysebehandling"
    assert parsed.reconciled


def test_a_receipt_s_next_appointment_is_never_its_date() -> None:
    parsed = read(
        PAYMENT_PAGE.replace("Betalt fre 20. jun 2025\n", "").replace(
            "Nkr 1 750,00         fre 20. jun 2025     Visa", "Nkr 1 750,00         Visa"
        )
    )
    assert parsed.lines == ()


def test_a_receipt_book_s_slip_names_who_it_was_received_from() -> None:
    parsed = read(
        """KVITTERING           Kr. 950,00             Nr. 0807
Mottatt fra: Dafydd Çela                    Nr.
Kroner: Ni hundre og femti 00/100
For: Manuellterapi, første konsultasjon
Sted / dato: Steinkjer, 21. august -24
Rygg og Ledd Manuellterapi Steinkjer · Org.nr. 960 486 838
"""
    )
    assert parsed.name == "Dafydd Çela"
    assert pairs(parsed) == [("2024-08-21", "950.00")]


def test_cards_under_a_hidden_title_are_still_a_list_of_fees() -> None:
    parsed = read(
        """MELDINGER                                   nå
Husk å søke om refusjon før 31. januar!
cH) Gyrid Hoxha                               Endre
Fastlege
Legesenteret Bærum                       Kr. 185,00
man 25. mai 2026
Apotek (blåresept)
Vitusapotek Bærum                        Kr. 520,00
ons 2. sep 2026
Totalt i 2026                            Kr. 705,00
"""
    )
    assert parsed.kind == Kind.USER_FEE_OVERVIEW
    assert sorted(pairs(parsed)) == [("2026-05-25", "185.00"), ("2026-09-02", "520.00")]
    assert parsed.name == "Gyrid Hoxha"
    assert parsed.reconciled


@pytest.mark.parametrize(
    ("row", "expected"),
    [
        ("GH Gyrid Hoxha", "Gyrid Hoxha"),
        ("Dafydd ap Rhys", "Dafydd ap Rhys"),
        ("Laboratory tests", ""),
        ("Vitusapotek Bærum", ""),
        ("Kari Nordmann", "Kari Nordmann"),
    ],
)
def test_the_name_above_the_fees_is_a_person_s_without_the_initials_beside_it(
    row: str, expected: str
) -> None:
    assert find_name(layout_words(f"{row}\n12.03.2025  Fastlege  kr 179,00\n"))[0] == expected


def test_a_receipt_on_a_phone_s_browser_names_the_clinic_not_the_page_s_address() -> None:
    on_a_phone = PAYMENT_PAGE.replace(
        "BELØP BETALT         DATO BETALT          BETALINGSMÅTE\n"
        "Nkr 1 750,00         fre 20. jun 2025     Visa •••• 1742",
        "BELØP BETALT\nNkr 1 750,00\nDATO BETALT\nfre 20. jun 2025\nBETALINGSMÅTE\nVisa •••• 1742",
    ).replace(
        "Pasient: Sølvor Tønnessen (fødd 07.12.1999)",
        "Pasient: Sølvor Tønnessen (fødd\n07.12.1999)",
    )
    assert "Nkr 1 750,00\nDATO" in on_a_phone
    parsed = read("pay.paylink.no\n" + on_a_phone)
    assert parsed.receipt is not None
    assert parsed.receipt.provider == "Hudlegen Florø"
    # The birth date wrapped under "(fødd" is no second date to doubt the receipt's by.
    assert pairs(parsed) == [("2025-06-20", "1750.00")]
    assert parsed.reconciled


HELFO_LETTER = """                                                   HELFO
                                                   Saksnummer:     26/88099
                                                   Saksbehandler:  Sondre Aas
                                                   Vår dato:       22.11.2026
Tamar Bjørnstad                                    Deres dato:     16.11.2026
Løkkegata 36
4629 GRIMSTAD

Svar på spørsmålet ditt om egenandeler i 2026

Vi viser til henvendelsen din av 16. november 2026. Per 22. november 2026 har vi registrert
disse egenandelene:

• den 3. februar 2026: 133,00 norske kroner til Stord allmennlegepraksis (Fastlege, video)
• den 7. mars 2026: 50,54 norske kroner til Vitusapotek Larvik (Apotek (blåresept))

Til sammen er det registrert egenandeler for 183,54 norske kroner i 2026. Egenandelstaket
for 2026 er 3 278 kroner. Du må betale 3 094,46 norske kroner til før du får frikort.

Med vennlig hilsen
Sondre Aas
"""


def test_a_letter_that_lists_a_fee_a_sentence_names_its_addressee_and_its_sum() -> None:
    parsed = read(HELFO_LETTER)
    assert parsed.name == "Tamar Bjørnstad"  # not the case officer beside the address
    assert pairs(parsed) == [("2026-02-03", "133.00"), ("2026-03-07", "50.54")]
    assert parsed.total == Decimal("183.54")  # its sentence runs on into the limit's
    assert parsed.reconciled


def test_a_letter_s_sum_is_a_sentence_that_opens_with_a_word_of_the_sum() -> None:
    parsed = read(
        """Reply to your question about user fees in 2025
• Thu 9 January 2025: 70.42 Norwegian kroner to Apotek 1 Bryne (Pharmacy)
• Tue 28 January 2025: 65.00 Norwegian kroner to Medisinsk laboratorium Hønefoss
Altogether, user fees of 135.42 Norwegian kroner are registered for 2025. The user fee
ceiling for 2025 is NOK 3,278. You must pay another 3,142.58 Norwegian kroner before
you get an exemption card.
"""
    )
    assert parsed.total == Decimal("135.42")
    assert parsed.reconciled
    in_passing = read(
        """Egenandeler 2025
12.03.2025   Fastlege   179,00 kr
Egenandelstaket er 3 278 kr. Totalt kan du få refundert inntil 3 000 kr i året.
"""
    )
    assert in_passing.total is None  # a sum told of in passing is no total


GP_STATEMENT = """                                         Utskrift 04.12.2024 13:53 av RH
STRYN ALLMENNLEGEPRAKSIS
Kyrkjegata 29, 6406 Stryn · Tlf. 27 61 12 88 · Org.nr. 932 996 340
OVERSYN OVER BETALTE EIGENDELAR – 2024
Pasient:         Ingvild Choi
Fastlege:        Eivind Haga

Dato/tid           Takst   Beh.  Teneste      Betalt med                Eigendel
03.10.2024 10.50   2ad     EH    Fastlege     Vipps                    NKR 172,00
26.06.2024 15.05   2ad     EH    Fastlege     Faktura, betalt 18.07    NKR 172,00

Sum eigendelar betalte her i 2024                                      NKR 344,00
Eigendelstak 2024: NKR 3 165,00
"""


def test_a_gp_office_s_statement_reads_no_visit_time_nor_day_paid_as_a_fee() -> None:
    parsed = read(GP_STATEMENT)
    assert parsed.kind == Kind.USER_FEE_OVERVIEW
    assert parsed.name == "Ingvild Choi"
    assert pairs(parsed) == [("2024-10-03", "172.00"), ("2024-06-26", "172.00")]
    assert parsed.reconciled


def test_a_gp_office_s_statement_of_one_visit_paid_by_invoice_is_a_list_of_fees() -> None:
    one_visit = GP_STATEMENT.replace(
        "03.10.2024 10.50   2ad     EH    Fastlege     Vipps                    NKR 172,00\n", ""
    ).replace("NKR 344,00", "NKR 172,00")
    parsed = read(one_visit)
    assert parsed.kind == Kind.USER_FEE_OVERVIEW
    assert pairs(parsed) == [("2024-06-26", "172.00")]
    assert parsed.reconciled


def test_a_clock_after_a_date_is_an_amount_where_the_row_prices_nothing_else() -> None:
    parsed = read("Egenandeler 2025\n12.03.2025   17.50\nSum   17.50\n")
    assert pairs(parsed) == [("2025-03-12", "17.50")]


MIDWIFE_RECEIPT = """Jordmorpraksisen Bryne                                  KVITTERING
Torgallmenningen 21, 3763 Bryne · Org.nr. 906 221 225
                                                        Pasientens eksemplar
Dato:                 20.03.2024 (onsdag)
Pasient:              Chiamaka Bjørnstad

Beskrivelse                                              Kr    Øre
Ultralyd hos jordmor, uke 12–14                        1 650   00
Utskrift av bilder                                      100|   00
Sum                                                    1 750   00
Betalt med Vipps
✂ klipp her
Jordmorpraksisen Bryne                                  KVITTERING
Torgallmenningen 21, 3763 Bryne · Org.nr. 906 221 225
                                                        Klinikkens eksemplar
Dato:                 20.03.2024 (onsdag)
Pasient:              Chiamaka Bjørnstad

Beskrivelse                                              Kr    Øre
Ultralyd hos jordmor, uke 12–14                        1 650   00
Utskrift av bilder                                      100 |  00
Sum                                                    1 750   00
"""


def test_a_receipt_printed_twice_with_kroner_and_ore_in_columns_is_read_once() -> None:
    parsed = read(MIDWIFE_RECEIPT)
    assert parsed.kind == Kind.RECEIPT
    assert pairs(parsed) == [("2024-03-20", "1750.00")]
    assert parsed.items_sum == Decimal("1750.00")
    assert parsed.reconciled


def test_two_copies_that_differ_are_both_kept_for_a_person_to_see() -> None:
    first, second = MIDWIFE_RECEIPT.split("✂ klipp her\n")
    parsed = read(first + second.replace("1 650   00", "1 560   00").replace("1 750", "1 660"))
    assert not parsed.reconciled


def test_a_machine_translated_helsenorge_page_dates_its_fees_in_the_year_paid() -> None:
    parsed = read(
        """helsenorge.no/egenandeler
Deductibles and free card
Logged in as Seo-yeon Konstantinidou
2023   2024
Paid in 2024
NOK402,47
Deductible roof: 3 165 kr
Again to free card: NOK2 762,53
Registered deductibles (2)
21. October                              NOK172,00
GP
Fastlegane i Hønefoss
Registered: 26.10.2024
16. September                            NOK230,47
Pharmacy
Vitusapotek Larvik
Total paid in 2024                       NOK402,47
"""
    )
    assert parsed.kind == Kind.USER_FEE_OVERVIEW
    assert parsed.name == "Seo-yeon Konstantinidou"
    assert pairs(parsed) == [("2024-10-21", "172.00"), ("2024-09-16", "230.47")]
    assert parsed.total == Decimal("402.47")
    assert parsed.reconciled


VACCINE_RECEIPT = """Reisemedisinsk klinikk Grimstad                 Sjøgata 11, 6255 Grimstad
Org.nr. 867458018
KVITTERING                   Kvitteringsnr. 8851
Pasient          Kjellaug VÅGSHOLM
Fødselsdato      27.01.1995
Tidspunkt        2026-08-12 12:41
Beskrivelse                              Batchnr.   Beløp
Konsultasjon reisevaksinasjon            –          NOK450,00
Verorab (rabies), dose 1                 DTB876E6   NOK1 090,00
Totalt                                              NOK1 540,00
Neste dose: Verorab (rabies), dose 2 – tidligst 2026-09-09
"""


@pytest.mark.parametrize(
    "next_dose",
    [
        "Neste dose: Verorab (rabies), dose 2 – 2026-09-09",
        "Verorab (rabies), dose 2 kan gis tidligst 2026-09-09",
        "Verorab (rabies), dose 2 – tidlegast\n2026-09-09",
        "Next dose: Verorab (rabies), dose 2 – 2026-09-09",
        "Verorab (rabies), dose 2 – earliest\n2026-09-09",
    ],
)
def test_a_vaccine_receipt_s_next_dose_is_never_its_date(next_dose: str) -> None:
    parsed = read(VACCINE_RECEIPT.replace(VACCINE_RECEIPT.splitlines()[-1], next_dose))
    assert pairs(parsed) == [("2026-08-12", "1540.00")]
    assert parsed.reconciled


@pytest.mark.parametrize("booked", ["Bokført", "Bokfort", "Booked"])
def test_a_bank_app_s_card_purchase_is_dated_by_the_purchase_not_the_booking(booked: str) -> None:
    parsed = read(
        f"""Kortkjøp
Hjerteklinikken Jessheim
-2 000,00 kr
Kjøpsdato        09.10.2025, kl. 14:23
{booked}          10.10.2025
Kort             Visa •••• 7497
Digital kvittering
Hjerteklinikken Jessheim · Org.nr. 815119614
Pasient          Jelena Konstantinidou
Konsultasjon hjertespesialist      1 650,00
EKG                                  350,00
Totalt                             2 000,00
"""
    )
    assert pairs(parsed) == [("2025-10-09", "2000.00")]
    assert parsed.reconciled


@pytest.mark.parametrize("title", ["Deductibles 2024", "Free card 2024"])
def test_a_machine_translated_title_names_the_year_of_fees_dated_by_day_and_month(
    title: str,
) -> None:
    parsed = read(f"{title}\n21. October       NOK172,00\n16. September     NOK230,47\n")
    assert pairs(parsed) == [("2024-10-21", "172.00"), ("2024-09-16", "230.47")]


@pytest.mark.parametrize(
    "label", ["Deductible roof", "Again to free card", "Before free card", "Until free card"]
)
def test_a_machine_translated_limit_above_a_card_is_never_its_fee(label: str) -> None:
    parsed = read(
        f"""Deductibles and free card
{label}
NOK3 165,00
21. October 2024
GP
NOK172,00
"""
    )
    assert pairs(parsed) == [("2024-10-21", "172.00")]


def test_fees_dated_by_day_and_month_under_betalt_i_are_in_that_year() -> None:
    parsed = read("Betalt i 2024\n21. oktober       172,00 kr\n16. september     230,47 kr\n")
    assert pairs(parsed) == [("2024-10-21", "172.00"), ("2024-09-16", "230.47")]


def test_a_paid_with_column_is_not_the_fee_s() -> None:
    # Rows as tall as two of the default's columns: a header's words one space apart are one
    # cell ("Betalt med"), as a PDF's are.
    parsed = parse(
        layout_words(
            """Oversikt over betalte egenandeler 2024
Dato          Betalt med     Tjeneste        Egenandel (kr)
03.10.2024    Vipps          Fastlege            172
26.06.2024    Kort           Fastlege            172
Sum                                              344
""",
            lines=40,
        )
    )
    assert pairs(parsed) == [("2024-10-03", "172.00"), ("2024-06-26", "172.00")]
    assert parsed.reconciled


TWO_UP = """\
Egenandeler 2025                                                  med vennlig hilsen
                                                                  Sondre Aas
Kari Nordmann
                                                                  rådgiver
12.03.2025   Fastlege   179,00 kr
14.03.2025   Legevakt   375,00 kr
Sum                     554,00 kr
Side 1 av 2                                                       Side 2 av 2
"""


def test_two_pages_printed_side_by_side_on_a_landscape_sheet_are_read_one_by_one() -> None:
    words = layout_words(TWO_UP)
    parted = two_up(words, width=842, height=595)
    assert {word.text for word in parted if word.panel} == {
        "med", "vennlig", "hilsen", "Sondre", "Aas", "rådgiver", "Side", "2", "av",
    }  # fmt: skip
    assert parse(words).name == "Sondre Aas"  # the two pages' lines run together
    parsed = parse(parted)
    assert parsed.name == "Kari Nordmann"
    assert parsed.reconciled
    assert two_up(words, width=595, height=842) == words  # a portrait page is one page


def test_a_landscape_table_with_a_wide_middle_is_one_page() -> None:
    words = layout_words(
        """\
Dato          Tjeneste                                     Egenandel
12.03.2025    Fastlege                                     179,00 kr
14.03.2025    Legevakt                                     375,00 kr
Sum                                                        554,00 kr
"""
    )
    assert two_up(words, width=842, height=595) == words


PHARMACY = """Egenandelsoversikt – legemidler på blå resept
Utlevert              Legemiddel             Reseptnr.     Pris   Helfo betaler Egenandel
23.10.2024 10:07:13   Spiriva Respimat       553604907   580,75          354,26    226,49 nkr
19.06.2024 09:06:54   Euthyrox 100 mikrog    552589248   122,66           74,82     47,84 nkr
12.06.2024 17:11:29   Forxiga 10 mg          555471466 1 487,62          967,62    520,00 nkr
03.05.2024 12:27:33   Simvastatin 40 mg      552318564    85,79           52,33     33,46 nkr
04.04.2024 17:44:56   Ramipril 5 mg          552224408   108,16           65,98     42,18 nkr
Sum egenandeler                                                                    869,97 nkr
"""


@pytest.mark.parametrize(
    ("header", "fee"),
    [
        ("Pris   Helfo betaler Egenandel", "Egenandel"),
        ("Pris   Helfo betaler Eigendel", "Eigendel"),
        ("Price  Paid by Helfo User fee", "User fee"),
    ],
)
def test_a_pharmacy_s_fee_is_the_user_fee_s_column_not_the_price(header: str, fee: str) -> None:
    page = PHARMACY.replace("Pris   Helfo betaler Egenandel", header)
    # Rows as tall as two of the default's columns: a header's words one space apart are one
    # cell ("Helfo betaler Egenandel"), as a PDF's text layer may set them.
    parsed = parse(layout_words(page, lines=40))
    assert pairs(parsed) == [
        ("2024-10-23", "226.49"),
        ("2024-06-19", "47.84"),
        ("2024-06-12", "520.00"),
        ("2024-05-03", "33.46"),
        ("2024-04-04", "42.18"),
    ]
    assert parsed.reconciled


def test_misread_figures_that_cancel_out_leave_a_pharmacy_s_fees_in_doubt() -> None:
    # OCR read 226,49 as 226,50 and 47,84 as 47,83: the sum holds, but on those rows the price
    # is no longer Helfo's part plus the fee.
    misread = PHARMACY.replace("226,49 nkr", "226,50 nkr").replace("47,84 nkr", "47,83 nkr")
    parsed = parse(layout_words(misread, lines=40))
    assert parsed.lines_sum == parsed.total
    assert parsed.figures_disagree
    assert not parsed.reconciled
    assert reader._why_not_reconciled(parsed) == Problem.FIGURES_DISAGREE


ACCOUNT = """Fysioterapi Asker                                      KONTOUTSKRIFT
Org.nr. NO 915637175                          Kundekonto – egenandeler fysioterapi
Kontonr. 2343.33.18843

Sipho Alemu
Fossvegen 24

Dato              Tekst                          Beløp           Saldo
01.01.2026        Inngående saldo                                  0,00
ons 11 mar 2026   Behandling, takst A2a       +298,00 kr         298,00
tor 26 mar 2026   Behandling, takst A2a       +298,00 kr         596,00
ons 01 apr 2026   Innbetaling, Vipps          −596,00 kr           0,00
26.10.2026        Utgående saldo                                   0,00
                  Sum belastet egenandeler 2026                +596,00 kr
"""


def test_an_account_statement_s_fees_are_its_charges_not_balances_nor_payments() -> None:
    parsed = read(ACCOUNT)
    assert parsed.name == "Sipho Alemu"
    assert pairs(parsed) == [("2026-03-11", "298.00"), ("2026-03-26", "298.00")]
    assert parsed.reconciled
    english = (
        ACCOUNT.replace("KONTOUTSKRIFT", "ACCOUNT STATEMENT")
        .replace("Kundekonto – egenandeler", "Customer account – user fees")
        .replace("Inngående saldo", "Opening balance")
        .replace("Utgående saldo", "Closing balance")
        .replace("Innbetaling, Vipps", "Payment, Vipps")
        .replace("Saldo", "Balance")
        .replace("Kontonr.", "Account no.")
    )
    parsed = read(english)
    assert parsed.name == "Sipho Alemu"
    assert pairs(parsed) == [("2026-03-11", "298.00"), ("2026-03-26", "298.00")]
    assert parsed.reconciled


@pytest.mark.parametrize("label", ["Besøksdato", "Visit date"])
def test_a_hospital_receipt_is_dated_by_the_visit_not_the_birth_date_on_its_label(
    label: str,
) -> None:
    parsed = read(
        f"""Dagkirurgisk senter Fagernes                TSERENDORJ SIPHO
Poliklinikk ortopedi                        f. 10.04.1996    100496 *****
Org.nr. 844319428
Pasientkvittering
{label}         06.03.2025 (uke 10)
Pasient            Sipho Tserendorj
Poliklinisk konsultasjon, ortoped           kroner 1 790,00
Journalkopi og epikrise                       kroner 150,00
Totalt betalt                               kroner 1 940,00
"""
    )
    assert pairs(parsed) == [("2025-03-06", "1940.00")]
    assert parsed.reconciled


def test_a_receipt_letter_in_a_digital_mailbox_is_not_dated_by_its_arrival() -> None:
    parsed = read(
        """< Inbox  Digipost
Received 13.08.2025 at 08:12
Receipt 967836
Psykiater Elin Sunde · Org. no. NO 883871928
Patient: Thanawat Dlamini
We confirm that we have received payment for your appointment on 28.07.2025.
First consultation, 90 min              2,900 kroner
Total paid                              2,900 kroner
"""
    )
    assert pairs(parsed) == [("2025-07-28", "2900.00")]


def test_a_receipt_in_two_columns_keeps_its_date_and_name_apart_from_the_other_column() -> None:
    parsed = read(
        """Hørselsklinikken Lytt Knarvik            RECEIPT
Org. no. 959 994 242                        Item / service                     Amount
Receipt no.  773190                         Hearing assessment                KR 890.00
Date  NOVEMBER 3, 2025                      Health services are exempt from VAT.
Customer  Tigist Stojanovska                Next appointment: 18.12.2025 at 14:30
Born  27.02.1996                            Total paid                        KR 890.00
"""
    )
    assert pairs(parsed) == [("2025-11-03", "890.00")]
    assert parsed.name == "Tigist Stojanovska"


def test_a_payment_of_a_refund_on_an_account_statement_is_a_fee_paid_back() -> None:
    parsed = read(ACCOUNT.replace("Innbetaling, Vipps", "Refundert betaling"))
    assert parsed.credited
    assert not parsed.reconciled


def test_a_student_is_told_in_norwegian_that_an_amount_may_have_been_read_wrong() -> None:
    reading = DocumentReading(doubt=Problem.FIGURES_DISAGREE.value)
    with translation.override("nb"):
        assert why_in_doubt(reading, Decimal("0")) == "et beløp på den kan være lest feil"


def test_a_patient_system_s_printout_with_dates_run_together_is_a_list_of_fees() -> None:
    parsed = read(
        """EIDSVÅG INTERKOMMUNALE LEGEVAKT
Utskrift: 20241009 12:40   Side 1
PASIENTOPPGAVE - BETALTE EGENANDELER 2024
Pasient : Tavita Urrutia
Fødselsnr. : 010100 *****
Periode : 20240101 - 20241009
Dato               Kontaktnr.              Tjeneste                 Betalt
20240103           2120                    Fastlege              ***172,00
20240106           2127                    Legevakt              ***295,00
20240906           2169                    Laboratorieprøver     ****61,00
SUM BETALT 2024                                                  ***528,00
Egenandelstak 2024: kr 3 165. Gjenstår til frikort (bare betalt her): **2637,00.
*** SLUTT PÅ UTSKRIFT ***
"""
    )
    assert parsed.kind == Kind.USER_FEE_OVERVIEW
    assert pairs(parsed) == [
        ("2024-01-03", "172.00"),
        ("2024-01-06", "295.00"),
        ("2024-09-06", "61.00"),
    ]
    assert parsed.total == Decimal("528.00")
    assert parsed.name == "Tavita Urrutia"
    assert parsed.reconciled


def test_a_portal_s_fees_dated_day_slash_month_and_year_are_read() -> None:
    parsed = read(
        """19:26  71%
Betalingane mine
Logga inn som Salome Tuilagi
Betalt i 2025
nok 308,00
2 betalingar
5/11 2025  nok 179,00
Fastlege
12/3 2025  nok 129,00
Fastlege, video
"""
    )
    assert sorted(pairs(parsed)) == [("2025-03-12", "129.00"), ("2025-11-05", "179.00")]
    assert parsed.reconciled


ERGO = """Ergoterapeuten Kolvereid          Skolebakken 24, 7554 Kolvereid
Org.nr. 998 380 057
KVITTERING
Kvitteringsnr.  45285
Pasient  Gulnora Yusupova
Født  08.12.1994
Behandler  Ingvild Ramstad
{day}
Beskrivelse                                   Beløp
Oppfølgingstime ergoterapeut, 45 min     850,00 nok
Tilpasning av håndortose                 650,00 nok
Totalt betalt                          1 500,00 nok
Neste time: 01.08.2026
{stamp}
"""


@pytest.mark.parametrize(
    "day",
    [
        "Konsultasjon fredag den 26. juni 2026",
        "Consultation on Friday the 26th of June 2026",
    ],
)
def test_a_receipt_s_consultation_day_is_its_date_not_the_stamp_of_its_arrival(day: str) -> None:
    # The receipt was printed two days after the consultation, and stamped on its arrival.
    printed = ERGO.replace("Kvitteringsnr.  45285", "Kvitteringsnr.  45285    Dato  28.06.2026")
    parsed = read(printed.format(day=day, stamp="MOTTATT\n05.08.2026\nLønn og personal"))
    assert pairs(parsed) == [("2026-06-26", "1500.00")]
    assert parsed.reconciled


@pytest.mark.parametrize(
    "stamp", ["MOTTATT\n05.08.2026", "RECEIVED  05.08.2026", "MOTTEKE\n05.08.2026"]
)
def test_a_received_stamp_s_date_leaves_no_doubt_of_the_receipt_s_only_date(stamp: str) -> None:
    parsed = read(ERGO.format(day="Dato  26.06.2026", stamp=stamp))
    assert pairs(parsed) == [("2026-06-26", "1500.00")]
    assert parsed.reconciled


@pytest.mark.parametrize("time", ["11.30 am", "12.30 pm", "9:05 a.m."])
def test_a_clock_time_with_am_or_pm_is_no_item_of_a_receipt(time: str) -> None:
    parsed = read(
        f"""Lungelegene Moelv
Org. no. NO 904838373
RECEIPT
Patient                        Kipchoge Kariuki
Appointment                    10 March 2025, {time}
Service                                                      Amount
Consultation, pulmonologist (user fee)                   411.00 NOK
FeNO measurement                                         155.00 NOK
Paid                                                     566.00 NOK
"""
    )
    assert pairs(parsed) == [("2025-03-10", "566.00")]
    assert parsed.reconciled


@pytest.mark.parametrize(
    ("ceiling", "of", "initials", "name"),
    [
        ("Egenandelstak 2024 · Registrert", "av 3 165.00 NOK", "(RO)", "Rhodri Ogunleye"),
        ("User fee ceiling 2024 · Registered", "of 3,165.00 NOK", "IK", "Iolo Khumalo"),
        ("Eigendelstak 2024 · Registrert", "av 3 165.00 NOK", "q", "Nyambura Ramasamy"),
    ],
)
def test_an_app_s_sum_registered_against_the_ceiling_is_the_total(
    ceiling: str, of: str, initials: str, name: str
) -> None:
    # The app's card: the ceiling's name, then the sum registered against it, then the
    # ceiling's own figure; the person's initials in a circle before the name, as OCR reads it.
    parsed = read(
        f"""10:13  63%
<  Egenandeler
{initials} {name.replace("I", "l", 1)}
{ceiling}
794.00 NOK
{of} · 2 registrerte egenandeler
12.11.2024 kl. 08.28                397.00 NOK
Psykolog  (Registrert)
Psykologene i Koppang
23.01.2024 kl. 14.34                397.00 NOK
Psykolog  (Registrert)
Psykologene i Koppang
"""
    )
    assert parsed.total == Decimal("794.00")
    assert sorted(pairs(parsed)) == [("2024-01-23", "397.00"), ("2024-11-12", "397.00")]
    assert parsed.reconciled
    assert names_match(parsed.name, name)
    assert parsed.name.split()[-1] == name.split()[-1]
    assert len(parsed.name.split()) == 2


def test_an_amount_under_a_word_of_registering_that_names_no_ceiling_is_not_the_total() -> None:
    parsed = read(
        """Egenandeler
Viser for Kari Nordmann
Sist registrert
1 200,00 kr
12.11.2024   Psykolog                397,00 kr
23.01.2024   Psykolog                397,00 kr
Sum 2024                             794,00 kr
"""
    )
    assert parsed.total == Decimal("794.00")
    assert parsed.reconciled


RHEUMATOLOGY = """Revmatologisk klinikk Tolga                              Parkvegen 20, 3566 Tolga
Spesialist i revmatologi                                         Tlf. 68 71 42 38
Org.nr. 851 709 398
Hovhannes Lizarazu                           Kvitteringsnr.       375076
{street}                                    Konsultasjon         21.10.2026, kl. 12.15–12.45
                                             Fødselsdato          18.05.1998
3527 Lillehammer                             Behandlar            Ragnhild Nesheim
KVITTERING – BETALT EIGENDEL
Teneste                                                               Beløp
Konsultasjon, revmatolog (egenandel)                                425 NOK
Blodprøver                                                           68 NOK
Totalt betalt                                                       493 NOK
Betalt med kort (Visa) **** 7532
"""


@pytest.mark.parametrize("street", ["Solåsen 37", "Fjellvegen", "Postboks 113"])
def test_a_posted_receipt_names_the_patient_in_its_window_and_its_time_span_is_no_item(
    street: str,
) -> None:
    # The window's lines, with a row of the other column set between them; the span of the
    # consultation ("kl. 12.15–12.45") prices nothing.
    parsed = read(RHEUMATOLOGY.format(street=street))
    assert parsed.name == "Hovhannes Lizarazu"
    assert pairs(parsed) == [("2026-10-21", "493.00")]
    assert parsed.reconciled


def test_a_receipt_s_name_without_a_label_or_an_address_is_not_the_patient_s() -> None:
    parsed = read(RHEUMATOLOGY.format(street="").replace("3527 Lillehammer", "        "))
    assert parsed.name == ""


def test_an_annual_statement_names_the_addressee_not_the_psychologist_above_or_signing() -> None:
    parsed = read(
        """Psykologsenteret Flisa
Geir Håvard Rustad,  Psykologspesialist · Prestegardsvegen 4,  2926 Flisa · Tlf. 56 36 16 56
Tamari Gelashvili
Kirkebakken 29
3026 Lillehammer
                                                              Flisa, 31.jul.2025
Årsoppgåve – betalte eigendelar 2025
Fødselsdato: 21.06.1999
Nr.  Dato            Behandling        Eigendel
1    04.jul.2025     Samtale            411 NOK
2    Jul 18 2025     Samtale            411 NOK
Sum betalt 2025                         822 NOK
Med venleg helsing
Geir Håvard Rustad
Psykologspesialist
"""
    )
    assert parsed.name == "Tamari Gelashvili"
    assert pairs(parsed) == [("2025-07-04", "411.00"), ("2025-07-18", "411.00")]
    assert parsed.reconciled


@pytest.mark.parametrize("label", ["Registrert i 2026", "Registered in 2026"])
def test_an_app_s_sum_registered_in_the_year_is_the_total(label: str) -> None:
    parsed = read(
        f"""Eigendelar
Eigendelar  Frikort
Nerea Petrosyan · Fødd 09.04.1999
{label}
318 NOK
av eigendelstaket på 3 278 NOK
BETALINGAR
Flisa legekontor
Fastlege                               185 NOK
28. jul. 2026 · 12:12
Flisa legekontor
Fastlege, video                        133 NOK
9. feb. 2026 · 09:29
"""
    )
    assert parsed.total == Decimal("318.00")
    assert sorted(pairs(parsed)) == [("2026-02-09", "133.00"), ("2026-07-28", "185.00")]
    assert parsed.reconciled


def test_a_practitioner_s_own_address_under_the_letterhead_names_no_patient() -> None:
    parsed = read(
        """Geir Håvard Rustad
Torggata 14
2701 Hokksund
Kvittering
Dato: 12.03.2025
Samtale 45 min                          kr 425,00
Totalt betalt                           kr 425,00
"""
    )
    assert parsed.name == ""


STUDENT_HEALTH = """Studenthelsa Nesna                        Tlf. 68 21 49 88 · Org.nr. 964 534 758
Oversikt over betalte egenandeler
{label}    Dilovan Halász
Fødselsdato     20.11.1999
Dato       Tjeneste                                      Egenandel
JANUAR 2025
on 15.     Laboratorieprøver                             kr. 65,-
Sum januar                                               kr. 65,-
MAI 2025
{may}     Fastlege                                      kr. 179,-
Sum mai                                                  kr. 179,-
AUGUST 2025
fr 22.     Fastlege                                      kr. 179,-
fr 29.     Psykolog                                      kr. 411,-
Sum august                                               kr. 590,-
Totalt betalt 2025                                       kr. 834,-
"""


@pytest.mark.parametrize("label", ["Utskrift for", "Printed for"])
def test_fees_dated_by_weekday_and_day_take_their_month_and_year_from_the_heading_above(
    label: str,
) -> None:
    parsed = read(STUDENT_HEALTH.format(label=label, may="on 28."))

    # Not the month's sums, nor "15." over "januar" over "2025" taken for a calendar tile.
    assert pairs(parsed) == [
        ("2025-01-15", "65.00"),
        ("2025-05-28", "179.00"),
        ("2025-08-22", "179.00"),
        ("2025-08-29", "411.00"),
    ]
    assert parsed.total == Decimal("834.00")
    assert parsed.reconciled
    assert parsed.name == "Dilovan Halász"
    assert [line.service for line in parsed.lines][:2] == ["Laboratorieprøver", "Fastlege"]


@pytest.mark.parametrize("may", ["ti 28.", "on 27."])  # 28 May 2025 was a Wednesday
def test_a_weekday_that_is_not_the_day_s_leaves_the_fee_undated_and_the_document_to_a_person(
    may: str,
) -> None:
    parsed = read(STUDENT_HEALTH.format(label="Utskrift for", may=may))

    assert "179.00" not in [amount for day, amount in pairs(parsed) if day.startswith("2025-05")]
    assert not parsed.reconciled


def test_english_and_nynorsk_weekdays_date_the_rows_under_a_month_s_heading() -> None:
    parsed = read(
        """Statement of user fees paid
Printed for    Berfin Leiataua
Date       Service                                       User fee
MARCH 2025
Tue 11     Psychologist                                  kr. 411
Total March                                              kr. 411
FEBRUAR 2026
må 9.      Fastlege                                      kr. 185
Total paid                                               kr. 596
"""
    )
    assert pairs(parsed) == [("2025-03-11", "411.00"), ("2026-02-09", "185.00")]
    assert parsed.reconciled


def test_an_app_s_sum_registered_in_the_year_is_the_total_not_the_ceiling_beside_it() -> None:
    parsed = read(
        """Egenandeler 2024
Berfin Tuimavave · 31.08.2001
Registrert 2024                  av kr. 3.165,-
kr. 1.186,-
20. jun. · tor.
Steinsholt fysio og              kr. 264,-
5. jun. · ons.                   kr. 172,-
2. mai · tor.                    kr. 375,-
11. mar. · man.                  kr. 375,-
"""
    )
    # The birth date is no fee, and the ceiling's 3 165 no amount of one.
    assert sorted(pairs(parsed)) == [
        ("2024-03-11", "375.00"),
        ("2024-05-02", "375.00"),
        ("2024-06-05", "172.00"),
        ("2024-06-20", "264.00"),
    ]
    assert parsed.total == Decimal("1186.00")
    assert parsed.reconciled


def test_a_card_s_date_beside_another_weekday_than_its_own_is_no_date() -> None:
    parsed = read(
        """User fees 2024
Registered 2024                  of kr. 3,165
kr. 569
31 Oct · Wed                     kr. 397
29 Mar · Fri                     kr. 172
"""
    )
    # 31 October 2024 was a Thursday: the day or the weekday is misread.
    assert pairs(parsed) == [("2024-03-29", "172.00")]
    assert not parsed.reconciled


GASTRO_RECEIPT = """Gastroklinikken Vennesla                                   K VIT TERING
Fordøyelsessykdommer og endoskopi              Kvitteringsnr.      328833
Bakkegata 13, 9413 Vennesla              Dato 15. januar 2024 (mandag)
Tlf. 59 90 74 17 · Org.nr. NO 974760673          Klokkeslett      12:00
Pasient           Åse Sæther
Fødselsdato       22.01.1995
Henvisning fra fastlege, datert 15. desember 2023 (fredag)
 Beskrivelse                                                      Beløp
 Spesialistkonsultasjon, egenandel                              397,-- kr
 Gastroskopi, forbruksmateriell                                 220,-- kr
 Lett sedasjon                                                  120,-- kr
 Totalt betalt                                                  737,-- kr
Betalt med bankkort **** 6499, 12:35
"""


def test_a_payment_card_s_last_digits_are_no_amount_and_a_referral_s_date_no_treatment_s() -> None:
    parsed = read(GASTRO_RECEIPT)

    assert parsed.kind == Kind.RECEIPT
    # Not 6 499,12 from "**** 6499, 12:35"; not the referral's day in December.
    assert parsed.total == Decimal("737.00")
    assert pairs(parsed) == [("2024-01-15", "737.00")]
    assert parsed.reconciled
    # The title set in spaced capitals is no part of the clinic's name.
    assert parsed.receipt is not None
    assert parsed.receipt.provider == "Gastroklinikken Vennesla"


@pytest.mark.parametrize(
    ("text", "found"),
    [
        ("Paid by debit card **** 7390, 12:35", []),
        ("Visa **** 6499 kr 300,00", ["300.00"]),
        ("Kort XXXX-XXXX-XXXX-1234  kr 450,00", ["450.00"]),
        ("Visa ************6499  300,00", ["300.00"]),
        ("****1234,00", ["1234.00"]),  # a cheque's protected amount
        ("Tor 22. mai 2025, 08:00", []),  # OCR's "2025, 08" is a year and a time
    ],
)
def test_what_looks_like_money_beside_a_card_mask_or_a_time(text: str, found: list[str]) -> None:
    masked = [(day.start, day.end) for day in dates(text)]
    assert [str(amount.value) for amount in amounts(text, masked=masked)] == found
    assert [str(amount.value) for amount in amounts("Tar 22,7 m2: 2025, 22:020")] == []


def test_a_payment_row_with_a_masked_card_is_no_item_of_the_receipt() -> None:
    parsed = read(
        """Fysioterapeut Berg AS                     KVITTERING
Org.nr. 974 760 673
Dato: 12.03.2025
Pasient: Åse Sæther
Behandling 30 min                            450,00
BankAxept •••• 1742                          450,00
Totalt                                       450,00
"""
    )
    assert parsed.items_sum == Decimal("450.00")
    assert pairs(parsed) == [("2025-03-12", "450.00")]
    assert parsed.reconciled


def test_a_letterhead_s_name_wrapped_after_og_goes_on_in_the_row_below() -> None:
    parsed = read(
        """Tvedestrand mage- og                                       R ECEIPT
                                              Receipt no.      299479
tarmsenter                                   Date 25 August 2026
Phone 91 66 12 85 · Org. no. NO 974760673
Patient           Ligaya Sumulong
Specialist consultation, user fee                              425.00
Total paid                                                 425.-- NOK
"""
    )
    assert parsed.receipt is not None
    assert parsed.receipt.provider == "Tvedestrand mage- og tarmsenter"
    assert pairs(parsed) == [("2026-08-25", "425.00")]


def test_a_day_month_and_two_digit_year_run_together_is_a_date() -> None:
    assert [found.value.isoformat() for found in dates("DATO 14AUG26  KL 15:29")] == ["2026-08-14"]
    assert dates("REF 14AUG2") == []


BOOKINGS = """16:57                                         84%
Mine timer                                           RM
Innlogget som Åse Sæther
Neste time
Man 18. aug 2025, 08:00
Tvedestrand legesenter · Fastlege, video
Betales ved oppmøte
Kommende                     Tidligere
2025                                   Betalt i 2025: 194kr
Ons 6. aug 2025, 12:00                               129kr
Tvedestrand legesenter · Fastlege, video            Betalt
Tor 29. mai 2025, 11:45                               65kr
Tvedestrand legesenter, laboratoriet                Betalt
Tor 22. mai 2025, 08:00
Tvedestrand legesenter, laboratoriet             Avbestilt
"""


def test_a_booking_s_next_appointment_is_no_fee_and_the_sum_beside_the_year_the_total() -> None:
    parsed = read(BOOKINGS)

    assert parsed.kind == Kind.USER_FEE_OVERVIEW
    assert sorted(pairs(parsed)) == [("2025-05-29", "65.00"), ("2025-08-06", "129.00")]
    assert parsed.total == Decimal("194.00")
    assert parsed.reconciled
    # Beside an amount in a sentence's label of another kind, a year's sum is no total.
    other = read(BOOKINGS.replace("Betalt i 2025: 194kr", "Tidligere år: Betalt i 2023: 194kr"))
    assert other.total != Decimal("194.00")


TREATMENT_CARD = """Kiropraktorsenteret Sandane                      B E H A N D L I N G S KO RT
Kiropraktor – muskel- og skjelettplager                      Kort nr. 78964
Bygdevegen 11, 4652 Sandane                              Behandlingsår 2025
Tlf. 42 52 32 42 · Org.nr. 974 760 673
Pasient    Åse Sæther
Fødd       08.04.1999
  1   20/3                                       2    27/3
 Førstegongskonsultasjon                         Behandling
 kr 820,--                     Sign. KL          kr 540,--              Sign. KL
  3   9/4                                        4    14/4
 Behandling                                      Behandling
 kr 540,--                     Sign. KL          kr 540,--              Sign. KL
  5   28/4                                       6
 Behandling                                      Dato ____________
 kr 540,--                     Sign. KL
  7                                              8
 Dato ____________                               Dato ____________
Sum betalt på dette kortet: kr 2 980,--
Neste time: 9/5 kl. 13.15 (Kjersti Lunde)
Prisar 2025: Behandling kr 540,-- · Avbestilt seinare enn 24 timar før
kr 540,--
"""


def test_a_treatment_card_s_boxes_side_by_side_are_fees_dated_in_the_card_s_year() -> None:
    parsed = read(TREATMENT_CARD)

    assert parsed.kind == Kind.USER_FEE_OVERVIEW
    # Box by box, each day over its fee; the next appointment and the price list are none.
    assert sorted(pairs(parsed)) == [
        ("2025-03-20", "820.00"),
        ("2025-03-27", "540.00"),
        ("2025-04-09", "540.00"),
        ("2025-04-14", "540.00"),
        ("2025-04-28", "540.00"),
    ]
    assert parsed.total == Decimal("2980.00")
    assert parsed.slashed_days
    assert parsed.reconciled  # typed in a PDF's text, the days are as printed
    # Read from a picture, a hand's figures may be misread: a person compares the dates.
    by_hand = reader._days_by_hand(parsed)
    assert not by_hand.reconciled
    assert reader._why_not_reconciled(by_hand) == Problem.DATE_UNSURE
    assert any("by hand" in note for note in by_hand.notes)


def test_a_page_s_number_is_no_day_written_by_hand() -> None:
    parsed = read(
        """Egenandeler 2025
20.01.2025      Legesenteret Grünerløkka        kr 287,-
23.02.2025      Legesenteret Grünerløkka        kr 289,-
Sum egenandeler 2025: kr 576,-
1/1
"""
    )
    assert pairs(parsed) == [("2025-01-20", "287.00"), ("2025-02-23", "289.00")]
    assert not parsed.slashed_days
    assert reader._days_by_hand(parsed).reconciled


def test_a_price_list_s_cancellation_fee_is_no_fee_credited() -> None:
    english = TREATMENT_CARD.replace(
        "Prisar 2025: Behandling kr 540,-- · Avbestilt seinare enn 24 timar før",
        "Prices 2025: Treatment NOK 540.-- · Cancelled less than 24 hours before",
    )
    parsed = read(english)
    assert not parsed.credited
    assert parsed.reconciled


def test_a_table_whose_rows_hold_two_days_is_not_cut_into_boxes() -> None:
    parsed = read(
        """Egenandeler 2025
Periode          01.01.2025          31.12.2025
Dato             Behandler                 Beløp
12.03.2025       Fastlege                 160,00
14.04.2025       Legevakt                 275,00
Sum                                       435,00
"""
    )
    assert pairs(parsed) == [("2025-03-12", "160.00"), ("2025-04-14", "275.00")]
    assert parsed.reconciled
