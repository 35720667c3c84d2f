"""The eighth blind set: made only of what none of the other nine sets has, and true to
itself (checked without the reader, which is never run on it here)."""

from __future__ import annotations

import io
import random
from collections import Counter

from PIL import Image

from bench.documents import blind8_layouts, content, generate, render, sets
from tests.bench.documents.pdfs import printed as shown_as
from tests.bench.documents.pdfs import text_of


def printed(shown: str) -> str:
    """As the PDF's text gives it back, thin spaces as plain ones too."""
    return shown_as(shown).replace("\u2009", " ")


def blind8_plan(
    count: int, renditions: tuple[str, ...] = generate.RENDITIONS
) -> list[generate.Spec]:
    return generate.plan(sets.SETS["blind8"], count=count, renditions=renditions)


def assert_prints_its_truth(documents: list[generate.Document], specs: list[generate.Spec]) -> None:
    """Every document prints every fee, the total and the name."""
    assert {spec.body.layout for spec in specs} >= set(content.BLIND8_OVERVIEW_LAYOUTS)
    for document, spec in zip(documents, specs, strict=True):
        body, truth = spec.body, document.truth
        text = printed(text_of(document.path.read_bytes()))
        flat = " ".join(text.split())
        assert truth.name in flat
        assert printed(blind8_layouts.money(truth.total, body.amount_style)) in text
        rows = text.splitlines()
        pairs = Counter((line.date, line.amount) for line in truth.lines)
        for (when, amount), times in pairs.items():
            shown_day = printed(blind8_layouts.day(when, body.date_style, body.language))
            shown_amount = printed(blind8_layouts.money(amount, body.amount_style))
            if isinstance(body, content.Receipt):
                assert shown_day in flat and shown_amount in text
                continue
            if body.layout == "provider_above":
                # The provider on the line above; the date and the amount on one line.
                assert sum(row.strip() == f"{shown_day} {shown_amount}" for row in rows) >= times
                continue
            assert sum(shown_day in row and shown_amount in row for row in rows) >= times


def test_a_phone_overview_shows_every_fee_light_or_dark() -> None:
    for spec in blind8_plan(90):
        body = spec.body
        if spec.rendition != "screenshot":
            continue
        page = spec.html()
        assert render.page_count(render.pdf(page)) == 1
        if not isinstance(body, content.Overview):
            assert blind8_layouts.money(body.total, body.amount_style) in page
            continue
        for fee in body.fees:
            shown = blind8_layouts.day(fee.day, body.date_style, body.language)
            amount = blind8_layouts.money(fee.amount, body.amount_style)
            assert f"<span>{shown}</span><span>{amount}</span>" in page
        assert page.count("class='row'") == len(body.fees)
        assert ("#000" in page) == (spec.variant == "dark")


def test_two_captures_joined_show_every_row_whole_at_least_once() -> None:
    specs = [spec for spec in blind8_plan(90) if spec.variant == "stitched"]
    assert specs
    tall = max(specs, key=lambda spec: len(spec.body.fees))
    image = render.screenshot(tall.html())
    data, extension, pages = render.stitched(image, random.Random(tall.seed))
    assert extension == "png" and pages == 1
    joined = Image.open(io.BytesIO(data))
    whole = Image.open(io.BytesIO(image))
    assert joined.width == whole.width and joined.height >= whole.height


def test_every_receipt_fits_on_one_page() -> None:
    specs = blind8_plan(300)
    for layout in content.BLIND8_RECEIPT_LAYOUTS:
        longest = max(
            (spec for spec in specs if spec.body.layout == layout),
            key=lambda spec: len(getattr(spec.body, "items", ())),
        )
        assert render.page_count(render.pdf(longest.html())) == 1


def test_the_renditions_mix_black_and_white_scans_lamp_photos_dark_and_stitched_phones() -> None:
    specs = blind8_plan(60)
    variants = Counter(spec.variant for spec in specs)
    assert variants["bilevel"] == variants["lamp_photo"] == 10
    assert variants["dark"] >= 3 and variants["stitched"] >= 3
    assert all(spec.variant == "" for spec in specs if spec.rendition == "pdf")
    assert {spec.body.layout for spec in specs} == blind8_layouts.LAYOUTS
    kinds = Counter(isinstance(spec.body, content.Receipt) for spec in specs)
    assert 14 <= kinds[True] <= 26
