"""The second blind set: the same files from the same seed, every fee and the total printed on
the page, and only variations that none of the development, held-out and fresh sets has."""

from __future__ import annotations

from collections import Counter

from stdnum import luhn

from bench.documents import content, generate, layouts, sets
from tests.bench.documents.pdfs import printed, text_of


def blind_plan(count: int) -> list[generate.Spec]:
    return generate.plan(sets.SETS["blind"], count=count)


def assert_prints_its_truth(documents: list[generate.Document], specs: list[generate.Spec]) -> None:
    """Every document prints every fee and the total."""
    for document, spec in zip(documents, specs, strict=True):
        body, truth = spec.body, document.truth
        text = text_of(document.path.read_bytes())
        rows = text.splitlines()
        assert body.shown_name in " ".join(text.split())
        assert printed(layouts.money(truth.total, body.amount_style)) in text
        if isinstance(body, content.Receipt):
            assert printed(layouts.day(body.day, body.date_style, body.language)) in text
            continue
        pairs = Counter((line.date, line.amount) for line in truth.lines)
        for (when, amount), times in pairs.items():
            shown_day = printed(layouts.day(when, body.date_style, body.language))
            shown_amount = printed(layouts.money(amount, body.amount_style))
            assert sum(shown_day in row and shown_amount in row for row in rows) >= times


def variations(specs: list[generate.Spec]) -> set[str]:
    found = set()
    for spec in specs:
        body = spec.body
        found |= {f"layout:{body.layout}", f"amount:{body.amount_style}"}
        found.add(f"date:{body.date_style}")
        if isinstance(body, content.Overview):
            found.add(f"wording:{body.wording}")
    return found


def test_the_blind_set_has_only_what_the_other_three_sets_never_show() -> None:
    seen = (
        variations(generate.plan(sets.SETS["dev"], count=300))
        | variations(generate.plan(sets.SETS["held-out"], count=300))
        | variations(generate.plan(sets.SETS["fresh"], count=300))
    )
    blind = blind_plan(300)
    new = variations(blind)
    for kind in ("layout", "amount", "date", "wording"):
        assert not {v for v in new if v.startswith(kind)} & seen, kind
    layouts_made = {v.removeprefix("layout:") for v in new if v.startswith("layout")}
    assert layouts_made == set(content.BLIND_OVERVIEW_LAYOUTS + content.BLIND_RECEIPT_LAYOUTS) | {
        content.BLIND_PHONE_LAYOUT
    }
    given = {name for names in content.BLIND_FIRST_NAMES.values() for name in names}
    surnames = set(content.BLIND_SURNAMES).union(*content.BLIND_SEXED_SURNAMES.values())
    other_given = set(content.FIRST_NAMES + content.FRESH_FIRST_NAMES + content.MIDDLE_NAMES)
    other_surnames = set(content.SURNAMES + content.HELD_OUT_SURNAMES + content.FRESH_SURNAMES)
    assert not given & other_given and not surnames & other_surnames
    names = [spec.truth("x", 1).name for spec in blind]
    assert all(name.split()[0] in given and name.endswith(tuple(surnames)) for name in names)
    printed = {spec.body.shown_name for spec in blind}
    assert any(name.isupper() for name in printed) and any("," in name for name in printed)


def test_every_blind_truth_is_what_the_document_adds_up_to() -> None:
    for spec in blind_plan(300):
        body, truth = spec.body, spec.truth("x", 1)
        assert sum(line.amount for line in truth.lines) == truth.total
        if isinstance(body, content.Overview):
            assert truth.total < body.limit
            assert all(line.date.year == body.year for line in truth.lines)
            assert all(fee.covered is not None and fee.covered > 0 for fee in body.fees)
        elif body.layout == "pharmacy":
            assert all(item.price and item.amount <= min(item.price, 520) for item in body.items)
        else:
            assert body.due is not None and body.due > body.day
            assert luhn.is_valid(body.kid)


def test_the_weekday_printed_is_a_day_the_provider_is_open() -> None:
    always_open = {content.SERVICE_NAMES["emergency"][lang] for lang in ("nb", "nn", "en")}
    for spec in blind_plan(300):
        body = spec.body
        if isinstance(body, content.Receipt):
            assert body.day.weekday() < (6 if body.layout == "pharmacy" else 5)
            continue
        for fee in body.fees:
            if fee.service in always_open:
                continue
            pharmacy = fee.service == content.SERVICE_NAMES["pharmacy"][body.language]
            assert fee.day.weekday() < (6 if pharmacy else 5), fee
