#!/usr/bin/env bash
# `make demo`: the whole pipeline on this machine, live: publish in the CMS, see the public page change.
#   1. the CMS: migrate its SQLite database, load the shipped demo catalog (first run only), start it;
#   2. the task worker that delivers the CMS's build hook (django-tasks-db's db_worker);
#   3. the publisher (`chinar publish`): pulls the published catalog, builds it, deploys it into
#      .cache/demo-site, and on every hook pulls, rebuilds and deploys what changed, reporting to the CMS;
#   4. the site server for .cache/demo-site. Prints the URLs. Ctrl-C stops all four.
# The demo users and their local-only passwords are in docs/cms.md.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=$PWD/.venv/bin
CMS_PORT=${CMS_PORT:-8001}
SITE_PORT=${SITE_PORT:-8000}
HOOK_PORT=${HOOK_PORT:-8010}
SITE=.cache/demo-site
mkdir -p .cache

# One secret for the hook and the status reports, made on the first run and kept (local demo only).
SECRET_FILE=.cache/demo-publish-secret
[ -s "$SECRET_FILE" ] || "$BIN/python" -c 'import secrets; print(secrets.token_hex(24))' >"$SECRET_FILE"
export CHINAR_PUBLISH_SECRET=$(cat "$SECRET_FILE")
export CHINAR_BUILD_HOOK_URL="http://127.0.0.1:$HOOK_PORT/hook"
export CHINAR_SITE_BASE_URL="http://127.0.0.1:$SITE_PORT"
export CHINAR_CMS_BASE_URL="http://127.0.0.1:$CMS_PORT"

PIDS=()
stop() {
  trap - EXIT INT TERM
  # Each part runs in its own process group (set -m below): stop the group, children included.
  for pid in "${PIDS[@]}"; do kill -TERM -- "-$pid" 2>/dev/null || true; done
  wait 2>/dev/null || true
}
trap stop EXIT INT TERM
set -m

echo "== CMS: migrate and load the demo catalog"
(cd cms && "$BIN/python" manage.py migrate --noinput -v 0)
if [ "$(cd cms && "$BIN/python" manage.py shell -v 0 -c 'from chinar_cms.artisans.models import ArtisanPage; print(ArtisanPage.objects.exists())')" != "True" ]; then
  (cd cms && "$BIN/python" manage.py load_demo)
fi

echo "== CMS: starting on http://127.0.0.1:$CMS_PORT/ (log: .cache/demo-cms.log)"
(cd cms && exec "$BIN/python" manage.py runserver --noreload "127.0.0.1:$CMS_PORT" >../.cache/demo-cms.log 2>&1) &
PIDS+=($!)
echo "== task worker: delivers the build hook (log: .cache/demo-worker.log)"
(cd cms && exec "$BIN/python" manage.py db_worker --backend db --queue-name buildhook --interval 0.5 --no-reload \
    >../.cache/demo-worker.log 2>&1) &
PIDS+=($!)
for _ in $(seq 1 120); do
  if "$BIN/python" -c "import urllib.request,sys; urllib.request.urlopen('http://127.0.0.1:$CMS_PORT/api/v2/published/', timeout=2)" 2>/dev/null; then break; fi
  kill -0 "${PIDS[0]}" 2>/dev/null || { cat .cache/demo-cms.log; echo "the CMS did not start"; exit 1; }
  sleep 1
done

echo "== publisher: pull, build (the first build encodes every image: a few minutes), deploy to $SITE"
echo "   (log: .cache/demo-publish.log)"
"$BIN/chinar" publish --api "http://127.0.0.1:$CMS_PORT/api/v2/" --deploy "$SITE" --listen "127.0.0.1:$HOOK_PORT" \
    --state .cache/demo-publish --cache .cache --base-url "http://127.0.0.1:$SITE_PORT" >.cache/demo-publish.log 2>&1 &
PIDS+=($!)
for _ in $(seq 1 900); do
  [ -f "$SITE/index.html" ] && break
  kill -0 "${PIDS[2]}" 2>/dev/null || { tail -20 .cache/demo-publish.log; echo "the publisher stopped"; exit 1; }
  sleep 1
done

"$BIN/chinar" serve --output "$SITE" --port "$SITE_PORT" >.cache/demo-site.log 2>&1 &
PIDS+=($!)
echo
echo "CMS (editors):  http://127.0.0.1:$CMS_PORT/admin/   (users and passwords: docs/cms.md)"
echo "Site (buyers):  http://127.0.0.1:$SITE_PORT/"
echo "Publish a page in the CMS: the public page changes within a few seconds, and the CMS dashboard"
echo "and the page's editor say since when it is live. Ctrl-C stops the CMS, the worker, the publisher and the site."
tail -n 0 -f .cache/demo-publish.log | grep --line-buffered "cycle=" &
PIDS+=($!)
wait "${PIDS[0]}"
