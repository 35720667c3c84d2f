"""Documents made for the tests: a helsenorge-like overview of user fees and a receipt, as a
text PDF (WeasyPrint) and as a scanned picture of that PDF (rendered, tilted, noised)."""

from __future__ import annotations

import io
import random
from dataclasses import dataclass
from datetime import date
from decimal import Decimal
from html import escape

import numpy as np
import pypdfium2 as pdfium
from PIL import Image, ImageFilter

from refusjon.letters.pdf import weasyprint


@dataclass(frozen=True)
class Fee:
    day: date
    amount: Decimal
    provider: str
    service: str


NAME = "Åse Łukaszewicz-Sæther"
FEES = (
    Fee(date(2025, 1, 7), Decimal("179.00"), "Legesenteret Majorstuen", "Fastlege"),
    Fee(date(2025, 2, 13), Decimal("375.00"), "Oslo legevakt", "Legevakt"),
    Fee(date(2025, 3, 2), Decimal("1234.50"), "Fysioterapeut Berg", "Fysioterapi"),
    Fee(date(2025, 3, 21), Decimal("298.00"), "Psykiatrisk poliklinikk", "Spesialist"),
    Fee(date(2025, 4, 9), Decimal("67.00"), "Røntgen Øst", "Røntgen"),
)
TOTAL = sum((fee.amount for fee in FEES), Decimal(0))


def kroner(amount: Decimal) -> str:
    whole, cents = f"{amount:.2f}".split(".")
    return f"{int(whole):,}".replace(",", "\u00a0") + f",{cents}\u00a0kr"


def overview_html(fees: tuple[Fee, ...] = FEES, *, name: str = NAME, running: bool = True) -> str:
    rows = []
    added = Decimal(0)
    for fee in fees:
        added += fee.amount
        running_cell = f"<td class=n>{kroner(added)}</td>" if running else ""
        rows.append(
            f"<tr><td>{fee.day:%d.%m.%Y}</td><td>{escape(fee.provider)}</td>"
            f"<td>{escape(fee.service)}</td><td class=n>{kroner(fee.amount)}</td>"
            f"{running_cell}</tr>"
        )
    running_head = "<th>Sum hittil</th>" if running else ""
    return f"""<html><head><style>
      @page {{ size: A4; margin: 2cm; font-family: DejaVu Sans; }}
      body {{ font-family: DejaVu Sans; font-size: 10pt; }}
      table {{ border-collapse: collapse; width: 100%; }}
      td, th {{ border: 1px solid #444; padding: 4px 6px; text-align: left; }}
      .n {{ text-align: right; }}
    </style></head><body>
      <h1>Frikort og egenandeler</h1>
      <p>Navn: {escape(name)}<br>Fødselsdato: 14.02.2001</p>
      <p>Egenandelstak 2025: 3&nbsp;278&nbsp;kr</p>
      <table><tr><th>Dato</th><th>Behandler</th><th>Tjeneste</th><th>Egenandel</th>{running_head}</tr>
      {"".join(rows)}
      <tr><td colspan=3>Sum</td><td class=n>{kroner(sum((f.amount for f in fees), Decimal(0)))}</td>
      {"<td></td>" if running else ""}</tr></table>
      <p>Gjenstående til frikort: {kroner(Decimal("3278") - TOTAL)}</p>
      <p>Utskrevet 03.05.2025 fra helsenorge.no</p>
    </body></html>"""


def receipt_html() -> str:
    return """<html><head><style>@page { size: A5; margin: 1.5cm; font-family: DejaVu Sans; }
      body { font-family: DejaVu Sans; font-size: 10pt; }</style></head><body>
      <h2>Psykolog Hansen AS</h2>
      <p>Org.nr. 974 760 673</p>
      <h3>KVITTERING</h3>
      <p>Dato: 12.03.2025<br>Pasient: Åse Sæther</p>
      <table style="width:100%">
      <tr><td>Psykologtime 45 min</td><td style="text-align:right">1 200,00</td></tr>
      <tr><td><b>Totalt</b></td><td style="text-align:right"><b>1 200,00 kr</b></td></tr>
      </table>
      </body></html>"""


def pdf(html: str) -> bytes:
    return bytes(weasyprint().HTML(string=html).write_pdf())


def scanned(pdf_bytes: bytes, *, dpi: int = 200, angle: float = 1.2, seed: int = 1) -> bytes:
    """The first page as a grey scan: rendered, turned a little, blurred, with noise."""
    document = pdfium.PdfDocument(pdf_bytes)
    image = document[0].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    document.close()
    image = image.rotate(angle, resample=Image.Resampling.BICUBIC, expand=True, fillcolor=255)
    image = image.filter(ImageFilter.GaussianBlur(0.6))
    pixels = np.asarray(image, dtype=np.int16)
    noise = np.random.default_rng(seed).normal(0, 12, pixels.shape)
    speckles = np.random.default_rng(seed + 1).random(pixels.shape) < 0.0008
    noisy = np.clip(pixels + noise, 0, 255)
    noisy[speckles] = 0
    out = io.BytesIO()
    Image.fromarray(noisy.astype(np.uint8)).save(out, format="PNG")
    random.seed(seed)
    return out.getvalue()


TILE_FEES = (
    Fee(date(2026, 1, 22), Decimal("315.00"), "Sjøsiden legevakt", "Legevakt"),
    Fee(date(2026, 5, 14), Decimal("185.00"), "Legesenteret Sandnes", "Fastlege"),
    Fee(date(2026, 7, 23), Decimal("400.00"), "Sykehuset Innlandet", "Poliklinikk nevrologi"),
    Fee(date(2026, 12, 15), Decimal("315.00"), "Trondheim legevakt", "Legevakt"),
)
TILE_MONTHS = ("JAN", "FEB", "MAR", "APR", "MAI", "JUN", "JUL", "AUG", "SEP", "OKT", "NOV", "DES")


def tiles_html(fees: tuple[Fee, ...] = TILE_FEES, *, name: str = "Aslak Ytterstad") -> str:
    """An app's list at a tablet's width: cards two to a row, each date a calendar tile (day,
    month, year one over the other), under a large heading, the sum on a dark bar."""
    cards = "".join(
        f"""<div class=card><div class=tile><b>{fee.day.day}</b>
        <i>{TILE_MONTHS[fee.day.month - 1]}</i><small>{fee.day.year}</small></div>
        <div class=what><b>{escape(fee.service)}</b><br>
        {escape(fee.provider)}</div><div class=amount>NOK {fee.amount:.0f},-</div></div>"""
        for fee in fees
    )
    total = sum((fee.amount for fee in fees), Decimal(0))
    return f"""<html><head><style>
      @page {{ size: 260mm 150mm; margin: 6mm; }}
      body {{ font-family: DejaVu Sans; font-size: 11pt; background: #f4f5f7; }}
      h1 {{ font-size: 22pt; color: #083340; margin: 0; }}
      .cards {{ display: flex; flex-wrap: wrap; gap: 4mm; margin-top: 5mm; }}
      .card {{ width: 110mm; background: white; border-radius: 3mm; display: flex;
               align-items: center; padding: 2mm; }}
      .tile {{ width: 15mm; border: 1px solid #ccc; border-radius: 2mm; text-align: center; }}
      .tile b {{ display: block; font-size: 17pt; }}
      .tile i {{ display: block; font-style: normal; font-weight: bold; color: #b22;
                 font-size: 8pt; }}
      .tile small {{ display: block; color: #555; font-size: 8pt; }}
      .what {{ flex: 1; padding-left: 4mm; }}
      .amount {{ font-weight: bold; font-size: 13pt; }}
      .sum {{ margin-top: 5mm; background: #083340; color: white; border-radius: 3mm;
              padding: 3mm 4mm; display: flex; justify-content: space-between; font-weight: bold;
              font-size: 13pt; }}
    </style></head><body><h1>Betalte egenandeler</h1><p>{escape(name)}</p>
    <div class=cards>{cards}</div>
    <div class=sum><span>Akkumulert</span><span>NOK {total:.0f},-</span></div></body></html>"""


def photographed(pdf_bytes: bytes, *, dpi: int = 200) -> bytes:
    """The first page photographed on a dark table by a phone held at an angle: the sheet
    narrower at its top than at its foot and turned a little, as a JPEG."""
    document = pdfium.PdfDocument(pdf_bytes)
    sheet = document[0].render(scale=dpi / 72, grayscale=True).to_pil().convert("L")
    document.close()
    width, height = sheet.size
    margin = width // 8
    # Where the sheet's corners land in the photo (top left, top right, bottom right, bottom
    # left): its top edge a twentieth shorter and dropping to the right.
    corners = [
        (margin + width * 0.03, margin),
        (margin + width * 0.97, margin + height * 0.05),
        (margin + width, margin + height + height * 0.02),
        (margin, margin + height),
    ]
    # PIL's perspective transform maps each pixel of the photo back to the sheet.
    source = perspective_coefficients(corners, [(0, 0), (width, 0), (width, height), (0, height)])
    photo = Image.new("L", (width + 2 * margin, height + 2 * margin + height // 10), 70)
    flat = sheet.transform(
        photo.size, Image.Transform.PERSPECTIVE, source, Image.Resampling.BICUBIC, fillcolor=0
    )
    mask = Image.new("L", sheet.size, 255).transform(
        photo.size, Image.Transform.PERSPECTIVE, source, Image.Resampling.BILINEAR, fillcolor=0
    )
    photo.paste(flat, (0, 0), mask)
    out = io.BytesIO()
    photo.save(out, format="JPEG", quality=88)
    return out.getvalue()


def perspective_coefficients(
    to: list[tuple[float, float]], source: list[tuple[float, float]]
) -> tuple[float, ...]:
    """The eight coefficients of PIL's perspective transform that take each point of ``to``
    to the corresponding point of ``source``."""
    rows = []
    for (x, y), (u, v) in zip(to, source, strict=True):
        rows.append([x, y, 1, 0, 0, 0, -u * x, -u * y])
        rows.append([0, 0, 0, x, y, 1, -v * x, -v * y])
    solution = np.linalg.solve(np.array(rows), np.array([c for point in source for c in point]))
    return tuple(float(value) for value in solution)


WEEKDAYS = ("man.", "tir.", "ons.", "tor.", "fre.", "lør.", "søn.")
PANE_MONTHS = ("jan.", "feb.", "mar.", "apr.", "mai", "jun.", "jul.", "aug.", "sep.", "okt.")


def panes_html(fees: tuple[Fee, ...] = TILE_FEES[:3], *, name: str = "Aslak Ytterstad") -> str:
    """An app on a foldable's unfolded screen: a navigation rail on a grey ground, the list of
    fees (dated "14. mai · tor.", the year only in the title) and, behind a thin rule, the
    newest fee once more in a detail pane whose lines are spaced as the list's are not."""
    year = fees[0].day.year
    newest = max(fees, key=lambda fee: fee.day)

    def shown(fee: Fee) -> str:
        return f"{fee.day.day}. {PANE_MONTHS[fee.day.month - 1]} · {WEEKDAYS[fee.day.weekday()]}"

    cards = "".join(
        f"<div class=card><b>{shown(fee)}</b><span>kr. {fee.amount:.0f},-</span>"
        f"<div>{escape(fee.provider)}</div></div>"
        for fee in sorted(fees, key=lambda fee: fee.day, reverse=True)
    )
    total = sum((fee.amount for fee in fees), Decimal(0))
    return f"""<html><head><style>
      @page {{ size: 150mm 170mm; margin: 0; }}
      body {{ font-family: DejaVu Sans; font-size: 10pt; margin: 0; display: flex;
              height: 170mm; background: #fafafa; }}
      .rail {{ width: 30mm; background: #e9ecf2; padding: 5mm 3mm; line-height: 2.6; }}
      .list {{ width: 70mm; padding: 6mm 4mm; }}
      .detail {{ flex: 1; border-left: 1px solid #c8c8c8; padding: 9mm 4mm; line-height: 1.9; }}
      h1 {{ font-size: 15pt; margin: 0; }}
      .sum {{ border: 1px solid #ddd; border-radius: 3mm; padding: 2mm 3mm; margin: 3mm 0; }}
      .sum big {{ display: block; font-size: 16pt; font-weight: bold; }}
      .card {{ border: 1px solid #ddd; border-radius: 3mm; padding: 2mm 3mm; margin: 2mm 0; }}
      .card span {{ float: right; font-weight: bold; }}
      small {{ color: #555; display: block; }}
    </style></head><body>
    <div class=rail>Oversikt<br>Egenandeler<br>Frikort<br>Timer<br>Meldinger</div>
    <div class=list><h1>Egenandeler {year}</h1><div>{escape(name)}</div>
    <div class=sum>Registrert {year} <span style="float:right">av kr. 3.278,-</span>
    <big>kr. {total:.0f},-</big></div>{cards}</div>
    <div class=detail><h1>Detaljer</h1><small>Behandler</small>{escape(newest.provider)}
    <small>Dato og egenandel</small>{shown(newest)} {year}<br>kr. {newest.amount:.0f},-
    </div></body></html>"""


def screenshot(pdf_bytes: bytes, *, dpi: int = 250) -> bytes:
    """The first page as a phone's screenshot: rendered sharp, in colour, saved as PNG."""
    document = pdfium.PdfDocument(pdf_bytes)
    image = document[0].render(scale=dpi / 72).to_pil().convert("RGB")
    document.close()
    out = io.BytesIO()
    image.save(out, format="PNG")
    return out.getvalue()
