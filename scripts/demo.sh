#!/usr/bin/env bash
# `make demo`: the whole pipeline on the embedded defaults, on this machine only.
#   1. the CMS: migrate its SQLite database, load the shipped demo catalog (first run only), start it;
#   2. pull the published catalog from its API into .cache/demo-content (the content contract);
#   3. build the static site from that snapshot into output/;
#   4. serve the site, and print both URLs. Ctrl-C stops both servers.
# The demo users and their local-only passwords are in docs/cms.md.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$PWD/.venv/bin
CMS_PORT=${CMS_PORT:-8001}
SITE_PORT=${SITE_PORT:-8000}
SNAPSHOT=.cache/demo-content
mkdir -p .cache

echo "== CMS: migrate and load the demo catalog"
(cd cms && "$BIN/python" manage.py migrate --noinput -v 0)
if [ "$(cd cms && "$BIN/python" manage.py shell -v 0 -c 'from chinar_cms.artisans.models import ArtisanPage; print(ArtisanPage.objects.exists())')" != "True" ]; then
  (cd cms && "$BIN/python" manage.py load_demo)
fi

echo "== CMS: starting on http://127.0.0.1:$CMS_PORT/"
(cd cms && exec "$BIN/python" manage.py runserver --noreload "127.0.0.1:$CMS_PORT" >../.cache/demo-cms.log 2>&1) &
CMS_PID=$!
trap 'kill $CMS_PID 2>/dev/null || true' EXIT INT TERM
for _ in $(seq 1 120); do
  if "$BIN/python" -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$CMS_PORT/api/v2/pages/?limit=1', timeout=2)" 2>/dev/null; then break; fi
  kill -0 $CMS_PID 2>/dev/null || { cat .cache/demo-cms.log; echo "the CMS did not start"; exit 1; }
  sleep 1
done

echo "== pull: CMS API -> $SNAPSHOT"
"$BIN/chinar" pull --api "http://127.0.0.1:$CMS_PORT/api/v2/" --out "$SNAPSHOT"

echo "== build: $SNAPSHOT -> output/ (the first build encodes every image: a few minutes)"
"$BIN/chinar" build --content "$SNAPSHOT" --output output --base-url "http://127.0.0.1:$SITE_PORT"

echo
echo "CMS (editors):  http://127.0.0.1:$CMS_PORT/admin/   (users and passwords: docs/cms.md)"
echo "Site (buyers):  http://127.0.0.1:$SITE_PORT/"
echo "After publishing in the CMS, run: $BIN/chinar pull --api http://127.0.0.1:$CMS_PORT/api/v2/ --out $SNAPSHOT"
echo "and the site rebuilds itself (serve --watch)."
"$BIN/chinar" serve --output output --port "$SITE_PORT" --watch --content "$SNAPSHOT" \
    --base-url "http://127.0.0.1:$SITE_PORT"
