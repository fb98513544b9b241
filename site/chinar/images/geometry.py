"""Pure crop and size arithmetic (no files, no Pillow): easy to test, identical in every process.

Coordinates are in pixels of the *oriented* source (after EXIF orientation is applied), which is
how an editor sees the photo when choosing the focal point in the CMS.
"""

from __future__ import annotations

Box = tuple[int, int, int, int]
Size = tuple[int, int]


def _clamp(value: int, low: int, high: int) -> int:
    return max(low, min(high, value))


def crop_box(size: Size, aspect: tuple[int, int] | None, focal: tuple[float, float] = (0.5, 0.5)) -> Box:
    """The largest box of ``aspect`` inside ``size``, as centred on ``focal`` as the bounds allow.

    ``focal`` is (x, y) as fractions of the width and height. With ``aspect`` None the whole image
    is the box. The box always contains the focal point, because it spans the full width or the
    full height and is only shifted as far as needed to stay inside the image.
    """
    width, height = size
    if aspect is None:
        return (0, 0, width, height)
    aw, ah = aspect
    if width * ah > height * aw:  # source is wider than the target: full height, cut the sides
        box_w, box_h = _clamp(round(height * aw / ah), 1, width), height
    else:  # source is taller (or equal): full width, cut top and bottom
        box_w, box_h = width, _clamp(round(width * ah / aw), 1, height)
    left = _clamp(round(focal[0] * width - box_w / 2), 0, width - box_w)
    top = _clamp(round(focal[1] * height - box_h / 2), 0, height - box_h)
    return (left, top, left + box_w, top + box_h)


def output_sizes(box: Box, aspect: tuple[int, int] | None, widths: tuple[int, ...]) -> list[Size]:
    """(width, height) of each rendition of ``box``, never wider or taller than the box itself.

    Widths larger than the box are dropped; if that drops them all, one rendition at the box's own
    width is kept, so every image gets at least one file and none is upscaled.
    """
    box_w, box_h = box[2] - box[0], box[3] - box[1]
    kept = [w for w in widths if w <= box_w] or [min(widths[0], box_w)]
    sizes: list[Size] = []
    for w in kept:
        h = round(w * aspect[1] / aspect[0]) if aspect else round(w * box_h / box_w)
        size = (w, _clamp(h, 1, box_h))
        if size not in sizes:
            sizes.append(size)
    return sizes
