"""The twelfth blind set: made only of what none of the other thirteen sets has, true to itself
and readable in every rendered file (checked without the reader, which is never run on it
here)."""

from __future__ import annotations

import re
from collections import Counter
from decimal import Decimal
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image

from bench.documents import (
    blind12_layouts,
    content,
    generate,
    planners,
    render,
    sets,
)
from tests.bench.documents.blind_sets import in_order
from tests.bench.documents.pdfs import every_letter, flat, in_pixels, pictures, printed, text_of

Box = tuple[float, float, float, float]


def blind12_plan(
    count: int, renditions: tuple[str, ...] = generate.RENDITIONS
) -> list[generate.Spec]:
    return generate.plan(sets.SETS["blind12"], count=count, renditions=renditions)


def truth_texts(spec: generate.Spec) -> list[str]:
    """What a careful person reads off the document for its truth: the name, each line's date
    and amount, and the total, as the document prints them."""
    body, truth = spec.body, spec.truth("x", 1)
    shown = [truth.name, blind12_layouts.money(truth.total, body.amount_style)]
    for line in truth.lines:
        shown.append(blind12_layouts.shown_date(body, line.date))
        shown.append(blind12_layouts.money(line.amount, body.amount_style))
    return shown


def occurrences(pdf: bytes, text: str) -> list[tuple[int, list[Box], set[int]]]:
    """Where ``text`` is printed in the PDF: the page, the boxes (PDF points) of its letters
    and their indices on the page (a space in ``text`` stands for any run of spaces: kroner
    and øre in columns of their own come back with a space the PDF's reader adds)."""
    wanted = r"\s+".join(re.escape(part) for part in printed(text).split())
    found = []
    document = pdfium.PdfDocument(pdf)
    try:
        for number in range(len(document)):
            page = document[number].get_textpage()
            letters = page.get_text_range().replace("\u00a0", " ")
            assert len(letters) == page.count_chars()
            for match in re.finditer(wanted, letters):
                indices = {i for i in range(match.start(), match.end()) if not letters[i].isspace()}
                found.append((number, [page.get_charbox(i) for i in sorted(indices)], indices))
    finally:
        document.close()
    return found


def page_sizes(pdf: bytes) -> list[tuple[float, float]]:
    document = pdfium.PdfDocument(pdf)
    try:
        return [document[number].get_size() for number in range(len(document))]
    finally:
        document.close()


def overlaps(box: Box, others: np.ndarray, inset: float = 0.4) -> np.ndarray:
    """Which of the other boxes (rows of left, bottom, right, top in points) overlap the box,
    each made a little smaller first (glyph boxes of neighbours touch)."""
    return (
        (box[0] + inset < others[:, 2] - inset)
        & (others[:, 0] + inset < box[2] - inset)
        & (box[1] + inset < others[:, 3] - inset)
        & (others[:, 1] + inset < box[3] - inset)
    )


TEXT_VARIANTS = ("", "two_up", "full_page_pdf")
"""Variants whose file is a text PDF (its own text checked, no pixels)."""


def rendered(spec: generate.Spec) -> tuple[bytes, bytes, str, list[render.Placed]]:
    """The PDF whose text the document's file shows, the file as the set writes it, its
    extension, and where the PDF's pages went in the file's pictures."""
    placed: list[render.Placed] = []
    own = planners.blind12_file(spec, placed)
    if own is None:
        data = render.pdf(spec.html())
        return data, data, "pdf", []
    if spec.variant in TEXT_VARIANTS:
        return own[0], own[0], own[1], []
    return render.pdf(spec.html()), own[0], own[1], placed


def assert_prints_its_truth(documents: list[generate.Document], specs: list[generate.Spec]) -> None:
    """Every document prints every fee, the total and the name."""
    assert {spec.body.layout for spec in specs} >= set(content.BLIND12_OVERVIEW_LAYOUTS)
    assert {spec.variant for spec in specs} == {"", "two_up"}
    for document, spec in zip(documents, specs, strict=True):
        body, truth = spec.body, document.truth
        assert document.path.suffix == ".pdf"
        assert truth.pages == render.page_count(document.path.read_bytes())
        text = flat(text_of(document.path.read_bytes()))
        assert truth.name in text
        assert flat(blind12_layouts.money(truth.total, body.amount_style)) in text
        rest = text
        for day, amount in in_order(body):
            shown_day = flat(blind12_layouts.shown_date(body, day))
            shown_amount = flat(blind12_layouts.money(amount, body.amount_style))
            assert shown_day in rest, (spec.stem, shown_day)
            rest = rest[rest.index(shown_day) + len(shown_day) :]
            assert shown_amount in rest, (spec.stem, shown_amount)
            if isinstance(body, content.Overview):
                rest = rest[rest.index(shown_amount) + len(shown_amount) :]


def test_a_phone_page_shows_every_fee_on_one_page_in_the_chrome_of_its_variant() -> None:
    for spec in blind12_plan(60):
        if spec.rendition != "screenshot":
            continue
        body = spec.body
        page = spec.html()
        assert render.page_count(render.pdf(page)) == 1
        assert blind12_layouts.money(body.total, body.amount_style) in page
        if isinstance(body, content.Receipt):
            assert body.layout == "bank_receipt" and spec.variant == "samsung_jpeg"
            assert f"size: {blind12_layouts.SAMSUNG[0]}px" in page and "class='nav'" in page
            continue
        assert body.layout == content.BLIND12_PHONE_LAYOUT
        translated = spec.variant == "translated"
        assert spec.variant in ("translated", "full_page_pdf")
        assert ("class='translate'" in page) == translated
        assert ("class='status'" in page) == translated  # a full page is the page alone
        width = blind12_layouts.ANDROID[0] if translated else blind12_layouts.IPHONE_WIDTH
        assert f"size: {width}px" in page
        assert (body.language == "en") if translated else True
        assert (body.wording == content.BLIND12_TRANSLATED_WORDING) == translated
        for fee in body.fees:
            assert f"<div class='d'>{blind12_layouts.shown_date(body, fee.day)}</div>" in page
            assert blind12_layouts.money(fee.amount, body.amount_style) in page


def sample() -> list[generate.Spec]:
    """The document with the most lines of each layout, rendition and variant of the sixty:
    enough to see every way a value can be hidden (the longest reach furthest down the page,
    and onto a second), in a few seconds."""
    chosen: dict[tuple[str, str, str], generate.Spec] = {}

    def size(spec: generate.Spec) -> int:
        return len(getattr(spec.body, "fees", getattr(spec.body, "items", ())))

    for spec in blind12_plan(60):
        key = (spec.body.layout, spec.rendition, spec.variant)
        if key not in chosen or size(spec) > size(chosen[key]):
            chosen[key] = spec
    return sorted(chosen.values(), key=lambda spec: spec.index)


@pytest.mark.parametrize("part", range(3))
def test_every_value_of_the_truth_is_visible_in_the_rendered_file(part: int) -> None:
    """Each name, date, amount and total a careful person reads is printed on the page (not off
    its edge), on no other print, inside the picture made of it and dark on light there: the
    longest of each kind of the sixty, a third at a time."""
    for spec in sample()[part::3]:
        source, data, extension, placed = rendered(spec)
        sizes = page_sizes(source)
        letters = every_letter(source)
        shots = pictures(data, extension) if placed else []
        if placed:
            assert len(placed) == len(shots) == len(sizes)
        for text in truth_texts(spec):
            found = occurrences(source, text)
            assert found, (spec.stem, text)
            for number, boxes, indices in found:
                width, height = sizes[number]
                page_indices = np.array([index for index, _ in letters[number]])
                page_boxes = np.array([box for _, box in letters[number]])
                apart = (page_indices < min(indices) - 1) | (page_indices > max(indices) + 1)
                for box in boxes:
                    assert box[0] >= 0 and box[2] <= width and box[1] >= 0 and box[3] <= height
                    assert not overlaps(box, page_boxes[apart]).any(), (spec.stem, text)
                if not placed:
                    continue
                where = placed[number]
                picture = np.asarray(shots[number].convert("L"), dtype=np.float32)
                corners = []
                for box in boxes:
                    left, top, right, bottom = in_pixels(box, height, where.scale)
                    corners += [where.where(x, y) for x in (left, right) for y in (top, bottom)]
                xs, ys = [x for x, _ in corners], [y for _, y in corners]
                slack = where.slack + 1
                assert min(xs) - slack >= 0 and max(xs) + slack <= where.size[0], spec.stem
                assert min(ys) - slack >= 0 and max(ys) + slack <= where.size[1], spec.stem
                region = picture[int(min(ys)) : int(max(ys)) + 1, int(min(xs)) : int(max(xs)) + 1]
                assert region.size, (spec.stem, text)
                assert np.percentile(region, 3) < 125, (spec.stem, text, np.percentile(region, 3))
                assert np.percentile(region, 97) > 140, (spec.stem, text)


def smallest(variant: str) -> generate.Spec:
    """The document of the variant with the fewest lines (the quickest to render)."""
    found = [spec for spec in blind12_plan(60) if spec.variant == variant]
    return min(found, key=lambda spec: len(spec.truth("x", 1).lines) + spec.index / 1000)


def test_each_variant_makes_the_file_it_says(tmp_path: Path) -> None:
    sheets = generate.render_document(smallest("two_up"), tmp_path)
    document = pdfium.PdfDocument(sheets.path.read_bytes())
    try:
        width, height = document[0].get_size()
        assert width > height and len(document) == sheets.truth.pages
    finally:
        document.close()
    assert text_of(sheets.path.read_bytes()).strip()
    full_spec = smallest("full_page_pdf")
    assert isinstance(full_spec.body, content.Overview)
    full = generate.render_document(full_spec, tmp_path)
    assert full.path.suffix == ".pdf" and render.page_count(full.path.read_bytes()) == 1
    document = pdfium.PdfDocument(full.path.read_bytes())
    try:
        width, height = document[0].get_size()
        assert round(width / render.CSS_PIXEL_POINTS) == blind12_layouts.IPHONE_WIDTH
        # As tall as the page's content, not as the room it was first laid out in.
        assert height / render.CSS_PIXEL_POINTS < blind12_layouts.site_height(full_spec.body)
    finally:
        document.close()
    translated = generate.render_document(smallest("translated"), tmp_path)
    with Image.open(translated.path) as image:
        assert image.format == "PNG" and image.width == 1082
    samsung = generate.render_document(smallest("samsung_jpeg"), tmp_path)
    with Image.open(samsung.path) as image:
        assert image.format == "JPEG" and image.width == 1080
    sleeve = generate.render_document(smallest("sleeve_photo"), tmp_path)
    photo = pictures(sleeve.path.read_bytes(), sleeve.path.suffix[1:])[0]
    assert photo.mode == "RGB"
    grey = np.asarray(photo.convert("L"))
    # The table round the sleeve is darker than the paper.
    assert grey[:15, -15:].mean() < 150 and np.median(grey) > 180
    toner = generate.render_document(smallest("low_toner"), tmp_path)
    assert pictures(toner.path.read_bytes(), toner.path.suffix[1:])[0].mode == "L"
    shaky = generate.render_document(smallest("shaky_photo"), tmp_path)
    lamp = np.asarray(pictures(shaky.path.read_bytes(), shaky.path.suffix[1:])[0], np.float32)
    # The warm light of a lamp: more red than blue on the paper.
    middle = lamp[lamp.shape[0] // 3 : lamp.shape[0] // 2, lamp.shape[1] // 3 : -lamp.shape[1] // 3]
    assert middle[:, :, 0].mean() > middle[:, :, 2].mean() + 25


def test_the_renditions_are_as_designed() -> None:
    specs = blind12_plan(60)
    variants = Counter(spec.variant for spec in specs)
    for variant in planners.BLIND12_SCAN_VARIANTS:
        assert variants[variant] >= 5
    assert variants["two_up"] >= 5 and variants["translated"] >= 4
    assert variants["full_page_pdf"] >= 4 and variants["samsung_jpeg"] >= 3
    assert Counter(spec.rendition for spec in specs) == {"pdf": 20, "scan": 20, "screenshot": 20}
    phone_layouts = {content.BLIND12_PHONE_LAYOUT, "bank_receipt"}
    for spec in specs:
        if spec.rendition == "screenshot":
            assert spec.body.layout in phone_layouts
        else:
            assert spec.body.layout not in phone_layouts
        if spec.rendition == "pdf":
            assert spec.variant in planners.BLIND12_PAPER_VARIANTS
            assert spec.variant == "" or isinstance(spec.body, content.Overview)
    assert {spec.body.layout for spec in blind12_plan(300)} == blind12_layouts.LAYOUTS
    kinds = Counter(isinstance(spec.body, content.Receipt) for spec in specs)
    assert 14 <= kinds[True] <= 26
    assert {spec.body.language for spec in specs} == {"nb", "nn", "en"}


def test_every_twelfth_blind_truth_is_what_the_document_adds_up_to() -> None:
    for spec in blind12_plan(300):
        body = spec.body
        if isinstance(body, content.Overview):
            if body.layout == "gp_statement":
                assert len({fee.provider for fee in body.fees}) == 1
                assert len({fee.day for fee in body.fees}) == len(body.fees)
                assert all(blind12_layouts.takst(body, fee) for fee in body.fees)
            continue
        if body.layout == "vaccine_receipt":
            # The name as the receipt prints it: the family name in capitals.
            given, family = body.patient.rsplit(" ", 1)
            assert family.isupper() and not given.isupper()


def test_the_distractors_never_equal_what_they_stand_beside() -> None:
    """What is left before the card and the limit are never the total; the letter's, the
    enquiry's, the print's and the registrations' dates are none of the days the document is
    for; the next dose and the bank's booking come after the visit."""
    for spec in blind12_plan(300):
        body = spec.body
        if isinstance(body, content.Overview):
            days = {fee.day for fee in body.fees}
            assert blind12_layouts.left(body) != body.total
            assert body.limit != body.total
            assert body.printed_at not in days
            assert blind12_layouts.enquiry(body) not in days
            assert blind12_layouts.enquiry(body) < body.printed_at
            assert all(blind12_layouts.registered(fee) > fee.day for fee in body.fees)
            continue
        assert body.total != Decimal("0.00")
        assert blind12_layouts.next_dose(body) > body.day
        assert blind12_layouts.booked(body) > body.day
