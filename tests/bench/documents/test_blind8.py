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


def variations(specs: list[generate.Spec]) -> set[str]:
    found = set()
    for spec in specs:
        body = spec.body
        found |= {f"layout:{body.layout}", f"amount:{body.amount_style}"}
        found.add(f"date:{body.date_style}")
        if isinstance(body, content.Overview):
            found.add(f"wording:{body.wording}")
        else:
            found.add(f"profession:{body.profession}")
    return found


def test_the_eighth_blind_set_has_only_what_the_other_nine_sets_never_show() -> None:
    seen_specs = (
        generate.plan(sets.SETS["dev"], count=300)
        + generate.plan(sets.SETS["held-out"], count=300)
        + generate.plan(sets.SETS["fresh"], count=300)
        + generate.plan(sets.SETS["blind"], count=300)
        + generate.plan(sets.SETS["blind3"], count=300)
        + generate.plan(sets.SETS["blind4"], count=300)
        + generate.plan(sets.SETS["blind5"], count=300)
        + generate.plan(sets.SETS["blind6"], count=300)
        + generate.plan(sets.SETS["blind7"], count=300)
    )
    seen = variations(seen_specs)
    blind8 = blind8_plan(300)
    assert not variations(blind8) & seen
    own = {spec.variant for spec in blind8} - {""}
    assert own and not own & {spec.variant for spec in seen_specs}
    names = {spec.truth("x", 1).name for spec in blind8}
    seen_names = {spec.truth("x", 1).name for spec in seen_specs}
    seen_words = {word for name in seen_names for word in name.split()}
    assert not names & seen_names
    assert not {word for name in names for word in name.split()} & seen_words


def test_every_eighth_blind_truth_is_what_the_document_adds_up_to() -> None:
    for spec in blind8_plan(300):
        body, truth = spec.body, spec.truth("x", 1)
        assert sum(line.amount for line in truth.lines) == truth.total > 0
        if isinstance(body, content.Overview):
            assert truth.kind == "user_fee_overview"
            assert truth.total < body.limit
            assert all(line.date.year == body.year for line in truth.lines)
            continue
        assert truth.kind == "receipt" and truth.lines[0].date == body.day
        assert truth.receipt is not None and len(truth.receipt.organisation_number) == 9
        assert truth.total < content.EXEMPTION_CARD_LIMIT[body.day.year]
