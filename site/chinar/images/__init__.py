"""Image renditions for the static build: AVIF/WebP/JPEG at several widths, focal-point crops,
metadata stripped, cached by the source's content hash.

Usage in the build::

    images = ImagePipeline(content / "media", output, cache / "images")
    pic = images.picture(record["portrait"], "portrait")   # while rendering pages
    og = images.og_image(record["portrait"])
    ...
    images.write()                                           # once, after rendering
    log.info("images %s", images.stats)
"""

from .pipeline import ImagePipeline, Picture, Rendition
from .source import ImageError
from .specs import SPECS, Spec

__all__ = ["SPECS", "ImageError", "ImagePipeline", "Picture", "Rendition", "Spec"]
