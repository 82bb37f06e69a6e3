"""Demo product pictures, drawn with Pillow at seed time (no download): a card in a colour of the product's HS
chapter, a simple shape, and the product's name, so that the demo catalogue's galleries and cards are not empty."""

import hashlib
import io
import textwrap

from PIL import Image, ImageDraw, ImageFont

SIZE = (480, 360)
PALETTE = ["#0b6e4f", "#1f6feb", "#8250df", "#bf3989", "#cf222e", "#bc4c00", "#9a6700", "#116329", "#0969da",
           "#6639ba", "#953800", "#1b7c83"]


def _pick(key: str, count: int) -> int:
    return int(hashlib.sha256(key.encode()).hexdigest(), 16) % count


def _ring(draw: ImageDraw.ImageDraw, box: tuple[float, float, float, float], colour: str) -> None:
    left, top, right, bottom = box
    draw.ellipse(box, fill="#ffffff")
    inset = (right - left) / 4
    draw.ellipse((left + inset, top + inset, right - inset, bottom - inset), fill=colour)


def _crate(draw: ImageDraw.ImageDraw, box: tuple[float, float, float, float], colour: str) -> None:
    left, top, right, bottom = box
    draw.rounded_rectangle(box, radius=16, fill="#ffffff")
    draw.rectangle((left + 24, top + 24, right - 24, bottom - 24), fill=colour)


def _stack(draw: ImageDraw.ImageDraw, box: tuple[float, float, float, float], colour: str) -> None:
    left, top, right, bottom = box
    step = (bottom - top) / 4
    for row in range(4):
        inset = row * 9
        draw.rounded_rectangle((left + inset, top + row * step + 6, right - inset, top + (row + 1) * step - 6),
                               radius=10, fill="#ffffff" if row % 2 == 0 else "#dfe6ee")


def _peak(draw: ImageDraw.ImageDraw, box: tuple[float, float, float, float], colour: str) -> None:
    left, top, right, bottom = box
    draw.polygon([((left + right) / 2, top), (right, bottom), (left, bottom)], fill="#ffffff")
    draw.ellipse((right - 44, top, right, top + 44), fill="#ffffff")


SHAPES = (_ring, _crate, _stack, _peak)


def _font(size: int) -> ImageFont.FreeTypeFont | ImageFont.ImageFont:
    return ImageFont.load_default(size=size)


def draw_product_image(title: str, hs_code: str | None, variant: int = 0) -> bytes:
    """A PNG for a demo listing: its chapter decides the colour, `variant` the shape (a second gallery image)."""
    colour = PALETTE[_pick((hs_code or "00")[:2], len(PALETTE))]
    image = Image.new("RGB", SIZE, "#f5f7fa")
    draw = ImageDraw.Draw(image)
    width, height = SIZE
    draw.rectangle((0, 0, width, height * 0.62), fill=colour)
    shape = SHAPES[(_pick(title, len(SHAPES)) + variant) % len(SHAPES)]
    shape(draw, (width * 0.32, height * 0.08, width * 0.68, height * 0.55), colour)
    lines = textwrap.wrap(title, width=30)[:3]
    top = height * 0.66
    for line in lines:
        draw.text((24, top), line, fill="#1f2933", font=_font(22))
        top += 28
    if hs_code:
        draw.text((24, height - 30), f"HS {hs_code[:4]}.{hs_code[4:]}", fill="#616e7c", font=_font(15))
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def draw_logo(name: str) -> bytes:
    """A demo company's logo: its initials on a rounded square in a colour of its own."""
    image = Image.new("RGBA", (256, 256), (0, 0, 0, 0))
    draw = ImageDraw.Draw(image)
    draw.rounded_rectangle((8, 8, 248, 248), radius=48, fill=PALETTE[_pick(name, len(PALETTE))])
    initials = "".join(word[0] for word in name.split() if word[:1].isalpha())[:2].upper() or "?"
    draw.text((128, 128), initials, fill="#ffffff", font=_font(104), anchor="mm")
    out = io.BytesIO()
    image.save(out, "PNG")
    return out.getvalue()


def draw_certificate(lines: list[str]) -> bytes:
    """A one-page PDF that looks like a scanned certificate: the demo's verification evidence."""
    page = Image.new("RGB", (620, 820), "#fdfbf3")
    draw = ImageDraw.Draw(page)
    draw.rectangle((20, 20, 600, 800), outline="#8a6d1f", width=6)
    draw.text((310, 90), "CERTIFICATE", fill="#1f2933", font=_font(40), anchor="mm")
    for number, line in enumerate(lines):
        draw.text((60, 170 + number * 42), line, fill="#1f2933", font=_font(20))
    out = io.BytesIO()
    page.save(out, "PDF", resolution=72)
    return out.getvalue()
