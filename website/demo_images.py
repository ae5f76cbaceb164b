"""Illustrative placeholder images drawn locally with Pillow (no downloads), credited as such."""

import hashlib
import io

from django.core.files.images import ImageFile
from PIL import Image as PILImage
from PIL import ImageDraw

from .models import CustomImage

PALETTES = [
    ((11, 85, 99), (246, 241, 234), (194, 65, 12)),
    ((8, 62, 72), (253, 232, 220), (22, 101, 52)),
    ((27, 31, 36), (246, 241, 234), (11, 85, 99)),
    ((22, 101, 52), (246, 241, 234), (194, 65, 12)),
]


def draw_placeholder(seed, size=(1600, 900)):
    """A calm abstract landscape (horizon, hills, sun), varied by `seed`."""
    digest = hashlib.sha256(seed.encode()).digest()
    dark, light, accent = PALETTES[digest[0] % len(PALETTES)]
    width, height = size
    image = PILImage.new("RGB", size, light)
    draw = ImageDraw.Draw(image)
    horizon = int(height * (0.45 + digest[1] / 255 * 0.2))
    for y in range(horizon):  # sky gradient
        t = y / horizon
        draw.line([(0, y), (width, y)], fill=tuple(int(light[i] * (1 - t * 0.25)) for i in range(3)))
    sun_x = int(width * (0.15 + digest[2] / 255 * 0.7))
    radius = int(height * 0.09)
    draw.ellipse([sun_x - radius, horizon - 2 * radius, sun_x + radius, horizon], fill=accent)
    for layer in range(3):  # hills, back to front
        shade = tuple(int(dark[i] + (light[i] - dark[i]) * (0.5 - layer * 0.2)) for i in range(3))
        points = [(0, height)]
        for step in range(9):
            x = width * step / 8
            y = horizon + layer * height * 0.1 - (digest[3 + layer * 8 + step] / 255) * height * 0.12
            points.append((x, y))
        points.append((width, height))
        draw.polygon(points, fill=shade)
    return image


def placeholder_image(title, seed=None, size=(1600, 900)):
    """Get or create a CustomImage with a generated picture; the title is its identity."""
    existing = CustomImage.objects.filter(title=title).first()
    if existing:
        return existing
    buffer = io.BytesIO()
    draw_placeholder(seed or title, size).save(buffer, format="JPEG", quality=82)
    slug = hashlib.sha1(title.encode()).hexdigest()[:10]
    image = CustomImage(title=title, credit="Placeholder illustration / illustratie (demo content)")
    image.file = ImageFile(io.BytesIO(buffer.getvalue()), name=f"demo-{slug}.jpg")
    image.save()
    return image
