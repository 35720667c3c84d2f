"""The thirteenth blind set: made only of what none of the other fourteen sets has, true to
itself and readable in every rendered file (checked without the reader, which is never run on
it here)."""

from __future__ import annotations

from collections import Counter
from decimal import Decimal
from pathlib import Path

import numpy as np
import pypdfium2 as pdfium
import pytest
from PIL import Image

from bench.documents import (
    blind13_layouts,
    content,
    generate,
    planners,
    render,
    sets,
)
from tests.bench.documents.blind_sets import in_order, media_sizes, occurrences, overlaps, seen
from tests.bench.documents.pdfs import every_letter, flat, pictures, text_of


def blind13_plan(
    count: int, renditions: tuple[str, ...] = generate.RENDITIONS
) -> list[generate.Spec]:
    return generate.plan(sets.SETS["blind13"], count=count, renditions=renditions)


def truth_texts(spec: generate.Spec) -> list[str]:
    """What a careful person reads off the document for its truth: the name, each line's date
    and amount, and the total, as the document prints them."""
    body, truth = spec.body, spec.truth("x", 1)
    shown = [truth.name, blind13_layouts.money(truth.total, body.amount_style)]
    for line in truth.lines:
        shown.append(blind13_layouts.shown_date(body, line.date))
        shown.append(blind13_layouts.money(line.amount, body.amount_style))
    return shown


TEXT_VARIANTS = ("", "annotated", "rotated_page")
"""Variants whose file is a text PDF (its own text checked, no pixels)."""
SCREEN_VARIANTS = ("ipad", "phone_photo", "screenshots_pdf", "pro_max")
"""Variants that show a page on a screen: a value is seen when one of its places is."""


def rendered(spec: generate.Spec) -> tuple[bytes, bytes, str, list[render.Placed]]:
    """The PDF whose text the document's file shows, the file as the set writes it, its
    extension, and where the PDF's pages went in the file's pictures."""
    placed: list[render.Placed] = []
    own = planners.blind13_file(spec, placed)
    if own is None:
        data = render.pdf(spec.html())
        return data, data, "pdf", []
    if spec.variant in TEXT_VARIANTS:
        return own[0], own[0], own[1], []
    return render.pdf(spec.html()), own[0], own[1], placed


def assert_prints_its_truth(documents: list[generate.Document], specs: list[generate.Spec]) -> None:
    """Every document prints every fee, the total and the name."""
    assert {spec.body.layout for spec in specs} >= set(content.BLIND13_OVERVIEW_LAYOUTS)
    assert {spec.variant for spec in specs} >= {"", "annotated"}
    for document, spec in zip(documents, specs, strict=True):
        body, truth = spec.body, document.truth
        assert document.path.suffix == ".pdf"
        assert truth.pages == render.page_count(document.path.read_bytes())
        text = flat(text_of(document.path.read_bytes()))
        assert truth.name in text
        assert flat(blind13_layouts.money(truth.total, body.amount_style)) in text
        rest = text
        for day, amount in in_order(body):
            shown_day = flat(blind13_layouts.shown_date(body, day))
            shown_amount = flat(blind13_layouts.money(amount, body.amount_style))
            assert shown_day in rest, (spec.stem, shown_day)
            rest = rest[rest.index(shown_day) + len(shown_day) :]
            assert shown_amount in rest, (spec.stem, shown_amount)
            if isinstance(body, content.Overview):
                rest = rest[rest.index(shown_amount) + len(shown_amount) :]


def test_a_screen_shows_every_value_on_one_page_in_the_chrome_of_its_variant() -> None:
    for spec in blind13_plan(60):
        if spec.rendition != "screenshot":
            continue
        body = spec.body
        page = spec.html()
        assert render.page_count(render.pdf(page)) == 1
        assert blind13_layouts.money(body.total, body.amount_style) in page
        assert "Digipost" in page or spec.variant == "ipad"
        if isinstance(body, content.Receipt):
            assert body.layout == "mailbox_receipt" and spec.variant == "pro_max"
            assert f"size: {blind13_layouts.PRO_MAX[0]}px" in page
            assert blind13_layouts.shown_date(body, body.day) in page
            continue
        assert body.layout == content.BLIND13_PHONE_LAYOUT
        assert spec.variant in planners.BLIND13_PHONE_VARIANTS
        ipad = spec.variant == "ipad"
        assert ("class='side'" in page) == ipad
        width = blind13_layouts.IPAD[0] if ipad else blind13_layouts.PHONE[0]
        assert f"size: {width}px" in page
        assert len(body.fees) <= max(planners.BLIND13_PHONE_COUNTS[spec.variant])
        for fee in body.fees:
            assert f"<div class='d'>{blind13_layouts.shown_date(body, fee.day)}</div>" in page
            assert blind13_layouts.money(fee.amount, body.amount_style) in page


def sample() -> list[generate.Spec]:
    """The document with the most lines of each layout, rendition and variant of the sixty:
    enough to see every way a value can be hidden (the longest reach furthest down the page,
    and onto a second), in a few seconds."""
    chosen: dict[tuple[str, str, str], generate.Spec] = {}

    def size(spec: generate.Spec) -> int:
        return len(getattr(spec.body, "fees", getattr(spec.body, "items", ())))

    for spec in blind13_plan(60):
        key = (spec.body.layout, spec.rendition, spec.variant)
        if key not in chosen or size(spec) > size(chosen[key]):
            chosen[key] = spec
    return sorted(chosen.values(), key=lambda spec: spec.index)


@pytest.mark.parametrize("part", range(3))
def test_every_value_of_the_truth_is_visible_in_the_rendered_file(part: int) -> None:
    """Each name, date, amount and total a careful person reads is printed on the page (not off
    its edge), on no other print, and in the pictures made of it inside the picture, under
    nothing and dark on light: every place it is printed on paper, and one place at least on
    a screen (the rest scrolled away); the longest of each kind of the sixty, a third at a
    time."""
    for spec in sample()[part::3]:
        source, data, extension, placed = rendered(spec)
        sizes = media_sizes(source)
        letters = every_letter(source)
        shots = pictures(data, extension) if placed else []
        if placed:
            assert len(placed) == len(shots)
            assert {where.page for where in placed} == set(range(len(sizes)))
        greys = [np.asarray(shot.convert("L"), dtype=np.float32) for shot in shots]
        screen = spec.variant in SCREEN_VARIANTS
        for text in truth_texts(spec):
            found = occurrences(source, text)
            assert found, (spec.stem, text)
            views = []
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
                shown = [
                    seen(boxes, height, where, greys[at])
                    for at, where in enumerate(placed)
                    if where.page == number
                ]
                if not screen:
                    assert all(ok for ok, _ in shown), (spec.stem, spec.variant, text, shown)
                views += shown
            if placed and screen:
                assert any(ok for ok, _ in views), (spec.stem, spec.variant, text, views)


def smallest(variant: str) -> generate.Spec:
    """The document of the variant with the fewest lines (the quickest to render)."""
    found = [spec for spec in blind13_plan(60) if spec.variant == variant]
    return min(found, key=lambda spec: len(spec.truth("x", 1).lines) + spec.index / 1000)


def test_each_paper_variant_makes_the_file_it_says(tmp_path: Path) -> None:
    marked = generate.render_document(smallest("annotated"), tmp_path)
    data = marked.path.read_bytes()
    assert b"/Subtype/Highlight" in data and b"/Subtype/Text" in data and b"/AP" in data
    assert text_of(data).strip()
    turned = generate.render_document(smallest("rotated_page"), tmp_path)
    document = pdfium.PdfDocument(turned.path.read_bytes())
    try:
        left, bottom, right, top = document[0].get_mediabox()
        assert document[0].get_rotation() == 90 and top - bottom > right - left
        width, height = document[0].get_size()
        assert width > height  # shown in landscape
    finally:
        document.close()
    assert "Audio" in text_of(turned.path.read_bytes())
    halftone = generate.render_document(smallest("halftone_scan"), tmp_path)
    (page,) = pictures(halftone.path.read_bytes(), halftone.path.suffix[1:])[:1]
    assert page.mode == "1"
    folded = generate.render_document(smallest("wallet_folded"), tmp_path)
    scan = np.asarray(pictures(folded.path.read_bytes(), folded.path.suffix[1:])[0], np.float32)
    assert scan.ndim == 3
    # The paper yellowed: more red than blue away from the print.
    assert np.median(scan[:, :, 0]) > np.median(scan[:, :, 2]) + 8
    photo = generate.render_document(smallest("angled_photo"), tmp_path)
    table = np.asarray(pictures(photo.path.read_bytes(), photo.path.suffix[1:])[0], np.float32)
    grey = table.mean(axis=2)
    # The far corners show the table (darker than the paper), the page's middle is paper.
    assert grey[:40, :40].mean() < 170 and grey[:40, -40:].mean() < 170
    middle = grey[grey.shape[0] // 2 - 20 : grey.shape[0] // 2 + 20, grey.shape[1] // 2]
    assert np.median(middle) > 180


def test_each_screen_variant_makes_the_file_it_says(tmp_path: Path) -> None:
    ipad = generate.render_document(smallest("ipad"), tmp_path)
    with Image.open(ipad.path) as image:
        assert image.format == "PNG" and image.size == (2360, 1640)
    large = generate.render_document(smallest("pro_max"), tmp_path)
    with Image.open(large.path) as image:
        assert image.format == "PNG" and image.size == (1290, 2796)
    photo = generate.render_document(smallest("phone_photo"), tmp_path)
    with Image.open(photo.path) as image:
        assert image.format == "JPEG" and image.height > image.width
    longest = max(
        (spec for spec in blind13_plan(60) if spec.variant == "screenshots_pdf"),
        key=lambda spec: len(spec.truth("x", 1).lines),
    )
    gathered = generate.render_document(longest, tmp_path)
    shots = pictures(gathered.path.read_bytes(), "pdf")
    assert len(shots) == gathered.truth.pages >= 2
    assert {shot.size for shot in shots} == {(1170, 2532)}
    # Every screenshot has the phone's bars at the top and the app's tools at the foot (the
    # same, but for the JPEG compression of the pages).
    greys = [np.asarray(shot.convert("L"), np.float32) for shot in shots]
    top, foot = blind13_layouts.PHONE_TOP * 3, blind13_layouts.PHONE_BOTTOM * 3
    for grey in greys[1:]:
        assert np.abs(grey[:top] - greys[0][:top]).mean() < 2
        assert np.abs(grey[-foot:] - greys[0][-foot:]).mean() < 2
    assert np.abs(greys[1][top:-foot] - greys[0][top:-foot]).mean() > 10


def test_the_renditions_are_as_designed() -> None:
    specs = blind13_plan(60)
    variants = Counter(spec.variant for spec in specs)
    for variant in planners.BLIND13_SCAN_VARIANTS:
        assert variants[variant] >= 5
    for variant in planners.BLIND13_PHONE_VARIANTS:
        assert variants[variant] >= 4
    assert variants["annotated"] >= 5 and variants[""] >= 5 and variants["pro_max"] >= 3
    assert variants["rotated_page"] >= 1
    assert Counter(spec.rendition for spec in specs) == {"pdf": 20, "scan": 20, "screenshot": 20}
    phone_layouts = {content.BLIND13_PHONE_LAYOUT, "mailbox_receipt"}
    for spec in specs:
        if spec.rendition == "screenshot":
            assert spec.body.layout in phone_layouts
        else:
            assert spec.body.layout not in phone_layouts
        if spec.rendition == "pdf" and isinstance(spec.body, content.Overview):
            assert spec.variant in planners.BLIND13_PAPER_VARIANTS
        if spec.body.layout == "hearing_receipt" and spec.rendition == "pdf":
            assert spec.variant == "rotated_page"
    assert {spec.body.layout for spec in blind13_plan(300)} == blind13_layouts.LAYOUTS
    kinds = Counter(isinstance(spec.body, content.Receipt) for spec in specs)
    assert 14 <= kinds[True] <= 26
    assert {spec.body.language for spec in specs} == {"nb", "nn", "en"}


def test_every_thirteenth_blind_truth_is_what_the_document_adds_up_to() -> None:
    for spec in blind13_plan(300):
        body = spec.body
        if isinstance(body, content.Overview):
            assert len({fee.day for fee in body.fees}) == len(body.fees)
            if body.layout == "pharmacy_statement":
                for fee in body.fees:
                    price = fee.amount + (fee.covered or Decimal(0))
                    assert fee.amount <= Decimal("520.00") and fee.covered is not None
                    low, high = content.BLIND13_MEDICINES[blind13_layouts.medicine(fee)]
                    assert low <= price <= high
            else:
                assert len({fee.provider for fee in body.fees}) == 1
            continue
        if body.layout == "label_receipt":
            # The label prints the name surname first in capitals; the receipt as written.
            label = blind13_layouts.label_name(body.patient)
            assert label.isupper() and label != body.patient.upper()


def test_the_distractors_never_equal_what_they_stand_beside() -> None:
    """What is left before the card and the limit are never the total; the print's, the
    mailbox's, the payments' dates are none of the days the document is for; a payment comes
    after what it pays; the next appointment and the invoice's due date come after the
    visit."""
    for spec in blind13_plan(300):
        body = spec.body
        if isinstance(body, content.Overview):
            days = {fee.day for fee in body.fees}
            assert blind13_layouts.left(body) != body.total
            assert body.limit != body.total
            assert body.printed_at not in days and body.printed_at > max(days)
            if body.layout == "account_statement":
                paid = blind13_layouts.payments(body)
                assert not {when for when, _, _ in paid} & days
                assert sum(amount for _, amount, _ in paid) == body.total
            continue
        assert body.total != Decimal("0.00")
        assert blind13_layouts.due(body) > body.day
