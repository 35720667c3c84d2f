"""The corpus generator makes the same documents from the same seed, prints what its truth says
(names with diacritics, totals that are the sum of the lines), carries the rows a reader must
leave out, and writes files that open as real PDFs, JPEGs and PNGs."""

from __future__ import annotations

import io
import random
from decimal import Decimal
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from bench.documents.generate import Spec, plan
from PIL import Image
from stdnum.no import orgnr

from bench.documents import content, generate, layouts, render, sets
from tests.bench.documents.pdfs import text_of

NORDIC = set("æøåÆØÅ")


def printed(amount: Decimal, style: str) -> str:
    return layouts.money(amount, style).replace("\u00a0", " ")


def overview_spec(layout: str, *, fees: int = 6, held_out: bool = False) -> Spec:
    rng = random.Random(f"test:{layout}:{fees}")
    body = content.overview(rng, held_out=held_out, layout=layout, fee_count=fees)
    return Spec(0, 1, "pdf", body, held_out)


def test_the_same_seed_gives_the_same_files_and_truth(tmp_path: Path) -> None:
    first = generate.generate(tmp_path / "a", sets.SETS["dev"], seed=7, count=3)
    second = generate.generate(tmp_path / "b", sets.SETS["dev"], seed=7, count=3)
    assert {document.truth.rendition for document in first} == {"pdf", "scan", "screenshot"}
    assert [d.path.read_bytes() for d in first] == [d.path.read_bytes() for d in second]
    assert (tmp_path / "a" / "truth.jsonl").read_bytes() == (
        tmp_path / "b" / "truth.jsonl"
    ).read_bytes()
    assert generate.read_truth(tmp_path / "a" / "truth.jsonl") == [d.truth for d in first]


def test_the_benchmark_set_is_not_the_development_set() -> None:
    development = plan(sets.SETS["dev"], count=300)
    benchmark = plan(sets.SETS["held-out"], count=300)
    assert not {spec.body for spec in development} & {spec.body for spec in benchmark}
    held_out_only = {"monthly", "invoice"}
    assert not held_out_only & {spec.body.layout for spec in development}
    assert held_out_only <= {spec.body.layout for spec in benchmark}
    assert "dash" not in {spec.body.amount_style for spec in development}
    assert "dash" in {spec.body.amount_style for spec in benchmark}


def test_every_overview_total_is_the_sum_of_its_lines_and_under_the_limit() -> None:
    for spec in plan(sets.SETS["held-out"], seed=sets.SETS["dev"].seed, count=300):
        truth = spec.truth("x", 1)
        assert sum(line.amount for line in truth.lines) == truth.total
        if isinstance(spec.body, content.Overview):
            assert truth.total < content.EXEMPTION_CARD_LIMIT[spec.body.year]
            assert all(line.date.year == spec.body.year for line in truth.lines)


def test_the_development_set_has_names_with_nordic_and_other_latin_letters() -> None:
    names = [spec.truth("x", 1).name for spec in plan(sets.SETS["dev"], count=30)]
    assert any(set(name) & NORDIC for name in names)
    assert any(
        any(not letter.isascii() and letter not in NORDIC for letter in name) for name in names
    )


def test_the_development_set_mixes_kinds_languages_and_renditions() -> None:
    specs = plan(sets.SETS["dev"], count=30)
    assert {type(spec.body) for spec in specs} == {content.Overview, content.Receipt}
    assert {spec.body.language for spec in specs} == {"nb", "nn", "en"}
    assert {spec.rendition for spec in specs} == {"pdf", "scan", "screenshot"}
    assert {spec.body.layout for spec in specs} >= {"web", "table", "cards", "letter"}


@pytest.mark.parametrize("layout", ["web", "table", "cards", "monthly"])
def test_the_pdf_prints_the_name_every_line_and_the_total(layout: str) -> None:
    spec = overview_spec(layout)
    overview = spec.body
    assert isinstance(overview, content.Overview)
    text = text_of(render.pdf(spec.html()))
    assert overview.name in text
    for fee in overview.fees:
        assert fee.day.strftime("%d.%m.%Y") in text
        assert printed(fee.amount, overview.amount_style) in text
    assert printed(overview.total, overview.amount_style) in text


@pytest.mark.parametrize("layout", ["web", "table", "cards", "monthly"])
def test_the_overview_carries_the_rows_a_reader_must_leave_out(layout: str) -> None:
    spec = overview_spec(layout)
    overview = spec.body
    assert isinstance(overview, content.Overview)
    text = text_of(render.pdf(spec.html()))
    words = layouts.WORDS[overview.language]
    limit = layouts.whole_kroner(overview.limit, overview.language).replace("\u00a0", " ")
    assert f"{str(words['limit']).format(year=overview.year)}: {limit}" in text
    assert any(label in text for label in words["remaining"])
    assert overview.birth_date.strftime("%d.%m.%Y") in text
    if layout in ("web", "table", "monthly"):
        assert overview.printed_at.strftime("%d.%m.%Y") in text
    if layout == "web" and not overview.newest_first:
        assert str(words["running"]) in text
    if layout == "monthly":
        assert str(words["sum_month"]).split()[0] in text


def test_a_long_year_runs_over_several_pages() -> None:
    spec = overview_spec("web", fees=44)
    assert isinstance(spec.body, content.Overview) and len(spec.body.fees) > 30
    pdf = render.pdf(spec.html())
    assert render.page_count(pdf) >= 2
    assert "1/2" in text_of(pdf)


def test_a_receipt_prints_a_valid_organisation_number_its_items_and_total() -> None:
    receipts = [s.body for s in plan(sets.SETS["held-out"], seed=sets.SETS["dev"].seed, count=200)]
    receipts = [body for body in receipts if isinstance(body, content.Receipt)]
    assert all(orgnr.is_valid(receipt.organisation_number) for receipt in receipts)
    assert {receipt.itemised for receipt in receipts} == {True, False}
    assert {receipt.profession for receipt in receipts} == set(content.PROFESSIONS)
    receipt = next(r for r in receipts if r.itemised and len(r.items) > 1 and r.layout == "letter")
    text = text_of(render.pdf(layouts.receipt_html(receipt)))
    assert receipt.patient in text
    assert receipt.provider in text
    assert printed(receipt.total, receipt.amount_style) in text
    assert all(item.text in text for item in receipt.items)
    assert receipt.day.strftime("%d.%m.%Y") in text


def test_each_rendition_opens_as_a_real_file(tmp_path: Path) -> None:
    documents = generate.generate(tmp_path, sets.SETS["dev"], seed=11, count=3)
    by_rendition = {document.truth.rendition: document for document in documents}
    assert set(by_rendition) == {"pdf", "scan", "screenshot"}
    text_pdf = by_rendition["pdf"]
    assert text_pdf.path.suffix == ".pdf" and text_of(text_pdf.path.read_bytes()).strip()
    scan = by_rendition["scan"]
    if scan.path.suffix == ".pdf":
        assert not text_of(scan.path.read_bytes()).strip()  # pictures of pages, no text layer
    else:
        with Image.open(scan.path) as image:
            assert image.format == "JPEG" and image.mode == "L" and image.width > 1000
    with Image.open(by_rendition["screenshot"].path) as image:
        assert image.format == "PNG" and image.width == 1170 and image.height >= 2532


def test_a_multi_page_scan_is_a_pdf_of_images() -> None:
    pdf = render.pdf(overview_spec("cards", fees=30).html())
    data, extension, pages = render.scan(pdf, random.Random(3))
    assert extension == "pdf" and pages == render.page_count(pdf) > 1
    document = pdfium.PdfDocument(data)
    try:
        assert len(document) == pages
        assert not document[0].get_textpage().get_text_range().strip()
        assert any(isinstance(obj, pdfium.PdfImage) for obj in document[0].get_objects())
    finally:
        document.close()


def test_a_scan_is_skewed_grey_and_noisy() -> None:
    pdf = render.pdf(overview_spec("table").html())
    data, extension, _ = render.scan(pdf, random.Random(5))
    with Image.open(io.BytesIO(data)) as image:
        assert extension == "jpg" and image.mode == "L"
        pixels = np.asarray(image)
    paper = int(np.median(pixels))
    assert 180 < paper < 250  # grey paper, not white
    assert len(np.unique(pixels[:50, :100])) > 5  # noise in the margin
