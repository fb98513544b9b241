"""`chinar deploy` against a real S3-compatible server (moto over HTTP on 127.0.0.1).

Trees are generated here (see deploy_helpers.site_v1/site_v2) so these tests do not depend on the
build; the rebuild-one-artisan case with the real build lives in test_deploy_build.py.
"""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import uuid
from pathlib import Path

import boto3
import pytest
from botocore.config import Config
from deploy_helpers import (
    MANIFEST,
    S3Server,
    bucket_objects,
    missing_assets,
    replay,
    site_v1,
    site_v2,
    write_tree,
)

from chinar.cli import main

IMMUTABLE = "public, max-age=31536000, immutable"
REVALIDATE = "public, max-age=0, must-revalidate"
EXPECTED_TYPES = {
    ".html": "text/html; charset=utf-8", ".css": "text/css; charset=utf-8",
    ".js": "text/javascript; charset=utf-8", ".map": "application/json; charset=utf-8",
    ".json": "application/json; charset=utf-8", ".xml": "application/xml; charset=utf-8",
    ".txt": "text/plain; charset=utf-8", ".svg": "image/svg+xml; charset=utf-8",
    ".avif": "image/avif", ".webp": "image/webp", ".jpg": "image/jpeg", ".png": "image/png",
    ".ico": "image/x-icon", ".woff2": "font/woff2",
    ".webmanifest": "application/manifest+json; charset=utf-8",
}


@pytest.fixture(scope="module")
def server():
    s = S3Server()
    yield s
    s.stop()


@pytest.fixture(autouse=True)
def aws_env(monkeypatch, tmp_path):
    """Credentials only through the standard chain: here, the environment (moto accepts any)."""
    for var in [v for v in os.environ if v.startswith("AWS_")]:
        monkeypatch.delenv(var)
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "testing")
    monkeypatch.setenv("AWS_SECRET_ACCESS_KEY", "testing")
    monkeypatch.setenv("AWS_DEFAULT_REGION", "us-east-1")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(tmp_path / "no-aws-config"))
    monkeypatch.setenv("AWS_SHARED_CREDENTIALS_FILE", str(tmp_path / "no-aws-credentials"))
    monkeypatch.setenv("AWS_EC2_METADATA_DISABLED", "true")
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "3")  # keep injected-failure tests quick


@pytest.fixture
def s3(server):
    server.faults.reset()
    return boto3.client("s3", endpoint_url=server.url, config=Config(s3={"addressing_style": "path"},
                                                                      retries={"total_max_attempts": 1}))


@pytest.fixture
def bucket(s3, server):
    name = f"chinar-{uuid.uuid4().hex[:12]}"
    s3.create_bucket(Bucket=name)
    server.faults.reset()
    return name


def deploy(server, bucket, output: Path, *extra: str, prefix: str = "") -> int:
    target = f"s3://{bucket}/{prefix}" if prefix else f"s3://{bucket}"
    return main(["deploy", target, "--output", str(output), "--endpoint-url", server.url, "--workers", "4",
                 *extra])


def uploaded_keys(server) -> list[str]:
    return sorted(k for op, k in server.faults.writes if op == "put" and not k.endswith(MANIFEST))


def rel_keys(keys, prefix: str = "") -> list[str]:
    return sorted(k.removeprefix(prefix) for k in keys)


def test_first_deploy_uploads_every_file_with_type_and_cache_control(server, s3, bucket, tmp_path, capsys):
    files = site_v1()
    out = write_tree(tmp_path / "out", files)

    assert deploy(server, bucket, out) == 0

    assert uploaded_keys(server) == sorted(files)
    assert bucket_objects(s3, bucket) == files
    for rel in files:
        head = s3.head_object(Bucket=bucket, Key=rel)
        suffix = Path(rel).suffix
        expected_type = ("application/atom+xml; charset=utf-8" if rel == "stories/feed.xml"
                         else "text/plain; charset=utf-8" if rel == "_redirects" else EXPECTED_TYPES[suffix])
        assert head["ContentType"] == expected_type, rel
        immutable = rel.startswith(("static/", "img/"))
        assert head["CacheControl"] == (IMMUTABLE if immutable else REVALIDATE), rel
        assert len(head["Metadata"]["sha256"]) == 64
    summary = capsys.readouterr().out
    assert f"uploaded {len(files)} files" in summary and "unchanged 0, deleted 0" in summary


def test_upload_order_assets_then_data_then_pages_then_entry_files(server, bucket, tmp_path):
    out = write_tree(tmp_path / "out", site_v1())
    assert deploy(server, bucket, out) == 0

    order = [k for op, k in server.faults.writes if op == "put" and not k.endswith(MANIFEST)]

    def rank(k: str) -> int:
        if k.endswith(".html"):
            return 3
        if k.endswith((".xml", "robots.txt", "_redirects")):
            return 4
        if k.endswith((".json", ".webmanifest")):
            return 2
        return 1

    ranks = [rank(k) for k in order]
    assert ranks == sorted(ranks), order


def test_second_deploy_uploads_nothing_even_when_every_mtime_changed(server, bucket, tmp_path, capsys):
    files = site_v1()
    out = write_tree(tmp_path / "out", files)
    assert deploy(server, bucket, out) == 0
    server.faults.reset()
    for p in out.rglob("*"):
        os.utime(p, (1, 1))  # as if the build rewrote every file

    assert deploy(server, bucket, out) == 0

    assert uploaded_keys(server) == []
    assert f"uploaded 0 files (0 B), unchanged {len(files)}, deleted 0" in capsys.readouterr().out


def test_only_changed_files_upload_including_a_same_size_edit(server, s3, bucket, tmp_path):
    files = site_v1()
    out = write_tree(tmp_path / "out", files)
    assert deploy(server, bucket, out, prefix="www") == 0
    server.faults.reset()

    edited = dict(files)
    edited["artisans/shazia-akhter/index.html"] = files["artisans/shazia-akhter/index.html"].replace(
        b"<h1>Shazia</h1>", b"<h1>Shazia Akhter</h1>")
    # Same size, same mtime: only the content hash can tell.
    edited["search-index/t-0.json"] = files["search-index/t-0.json"].replace(b"2.5", b"2.6")
    write_tree(out, edited)
    os.utime(out / "search-index/t-0.json", (1, 1))

    assert deploy(server, bucket, out, prefix="www") == 0

    assert rel_keys(uploaded_keys(server), "www/") == [
        "artisans/shazia-akhter/index.html", "search-index/t-0.json"]
    assert bucket_objects(s3, bucket, "www/") == edited


def test_changed_cache_rule_reuploads_even_with_same_bytes(server, s3, bucket, tmp_path):
    files = site_v1()
    out = write_tree(tmp_path / "out", files)
    assert deploy(server, bucket, out) == 0
    server.faults.reset()
    toml = tmp_path / "netlify.toml"
    toml.write_text(Path(__file__).parents[1].joinpath("netlify.toml").read_text()
                    + '\n[[headers]]\n  for = "/search-index/*"\n  [headers.values]\n'
                      '    Cache-Control = "public, max-age=31536000, immutable"\n')

    assert deploy(server, bucket, out, "--netlify-toml", str(toml)) == 0

    assert rel_keys(uploaded_keys(server)) == ["search-index/meta.json", "search-index/t-0.json"]
    assert s3.head_object(Bucket=bucket, Key="search-index/meta.json")["CacheControl"] == IMMUTABLE


def test_delete_removes_stale_objects_and_only_those(server, s3, bucket, tmp_path):
    v1 = site_v1()
    out = write_tree(tmp_path / "out", v1)
    assert deploy(server, bucket, out) == 0
    s3.put_object(Bucket=bucket, Key="media/uploaded-by-cms.jpg", Body=b"not ours")
    v2 = site_v2(v1)
    write_tree(out, v2)
    server.faults.reset()

    assert deploy(server, bucket, out) == 0  # without --delete: stale objects stay
    assert set(bucket_objects(s3, bucket)) == set(v2) | set(v1) | {"media/uploaded-by-cms.jpg"}
    server.faults.reset()

    assert deploy(server, bucket, out, "--delete") == 0

    deleted = sorted(k for op, k in server.faults.writes if op == "delete")
    assert rel_keys(deleted) == ["hi/index.html", "static/site.5f1c2a9e.css"]
    assert uploaded_keys(server) == []
    # Only objects an earlier deploy put there are ours to delete.
    assert bucket_objects(s3, bucket) == {**v2, "media/uploaded-by-cms.jpg": b"not ours"}


def test_dry_run_changes_nothing_and_says_what_would(server, s3, bucket, tmp_path, capsys):
    v1 = site_v1()
    out = write_tree(tmp_path / "out", v1)
    assert deploy(server, bucket, out) == 0
    write_tree(out, site_v2(v1))
    server.faults.reset()
    capsys.readouterr()

    assert deploy(server, bucket, out, "--delete", "--dry-run") == 0

    assert server.faults.writes == []
    assert bucket_objects(s3, bucket) == v1
    printed = capsys.readouterr().out
    assert "would upload (changed) products/sozni-stole/index.html" in printed
    assert "would upload (new) static/site.c0ffee42.css" in printed
    assert "would delete hi/index.html" in printed
    assert "would upload (new) artisans/rafiq-mir/index.html" in printed
    assert "robots.txt" not in printed


def test_retries_ride_out_throttling(server, s3, bucket, tmp_path):
    files = site_v1()
    out = write_tree(tmp_path / "out", files)
    server.faults.throttle_every = 6

    assert deploy(server, bucket, out) == 0

    assert server.faults.throttled >= 3
    assert bucket_objects(s3, bucket) == files


# v2 uploads 14 files: 5 assets (phase 1), 1 data file (2), 7 pages (3), 1 sitemap (4), then
# writes the deploy manifest (15 PUTs), then deletes 2 stale objects. These K stop it among the
# assets (2), on the data file (5), among the pages (9), on the sitemap (13), on the manifest (14)
# and at the deletions (15).
@pytest.mark.parametrize("k", [2, 5, 9, 13, 14, 15])
def test_failure_after_k_uploads_never_leaves_a_page_without_its_assets(server, s3, bucket, tmp_path,
                                                                       capsys, monkeypatch, k):
    monkeypatch.setenv("AWS_MAX_ATTEMPTS", "2")  # every failing request is still retried once
    v1 = site_v1()
    out = write_tree(tmp_path / "out", v1)
    assert deploy(server, bucket, out) == 0
    v2 = site_v2(v1)
    write_tree(out, v2)
    server.faults.reset()
    server.faults.fail_after = k
    capsys.readouterr()

    code = deploy(server, bucket, out, "--delete")

    assert code != 0
    err = capsys.readouterr().err.strip().splitlines()
    assert len(err) == 1 and err[0].startswith("chinar deploy: error: "), err
    assert "HTTP 500 InternalError" in err[0] and err[0].endswith("rerun to finish"), err
    if k < 15:
        assert "nothing was deleted" in err[0] or "0 deletions done" in err[0], err
    else:
        assert err[0].startswith("chinar deploy: error: deleting stale objects failed"), err
    assert not [w for w in server.faults.writes if w[0] == "delete"]
    # At every moment of the failed deploy, in the order the server completed the writes:
    for i, state in replay(v1, server.faults.writes, v2):
        assert missing_assets(state) == {}, f"after write {i}: {server.faults.writes[i]}"
    after = bucket_objects(s3, bucket)
    assert missing_assets(after) == {}
    assert set(v1) <= set(after)  # nothing deleted

    done_before = set(uploaded_keys(server))
    server.faults.reset()
    assert deploy(server, bucket, out, "--delete") == 0
    assert bucket_objects(s3, bucket) == v2
    # The rerun uploads only what the failed run did not (object metadata says what is there,
    # even though the failing server also refused the manifest).
    changed = {k for k in v2 if v1.get(k) != v2[k]}
    assert set(uploaded_keys(server)) == changed - done_before
    server.faults.reset()
    assert deploy(server, bucket, out, "--delete") == 0
    assert server.faults.writes == []


def test_converges_even_when_the_manifest_is_lost(server, s3, bucket, tmp_path):
    v1 = site_v1()
    out = write_tree(tmp_path / "out", v1)
    assert deploy(server, bucket, out) == 0
    s3.delete_object(Bucket=bucket, Key=MANIFEST)
    server.faults.reset()

    assert deploy(server, bucket, out) == 0

    assert uploaded_keys(server) == []  # object metadata still says what each holds


def test_nonexistent_bucket_is_a_clear_error(server, s3, tmp_path, capsys):
    out = write_tree(tmp_path / "out", site_v1())

    code = deploy(server, "no-such-bucket-here", out, "--delete")

    assert code == 1
    err = capsys.readouterr().err.strip()
    assert err == f"chinar deploy: error: bucket 'no-such-bucket-here' does not exist at {server.url}"
    assert server.faults.writes == []


def test_bad_credentials_are_a_clear_error_and_nothing_is_deleted(server, s3, bucket, tmp_path, capsys,
                                                                  monkeypatch):
    v1 = site_v1()
    out = write_tree(tmp_path / "out", v1)
    assert deploy(server, bucket, out) == 0
    write_tree(out, site_v2(v1))
    server.faults.reset()
    monkeypatch.setenv("AWS_ACCESS_KEY_ID", "AKIAWRONGWRONGWRONG0")
    # moto checks credentials against its IAM users once authentication is switched on.
    import requests
    requests.post(f"{server.url}/moto-api/reset-auth", data=b"0").raise_for_status()
    try:
        code = deploy(server, bucket, out, "--delete")
    finally:
        requests.post(f"{server.url}/moto-api/reset-auth", data=b"inf").raise_for_status()

    assert code == 1
    err = capsys.readouterr().err.strip()
    assert err.startswith(f"chinar deploy: error: the credentials were rejected by {server.url} "
                          "(InvalidAccessKeyId)"), err
    assert server.faults.writes == []
    assert bucket_objects(s3, bucket) == v1


def test_missing_credentials_are_a_clear_error(server, bucket, tmp_path, capsys, monkeypatch):
    out = write_tree(tmp_path / "out", site_v1())
    monkeypatch.delenv("AWS_ACCESS_KEY_ID")
    monkeypatch.delenv("AWS_SECRET_ACCESS_KEY")

    assert deploy(server, bucket, out) == 1

    assert capsys.readouterr().err.strip() == (
        "chinar deploy: error: no AWS credentials found (looked in the environment, the shared "
        "config/profile and the instance role)")


def test_refused_connection_is_a_clear_error_from_the_command_line(tmp_path):
    out = write_tree(tmp_path / "out", site_v1())
    with socket.socket() as sock:  # a port nobody listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    env = {**os.environ, "AWS_MAX_ATTEMPTS": "2"}

    proc = subprocess.run([Path(sys.executable).with_name("chinar"), "deploy", "s3://chinar-site",
                           "--output", str(out), "--endpoint-url", f"http://127.0.0.1:{port}", "--delete"],
                          capture_output=True, text=True, env=env, timeout=60)

    assert proc.returncode == 1
    assert proc.stderr.strip().splitlines()[-1] == (
        f"chinar deploy: error: cannot connect to http://127.0.0.1:{port}: connection refused or unreachable")
    assert proc.stdout == ""


def test_missing_output_directory_is_a_clear_error(server, bucket, tmp_path, capsys):
    assert deploy(server, bucket, tmp_path / "nope") == 1
    assert "output directory" in capsys.readouterr().err


def test_shards_upload_their_assets_and_the_merge_makes_the_pages_live(server, s3, bucket, tmp_path):
    """A sharded build in CI: each shard uploads its content-named assets (``--assets-only``: nothing else,
    nothing deleted, the deploy manifest left alone); the merge's deploy then finds them there and makes the
    pages live, each naming only assets already in the bucket."""
    files = site_v1()
    assets = {rel: body for rel, body in files.items() if rel.startswith(("static/", "img/"))}
    halves = [dict(list(assets.items())[::2]), dict(list(assets.items())[1::2])]
    for n, half in enumerate(halves):  # each shard's folder also holds pages: they must not go up
        shard = write_tree(tmp_path / f"shard-{n}", {**half, f"shard-{n}/index.html": b"<p>not yet</p>"})
        assert deploy(server, bucket, shard, "--assets-only", "--delete") == 0
    assert bucket_objects(s3, bucket) == assets  # the assets only
    assert MANIFEST not in [o["Key"] for o in s3.list_objects_v2(Bucket=bucket).get("Contents", [])]
    server.faults.writes.clear()
    assert deploy(server, bucket, write_tree(tmp_path / "merged", files), "--delete") == 0
    assert bucket_objects(s3, bucket) == files
    assert not set(uploaded_keys(server)) & set(assets)  # already there: not uploaded again
    assert missing_assets(bucket_objects(s3, bucket, html_only=True)) == {}
