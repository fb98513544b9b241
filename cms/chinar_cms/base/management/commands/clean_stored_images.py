"""``manage.py clean_stored_images [--dry-run]``: clean originals stored before every path cleaned them.

Until issue 18, Wagtail's multiple upload stored originals (and the uploads waiting for their alt
text) with their EXIF/XMP: GPS, camera, owner. The API refuses to serve such an original; this
command stores each one again through ``images.prepare_original`` (no metadata, upright, within the
build's limits), removes the old file and its renditions, and cleans pending uploads in place. Run it
once after upgrading; running it again finds nothing to do. An original that cannot be read is
reported and left as it is (an editor must replace it).
"""

from __future__ import annotations

import os

from django.core.files.base import ContentFile
from django.core.management.base import BaseCommand
from wagtail.images import get_image_model
from wagtail.models import UploadedFile

from chinar_cms.base.images import ImageRejected, is_clean_original, prepare_original


class Command(BaseCommand):
    help = "Store again, without metadata, every image original or pending upload that still has it."

    def add_arguments(self, parser):
        parser.add_argument("--dry-run", action="store_true", help="only list what would be cleaned")

    def handle(self, *args, dry_run: bool = False, **options):
        cleaned = failed = 0
        for image in get_image_model().objects.order_by("pk"):
            with image.open_file() as fh:
                data = fh.read()
            if is_clean_original(data):
                continue
            old = image.file.name
            try:
                prepared = prepare_original(data, os.path.basename(old))
            except ImageRejected as exc:
                failed += 1
                self.stderr.write(f"image {image.pk} ({old}): cannot be cleaned, replace it: {exc}")
                continue
            cleaned += 1
            verb = "would be" if dry_run else "is"
            self.stdout.write(f"image {image.pk}: {old} {verb} stored again without metadata")
            if dry_run:
                continue
            image.renditions.all().delete()
            image.file.save(prepared.name, ContentFile(prepared.data), save=False)
            image.width, image.height = prepared.size
            image._set_image_file_metadata()
            image.save()
            image.file.storage.delete(old)
        for upload in UploadedFile.objects.order_by("pk"):
            with upload.file.open("rb") as fh:
                data = fh.read()
            if is_clean_original(data):
                continue
            cleaned += 1
            self.stdout.write(f"pending upload {upload.pk}: {upload.file.name} {'would be' if dry_run else 'is'} "
                              "stored again without metadata")
            if dry_run:
                continue
            old = upload.file.name
            try:
                upload.file.save(os.path.basename(old), ContentFile(data), save=True)  # the storage cleans it
            except ImageRejected as exc:
                self.stderr.write(f"pending upload {upload.pk} ({old}): unreadable, deleted: {exc}")
                upload.delete()
            upload.file.storage.delete(old)
        self.stdout.write(f"{cleaned} file(s) {'to clean' if dry_run else 'cleaned'}, {failed} cannot be cleaned")
        return None
