"""CMS media on S3 (issue 6): with a bucket configured, uploads go through django-storages to S3;
without one, to local disk (``MEDIA_ROOT``).

The S3 server is moto in server mode on 127.0.0.1 (real HTTP; nothing patched in-process). The
storage is configured by the same function the settings use on the environment
(``chinar_cms.settings.base.media_storage``), and images are uploaded through the admin's own
"Add an image" view, so the project's image model (metadata stripped) and form (alt text) run.
"""

from __future__ import annotations

import hashlib
import io
import json
import logging
import os
import subprocess
import sys
import uuid
from pathlib import Path
from urllib.parse import urlsplit

import boto3
import pytest
from media_helpers import GPS_IFD, assert_no_personal_data, download_original, photo_with_gps, publish_as_hero
from PIL import Image as PILImage

pytestmark = pytest.mark.django_db

log = logging.getLogger(__name__)

CMS_DIR = Path(__file__).resolve().parents[2] / "cms"
PREFIX = "media"  # AWS_LOCATION


@pytest.fixture(scope="module")
def s3_url():
    from moto.server import ThreadedMotoServer

    server = ThreadedMotoServer(ip_address="127.0.0.1", port=0, verbose=False)
    server.start()
    host, port = server.get_host_and_port()
    log.info("moto S3 server on %s:%s", host, port)
    yield f"http://{host}:{port}"
    server.stop()


@pytest.fixture
def aws_env(monkeypatch, tmp_path):
    """Credentials from the environment only (the standard chain), never the developer's own files."""
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "chinar-test")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "chinar-test-secret")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-aws-credentials"))
    for name in ("AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_PROFILE", "AWS_ENDPOINT_URL", "AWS_ENDPOINT_URL_S3"):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def bucket(s3_url, aws_env):
    """A fresh, empty bucket on the local S3 server; returns (boto3 client, bucket name)."""
    client = boto3.client("s3", endpoint_url=s3_url, region_name="us-east-1")
    name = f"chinar-media-{uuid.uuid4().hex[:12]}"
    client.create_bucket(Bucket=name)
    return client, name


@pytest.fixture
def local_media(settings, tmp_path):
    """An empty MEDIA_ROOT of this test's own."""
    settings.MEDIA_ROOT = str(tmp_path / "media")
    return tmp_path / "media"


def _configure_storage(settings, env: dict[str, str]):
    """Point STORAGES["default"] at what the settings would choose for ``env``; return the storage in use."""
    from chinar_cms.settings.base import media_storage
    from django.core.files.storage import default_storage, storages
    from wagtail.images import get_image_model

    settings.STORAGES = {**settings.STORAGES, "default": media_storage(env)}
    # Django drops its cached storages on setting_changed; check that the image field really sees the change.
    field_storage = get_image_model()._meta.get_field("file").storage
    # (lazy objects: __class__ is the class of the storage they stand for)
    assert field_storage.__class__ is default_storage.__class__ is storages["default"].__class__
    return field_storage


def _move_existing_media(client, bucket: str) -> None:
    """Copy the originals already in the CMS (the tiny catalog) into the bucket, as a switch to S3 does."""
    from chinar_cms.settings import test as test_settings
    from wagtail.images import get_image_model

    for image in get_image_model().objects.all():
        client.upload_file(str(Path(test_settings.MEDIA_ROOT) / image.file.name), bucket, f"{PREFIX}/{image.file.name}")


@pytest.fixture
def s3_storage(settings, bucket, s3_url, local_media):
    from storages.backends.s3 import S3Storage

    client, name = bucket
    _move_existing_media(client, name)
    env = {"AWS_STORAGE_BUCKET_NAME": name, "AWS_S3_ENDPOINT_URL": s3_url, "AWS_LOCATION": f"{PREFIX}/"}
    storage = _configure_storage(settings, env)
    assert isinstance(storage, S3Storage)
    assert (storage.bucket_name, storage.endpoint_url, storage.location) == (name, s3_url, PREFIX)
    return storage


def _upload_in_admin(client, title: str):
    """Upload a photo with GPS EXIF through the admin's "Add an image" form, as an editor does."""
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse
    from wagtail.images import get_image_model
    from wagtail.models import Collection

    client.force_login(get_user_model().objects.get(username="editor"))
    response = client.post(
        reverse("wagtailimages:add"),
        {
            "title": title,
            "description": "Papier-mache box on a workbench",
            "collection": Collection.get_first_root_node().pk,
            "file": SimpleUploadedFile("workshop.jpg", photo_with_gps(), content_type="image/jpeg"),
        },
    )
    assert response.status_code == 302, response.content.decode()[:2000]
    return get_image_model().objects.get(title=title)


def _assert_clean(data: bytes) -> None:
    stored = PILImage.open(io.BytesIO(data))
    stored.load()
    assert not stored.getexif()
    assert not stored.getexif().get_ifd(GPS_IFD)
    assert "exif" not in stored.info
    assert stored.size == (30, 40)  # turned upright before the orientation tag was dropped


def _keys(client, bucket: str) -> list[str]:
    listing = client.list_objects_v2(Bucket=bucket)
    return sorted(obj["Key"] for obj in listing.get("Contents", []))


def _files(root: Path) -> list[Path]:
    return sorted(p for p in root.rglob("*") if p.is_file()) if root.exists() else []


def test_upload_lands_in_the_bucket_without_gps(client, bucket, s3_storage, local_media):
    s3, name = bucket
    before = set(_keys(s3, name))
    image = _upload_in_admin(client, "Workshop on S3")

    key = f"{PREFIX}/{image.file.name}"
    assert image.file.name.startswith("original_images/")
    assert set(_keys(s3, name)) - before == {key}
    stored = s3.get_object(Bucket=name, Key=key)["Body"].read()
    _assert_clean(stored)
    assert (image.width, image.height) == (30, 40)
    assert image.file_hash == hashlib.sha1(stored).hexdigest()  # the API's src names this content

    # Renditions (admin thumbnails, preview) are stored next to the originals.
    rendition = image.get_rendition("fill-20x20")
    assert f"{PREFIX}/{rendition.file.name}" in _keys(s3, name)
    assert urlsplit(rendition.url).netloc == urlsplit(s3_storage.endpoint_url).netloc  # signed S3 link

    assert _files(local_media) == []  # nothing written to MEDIA_ROOT

    publish_as_hero(image)
    content_type, original = download_original(client, image)
    assert content_type == "image/jpeg"
    assert original == stored


def test_multiple_upload_puts_nothing_with_gps_in_the_bucket(client, bucket, s3_storage, local_media):
    """"Add images": the file waiting for its alt text (wagtail_uploads/) and the image made from it
    reach the bucket without metadata, a HEIC photo as a JPEG; every object in the bucket is clean."""
    from django.contrib.auth import get_user_model
    from django.core.files.uploadedfile import SimpleUploadedFile
    from django.urls import reverse
    from wagtail.images import get_image_model
    from wagtail.models import Collection, UploadedFile

    s3, name = bucket
    client.force_login(get_user_model().objects.get(username="editor"))
    collection = Collection.get_first_root_node().pk
    response = client.post(reverse("wagtailimages:add_multiple"), {
        "collection": collection,
        "files[]": SimpleUploadedFile("IMG_0042.HEIC", photo_with_gps("HEIF"), content_type="image/heic"),
    }, headers={"x-requested-with": "XMLHttpRequest"})
    pending = UploadedFile.objects.get(pk=response.json()["uploaded_file_id"])
    key = f"{PREFIX}/{pending.file.name}"
    assert pending.file.name.startswith("wagtail_uploads/") and key.endswith(".jpg")
    waiting = s3.get_object(Bucket=name, Key=key)["Body"].read()
    assert_no_personal_data(waiting, key)

    prefix = f"uploaded-image-{pending.pk}"
    response = client.post(reverse("wagtailimages:create_multiple_from_uploaded_image", args=[pending.pk]), {
        f"{prefix}-title": "Bulk on S3", f"{prefix}-description": "Walnut carving", f"{prefix}-collection": collection,
    }, headers={"x-requested-with": "XMLHttpRequest"})
    assert response.json()["success"], response.json()
    image = get_image_model().objects.get(title="Bulk on S3")
    assert key not in _keys(s3, name)  # the pending copy is gone
    for stored_key in _keys(s3, name):
        assert_no_personal_data(s3.get_object(Bucket=name, Key=stored_key)["Body"].read(), stored_key)
    assert f"{PREFIX}/{image.file.name}" in _keys(s3, name)
    assert _files(local_media) == []


def test_no_bucket_means_local_disk(client, bucket, settings, local_media):
    import shutil

    from chinar_cms.settings import test as test_settings
    from django.core.files.storage import FileSystemStorage

    s3, name = bucket
    shutil.copytree(test_settings.MEDIA_ROOT, local_media)  # the tiny catalog's originals, in our own copy
    before = set(_files(local_media))
    # An endpoint alone configures nothing: only a bucket name switches to S3.
    storage = _configure_storage(settings, {"AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9"})
    assert isinstance(storage, FileSystemStorage)

    image = _upload_in_admin(client, "Workshop on disk")
    path = local_media / image.file.name
    assert set(_files(local_media)) - before == {path}
    _assert_clean(path.read_bytes())
    assert _keys(s3, name) == []

    publish_as_hero(image)
    content_type, original = download_original(client, image)
    assert content_type == "image/jpeg"
    assert original == path.read_bytes()


def test_settings_choose_the_storage_from_the_environment(tmp_path):
    """What each settings module puts in STORAGES["default"] for a given environment (fresh process)."""
    code = (
        "import json, chinar_cms.settings.base as base, chinar_cms.settings.test as test;"
        "print(json.dumps([base.STORAGES['default'], test.STORAGES['default']]))"
    )

    def storages_for(env: dict[str, str]) -> list[dict]:
        clean = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
        out = subprocess.run(
            [sys.executable, "-c", code], cwd=CMS_DIR, env={**clean, **env}, capture_output=True, text=True, check=True
        )
        return json.loads(out.stdout)

    local = {"BACKEND": "chinar_cms.base.storage.LocalMediaStorage"}
    assert storages_for({}) == [local, local]

    base, test = storages_for(
        {
            "AWS_STORAGE_BUCKET_NAME": "chinar-media",
            "AWS_S3_ENDPOINT_URL": "http://127.0.0.1:9000",
            "AWS_S3_REGION_NAME": "ap-south-1",
            "AWS_LOCATION": "media/",
            "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE",
            "AWS_SECRET_ACCESS_KEY": "not-a-setting",
        }
    )
    assert base["BACKEND"] == "chinar_cms.base.storage.S3MediaStorage"
    options = base["OPTIONS"]
    assert options["bucket_name"] == "chinar-media"
    assert options["endpoint_url"] == "http://127.0.0.1:9000"
    assert options["region_name"] == "ap-south-1"
    assert options["location"] == "media"
    assert options["addressing_style"] == "path"
    assert (options["default_acl"], options["file_overwrite"], options["querystring_auth"]) == (None, False, True)
    assert "not-a-setting" not in json.dumps(base)  # credentials stay with boto3's chain
    assert test == local  # the test settings never write to a bucket named in the shell
