"""read_document end to end on generated documents: a text PDF made with WeasyPrint, a scan of
it (rendered, turned, blurred, noised; read by OCR), a receipt, and files it cannot read."""

from __future__ import annotations

import base64
import io
from decimal import Decimal
from html import escape
from typing import Any

import numpy
import pypdfium2 as pdfium
import pytest
from PIL import Image

from refusjon.intake.bounds import DecodingLimits
from refusjon.intake.reading import (
    Kind,
    Problem,
    Source,
    engines,
    pdftext,
    read_document,
    reader,
)
from refusjon.intake.reading.names import names_match
from refusjon.intake.reading.parser import parse
from refusjon.intake.reading.reader import named_from_another
from refusjon.intake.reading.words import Word, layout_words
from tests.intake.reading import documents

EXPECTED = [(fee.day, fee.amount) for fee in documents.FEES]


@pytest.fixture(scope="module")
def overview_pdf() -> bytes:
    return documents.pdf(documents.overview_html())


@pytest.fixture(scope="module")
def overview_scan(overview_pdf: bytes) -> bytes:
    return documents.scanned(overview_pdf)


def test_a_text_pdf_is_read_from_its_text_layer_and_reconciles(overview_pdf: bytes) -> None:
    extraction = read_document(overview_pdf, filename="overview.pdf")
    assert extraction.kind == Kind.USER_FEE_OVERVIEW
    assert extraction.engine == "pdf-text"
    assert extraction.name == documents.NAME
    assert [(line.date, line.amount) for line in extraction.lines] == EXPECTED
    assert extraction.lines[2].provider == "Fysioterapeut Berg"
    assert extraction.total == documents.TOTAL
    assert extraction.reconciled
    assert [page.source for page in extraction.pages] == [Source.TEXT]
    assert extraction.pages[0].seconds < 0.5


def test_each_line_of_a_text_pdf_has_its_box_on_the_page(overview_pdf: bytes) -> None:
    extraction = read_document(overview_pdf)
    tops = [line.box.top for line in extraction.lines if line.box]
    assert len(tops) == len(EXPECTED)
    assert tops == sorted(tops)
    assert all(0 < top < 0.5 for top in tops)


def test_a_scan_is_read_by_ocr_and_reconciles(overview_scan: bytes) -> None:
    extraction = read_document(overview_scan, filename="overview.png")
    assert extraction.kind == Kind.USER_FEE_OVERVIEW
    assert [(line.date, line.amount) for line in extraction.lines] == EXPECTED
    assert extraction.total == documents.TOTAL
    assert extraction.reconciled
    assert names_match(extraction.name, documents.NAME)
    assert extraction.pages[0].source == Source.OCR
    assert extraction.pages[0].seconds < 15


def test_a_sheet_photographed_at_an_angle_on_a_dark_table_reconciles(
    overview_pdf: bytes,
) -> None:
    extraction = read_document(documents.photographed(overview_pdf))

    assert sorted((line.date, line.amount) for line in extraction.lines) == sorted(EXPECTED)
    assert extraction.total == documents.TOTAL
    assert extraction.reconciled


def test_a_pdf_of_a_scan_without_text_is_read_by_ocr(overview_scan: bytes) -> None:
    image = Image.open(io.BytesIO(overview_scan))
    pdf = pdfium.PdfDocument.new()
    width, height = image.size
    page = pdf.new_page(width * 72 / 200, height * 72 / 200)
    picture = pdfium.PdfImage.new(pdf)
    picture.set_bitmap(pdfium.PdfBitmap.from_pil(image.convert("RGB")))
    picture.set_matrix(pdfium.PdfMatrix().scale(width * 72 / 200, height * 72 / 200))
    page.insert_obj(picture)
    page.gen_content()
    out = io.BytesIO()
    pdf.save(out)
    extraction = read_document(out.getvalue())
    assert extraction.pages[0].source == Source.OCR
    assert [(line.date, line.amount) for line in extraction.lines] == EXPECTED
    assert extraction.reconciled


def test_lines_that_do_not_add_up_to_the_printed_total_are_not_reconciled() -> None:
    html = documents.overview_html(running=False).replace(
        documents.kroner(documents.TOTAL), documents.kroner(documents.TOTAL + 1)
    )
    extraction = read_document(documents.pdf(html))
    assert len(extraction.lines) == len(EXPECTED)
    assert extraction.total == documents.TOTAL + 1
    assert not extraction.reconciled
    assert extraction.doubt == Problem.LINES_DIFFER


def test_a_receipt_gives_its_provider_organisation_number_and_one_line() -> None:
    extraction = read_document(documents.pdf(documents.receipt_html()))
    assert extraction.kind == Kind.RECEIPT
    assert extraction.receipt is not None
    assert extraction.receipt.provider == "Psykolog Hansen AS"
    assert extraction.receipt.organisation_number == "974760673"
    assert extraction.receipt.itemised
    assert [(str(line.date), line.amount) for line in extraction.lines] == [
        ("2025-03-12", Decimal("1200.00"))
    ]
    assert extraction.reconciled


@pytest.mark.parametrize(
    ("data", "error", "detail"),
    [
        (b"", Problem.EMPTY, ""),
        (b"plain text, not a document", Problem.NOT_PDF_OR_IMAGE, ""),
        (b"%PDF-1.7\n1 0 obj <<>> broken", Problem.PDF_UNREADABLE, "cannot be opened"),
        (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, Problem.IMAGE_UNREADABLE, "cannot be decoded"),
    ],
)
def test_a_file_it_cannot_read_is_unknown_with_its_error(
    data: bytes, error: Problem, detail: str
) -> None:
    extraction = read_document(data)
    assert extraction.kind == Kind.UNKNOWN
    assert extraction.error == error
    assert detail in extraction.detail
    assert not extraction.reconciled


def test_it_refuses_a_file_above_the_upload_limit_before_reading_it(overview_pdf: bytes) -> None:
    extraction = read_document(overview_pdf, max_bytes=len(overview_pdf) - 1)
    assert extraction.kind == Kind.UNKNOWN
    assert extraction.error == Problem.TOO_LARGE


def test_it_refuses_a_pdf_with_more_pages_than_the_bounds_allow(overview_pdf: bytes) -> None:
    extraction = read_document(overview_pdf, limits=DecodingLimits(max_pages=0))
    assert extraction.kind == Kind.UNKNOWN
    assert extraction.error == Problem.PDF_UNREADABLE
    assert "pages" in extraction.detail


def test_it_refuses_an_image_with_more_pixels_than_the_bounds_allow(overview_scan: bytes) -> None:
    extraction = read_document(overview_scan, limits=DecodingLimits(max_pixels=1000))
    assert extraction.kind == Kind.UNKNOWN
    assert extraction.error == Problem.IMAGE_UNREADABLE
    assert "pixels" in extraction.detail


@pytest.mark.parametrize(
    "picture",
    [
        numpy.random.default_rng(1).integers(0, 256, (750, 1000, 3), dtype=numpy.uint8),
        numpy.full((750, 1000, 3), 255, dtype=numpy.uint8),
    ],
    ids=["noise", "blank"],
)
def test_a_picture_of_no_writing_is_unknown_without_spending_ocr_on_it(
    picture: numpy.ndarray,
) -> None:
    photo = io.BytesIO()
    Image.fromarray(picture).save(photo, "JPEG", quality=85)

    extraction = read_document(photo.getvalue(), filename="photo.jpg")

    assert extraction.kind == Kind.UNKNOWN
    assert extraction.lines == ()
    assert extraction.error == Problem.NO_WRITING
    assert extraction.engine == ""  # no OCR ran (on noise, Tesseract took a minute before)


def test_a_scan_that_does_not_add_up_stops_being_tried_when_its_time_runs_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    html = documents.overview_html(running=False).replace(
        documents.kroner(documents.TOTAL), documents.kroner(documents.TOTAL + 1)
    )
    scan = documents.scanned(documents.pdf(html))
    monkeypatch.setattr("refusjon.intake.reading.reader.PAGE_BUDGET", 0.0)

    extraction = read_document(scan)

    assert not extraction.reconciled
    assert extraction.engine == "tesseract"  # the first attempt, and no other
    assert any("time for reading it ran out" in note for note in extraction.notes)


def test_a_scanned_page_with_a_scanner_s_stamp_in_its_text_layer_is_read_by_ocr(
    overview_scan: bytes,
) -> None:
    picture = base64.b64encode(overview_scan).decode()
    html = (
        "<style>@page { size: A4; margin: 0 } img { width: 100% } p { font-size: 6pt }</style>"
        f"<p>Skannet med Canon iR-ADV 4525</p><img src='data:image/png;base64,{picture}'>"
    )
    extraction = read_document(documents.pdf(html))
    assert extraction.pages[0].source == Source.OCR
    assert [(line.date, line.amount) for line in extraction.lines] == EXPECTED
    assert extraction.reconciled


def test_a_credited_fee_leaves_the_lines_in_doubt_with_that_reason() -> None:
    credited = "<tr><td>14.03.2025</td><td>Legevakt</td><td>Kreditert</td><td>-375,00 kr</td></tr>"
    html = documents.overview_html(running=False).replace(
        "<tr><td colspan=3>Sum", credited + "<tr><td colspan=3>Sum"
    )
    extraction = read_document(documents.pdf(html))
    assert [(line.date, line.amount) for line in extraction.lines] == EXPECTED
    assert not extraction.reconciled
    assert extraction.doubt == Problem.CREDITED


def test_where_tesseract_reads_no_name_rapidocr_looks_for_it_in_the_heading(
    overview_scan: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    # Tesseract as it fares with a name in letters its models do not know: no name at all.
    real = engines.tesseract
    name_words = {*documents.NAME.split(), "Navn:"}

    def tesseract(*args: Any, **kwargs: Any) -> list[Word]:
        return [word for word in real(*args, **kwargs) if word.text not in name_words]

    monkeypatch.setattr(engines, "tesseract", tesseract)

    extraction = read_document(overview_scan)

    assert extraction.engine == "tesseract"
    assert extraction.reconciled
    assert names_match(extraction.name, documents.NAME)
    assert extraction.name_box is not None and extraction.name_box.top < 0.35


def _box(box: Any) -> tuple[float, float, float, float]:
    return (box.left, box.top, box.right, box.bottom)


def _sideways(left: float, top: float, right: float, bottom: float) -> tuple[float, ...]:
    return (top, 1 - right, bottom, 1 - left)


def _upside_down(left: float, top: float, right: float, bottom: float) -> tuple[float, ...]:
    return (1 - right, 1 - bottom, 1 - left, 1 - top)


@pytest.mark.parametrize(
    ("transpose", "as_uploaded"),
    [
        # Photographed with the phone turned left: the page's top is at the picture's left.
        (Image.Transpose.ROTATE_90, _sideways),
        # Fed into the scanner upside down.
        (Image.Transpose.ROTATE_180, _upside_down),
    ],
    ids=["sideways", "upside-down"],
)
def test_a_page_on_its_side_or_upside_down_is_read_upright_with_boxes_on_the_page_as_uploaded(
    overview_scan: bytes, transpose: Image.Transpose, as_uploaded: Any
) -> None:
    upright = read_document(overview_scan)
    turned = io.BytesIO()
    Image.open(io.BytesIO(overview_scan)).transpose(transpose).save(turned, "PNG")

    extraction = read_document(turned.getvalue())

    assert [(line.date, line.amount) for line in extraction.lines] == EXPECTED
    assert extraction.total == documents.TOTAL
    assert extraction.reconciled
    assert names_match(extraction.name, documents.NAME)
    for read, seen in zip(extraction.lines, upright.lines, strict=True):
        assert read.box is not None and seen.box is not None
        expected = as_uploaded(*_box(seen.box))
        assert all(abs(a - b) < 0.02 for a, b in zip(_box(read.box), expected, strict=True))


def test_an_upright_page_is_not_asked_which_way_up_it_is(
    overview_scan: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    asked: list[object] = []
    monkeypatch.setattr(engines, "orientation", lambda grey: asked.append(grey) or 0)

    extraction = read_document(overview_scan)

    assert extraction.reconciled
    assert asked == []  # its fees' dates were read the first time: no half second spent


def test_a_name_tesseract_read_as_capitalised_words_is_not_read_again(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    scan = documents.scanned(documents.pdf(documents.overview_html(name="Kari Marie Nordmann")))
    started: list[object] = []
    real = engines.RapidOcr._started
    monkeypatch.setattr(engines.RapidOcr, "_started", lambda self: started.append(1) or real(self))

    extraction = read_document(scan)

    assert extraction.engine == "tesseract"
    assert extraction.name == "Kari Marie Nordmann"
    assert started == []  # RapidOCR was never started: some 1.5 s of CPU saved


def test_a_name_whose_capital_tesseract_did_not_know_is_read_again(
    overview_scan: bytes, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[object] = []
    real = engines.RapidOcr._started
    monkeypatch.setattr(engines.RapidOcr, "_started", lambda self: started.append(1) or real(self))

    extraction = read_document(overview_scan)  # "Łukaszewicz", which Tesseract reads "tukaszewicz"

    assert names_match(extraction.name, documents.NAME)
    assert started


def test_a_name_in_capitals_is_read_again_by_rapidocr() -> None:
    html = documents.overview_html(name="ODDBJØRG GUÐMUNDSDÓTTIR")
    extraction = read_document(documents.scanned(documents.pdf(html)))
    assert extraction.engine == "tesseract"
    assert names_match(extraction.name, "Oddbjørg Guðmundsdóttir")


def test_an_app_s_cards_with_calendar_tiles_and_the_sum_on_a_dark_bar_reconcile() -> None:
    # Large bold digits and headings are not ruled lines, and white writing on a dark bar is
    # turned dark on light: Tesseract reads the days, the heading and the sum.
    extraction = read_document(documents.screenshot(documents.pdf(documents.tiles_html())))

    assert sorted((line.date, line.amount) for line in extraction.lines) == sorted(
        (fee.day, fee.amount) for fee in documents.TILE_FEES
    )
    assert extraction.total == sum((fee.amount for fee in documents.TILE_FEES), Decimal(0))
    assert extraction.reconciled
    assert extraction.name == "Aslak Ytterstad"


def test_an_unfolded_phone_s_list_and_detail_panes_are_read_apart_and_reconcile() -> None:
    fees = documents.TILE_FEES[:3]

    extraction = read_document(documents.screenshot(documents.pdf(documents.panes_html(fees))))

    # The detail pane's copy of the newest fee is not a fee of its own.
    assert sorted((line.date, line.amount) for line in extraction.lines) == sorted(
        (fee.day, fee.amount) for fee in fees
    )
    assert extraction.total == sum((fee.amount for fee in fees), Decimal(0))
    assert extraction.reconciled
    assert extraction.name == "Aslak Ytterstad"
    # Nor do the detail pane's words run into the list's rows.
    assert not [line for line in extraction.lines if "Dato" in line.provider + line.service]


def test_a_name_one_way_of_reading_missed_is_taken_from_another_way_s_reading() -> None:
    fees = "Egenandeler 2025\n12.03.2025  Fastlege  kr 179,00\nSum  kr 179,00\n"
    without = parse(layout_words(fees))
    other = parse(layout_words("Väinö Tønnessen\n" + fees))

    chosen = named_from_another(without, [without, other])

    assert chosen.name == "Väinö Tønnessen"
    assert chosen.lines == without.lines
    assert named_from_another(other, [without, other]).name == "Väinö Tønnessen"


def test_a_phone_s_screenshot_of_a_desktop_site_with_small_letters_reconciles() -> None:
    # The A4 overview at 90 dpi on a phone's tall screen: letters some 10 pixels high, which
    # Tesseract misreads as they are and reads at twice the size.
    page = Image.open(
        io.BytesIO(documents.screenshot(documents.pdf(documents.overview_html()), dpi=90))
    )
    tall = Image.new("RGB", (page.width, int(page.width * 2.1)), "white")
    tall.paste(page, (0, 0))
    out = io.BytesIO()
    tall.save(out, format="PNG")

    extraction = read_document(out.getvalue())

    assert extraction.reconciled
    assert extraction.engine == "tesseract"
    assert len(extraction.lines) == len(documents.FEES)
    assert names_match(extraction.name, documents.NAME)


@pytest.mark.parametrize(
    ("name", "doubtful"),
    [
        ("Aygiin Ogunlana", True),
        ("Kari Nordmann", False),
        ("Liisa Kiiski", True),
        ("Ze Turcanu", True),  # "Ilze": Tesseract lost the thin letters
        ("Ilze Dahl á Steig", False),  # a particle is no short name
    ],
)
def test_a_name_with_tesseract_s_ii_for_u_with_dots_is_read_again(
    name: str, doubtful: bool
) -> None:
    # "Aygün" is read "Aygiin"; a Finnish "ii" is read again too, and stands as RapidOCR reads it.
    assert reader._doubtful_name(name) is doubtful


def test_a_pdf_of_two_pages_on_one_landscape_sheet_names_the_person_not_the_signer() -> None:
    # Printed "two pages per sheet": the letter's second page (its signature) stands beside
    # its first, the signer's name between the title and the person's (read as one page, the
    # signer's would be taken for the person's).
    page = documents.overview_html().replace(
        "@page { size: A4; margin: 2cm;", "@page { size: A4 landscape; margin: 1cm;"
    )
    body = page[page.index("<body>") + 6 : page.index("</body>")]
    first = body.replace("Navn: " + escape(documents.NAME) + "<br>", "").replace(
        "</h1>", f"</h1><p>{escape(documents.NAME)}</p>"
    )
    second = "<p>Sondre Aas</p><p>rådgiver</p>"
    sheet = page.replace(
        body,
        f'<div style="float: left; width: 44%">{first}</div>'
        f'<div style="float: right; width: 44%; padding-top: 0.8cm">{second}</div>',
    )
    extraction = read_document(documents.pdf(sheet))
    assert extraction.reconciled
    assert names_match(extraction.name, documents.NAME)


def test_a_landscape_table_whose_columns_leave_the_middle_empty_is_read_as_one_page() -> None:
    # A patient system's list of bills across a landscape page: the date and the service at
    # the left, how it was paid and the fee at the right, nothing in the middle, and the
    # address and the report's number at the right only: no two pages side by side.
    rows = "".join(
        f"<tr><td>{fee.day:%d.%m.%y} kl. 08.32</td><td>{escape(fee.service)}</td><td></td>"
        f"<td>Kort</td><td class=n>{documents.kroner(fee.amount)}</td></tr>"
        for fee in documents.FEES
    )
    page = f"""<html><head><style>
      @page {{ size: A4 landscape; margin: 1.5cm; }}
      body {{ font-family: DejaVu Sans; font-size: 9pt; }}
      table {{ width: 100%; border-collapse: collapse; }}
      td, th {{ padding: 3px 4px; text-align: left; }}
      .n, .r {{ text-align: right; }}
    </style></head><body>
      <div class=r>Jernbanegata 15, 2594 Selbu<br>Tlf. 74 54 44 54</div>
      <p>Selbu legesenter</p>
      <h2>Regningsoversikt 2025</h2>
      <p>Pasient: {escape(documents.NAME)}</p>
      <table>
        <tr><th style="width: 18%">Dato/tid</th><th style="width: 18%">Tjeneste</th>
          <th style="width: 34%"></th><th style="width: 14%">Betalt med</th>
          <th class=n>Egenandel</th></tr>
        {rows}
        <tr><td colspan=4>Sum betalte egenandeler 2025</td>
          <td class=n>{documents.kroner(documents.TOTAL)}</td></tr>
      </table>
      <p class=r>EPJ-rapport R-114</p>
    </body></html>"""
    extraction = read_document(documents.pdf(page))
    assert extraction.reconciled
    assert [(line.date, line.amount) for line in extraction.lines] == [
        (fee.day, fee.amount) for fee in documents.FEES
    ]


def test_a_landscape_page_stored_upright_and_turned_by_its_rotation_is_read_as_shown() -> None:
    flat = pdfium.PdfDocument(
        documents.pdf(documents.receipt_html().replace("size: A5;", "size: A5 landscape;"))
    )
    width, height = flat[0].get_size()
    turned = pdfium.PdfDocument.new()
    page = turned.new_page(height, width)  # the page as stored: upright, its writing sideways
    placed = flat.page_as_xobject(0, turned).as_pageobject()
    placed.transform(pdfium.PdfMatrix(0, 1, -1, 0, height, 0))
    page.insert_obj(placed)
    page.gen_content()
    page.set_rotation(90)  # shown turned a quarter clockwise: landscape, the writing level
    stored = io.BytesIO()
    turned.save(stored)
    extraction = read_document(stored.getvalue())
    assert extraction.kind == Kind.RECEIPT
    assert [(line.date.isoformat(), line.amount) for line in extraction.lines] == [
        ("2025-03-12", Decimal("1200.00"))
    ]
    assert extraction.reconciled


@pytest.mark.parametrize(
    ("rotation", "shown", "where"),
    [
        (0, (100, 200), (0, 0, 10, 20)),  # bottom left, as stored
        (90, (200, 100), (0, 90, 20, 100)),  # a quarter clockwise: top left
        (180, (100, 200), (90, 180, 100, 200)),  # upside down: top right
        (270, (200, 100), (180, 0, 200, 10)),  # three quarters: bottom right
    ],
)
def test_a_character_at_a_stored_page_s_corner_is_where_the_turned_page_shows_it(
    rotation: int, shown: tuple[int, int], where: tuple[int, int, int, int]
) -> None:
    # The stored page is 100 points wide and 200 high; the character's box is at its bottom
    # left corner, 10 wide and 20 high.
    assert pdftext.upright((0, 0, 10, 20), rotation, *shown) == where
