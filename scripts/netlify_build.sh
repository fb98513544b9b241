#!/bin/sh
# Netlify build command (see netlify.toml): fetch the catalog, build the site into output/.
#
#   CHINAR_CMS_API  set -> `chinar pull` the published catalog from the CMS API into $CHINAR_CONTENT
#                   unset -> build the snapshot committed in the repository
#   CHINAR_CONTENT  content directory (default: content)
#   URL             the site's main URL (Netlify sets it); canonical, feed and sitemap links use it
#   NETLIFY=true    (set by Netlify) install the project first: Netlify only installs
#                   requirements.txt/Pipfile by itself, and the dependencies live in pyproject.toml
#
# The checkout's own code is run (PYTHONPATH=site), so the command works from a clean clone.
set -eu

PYTHON="${PYTHON:-python3}"
CONTENT="${CHINAR_CONTENT:-content}"

if [ "${NETLIFY:-}" = "true" ]; then
    "$PYTHON" -m pip install --quiet --disable-pip-version-check .
fi

PYTHONPATH="$(pwd)/site${PYTHONPATH:+:$PYTHONPATH}"
export PYTHONPATH
chinar() { "$PYTHON" -m chinar.cli "$@"; }

if [ -n "${CHINAR_CMS_API:-}" ]; then
    echo "pulling the published catalog from $CHINAR_CMS_API"
    chinar pull --api "$CHINAR_CMS_API" --out "$CONTENT"
fi

if [ -n "${URL:-}" ]; then
    chinar build --content "$CONTENT" --output output --base-url "$URL"
else
    chinar build --content "$CONTENT" --output output
fi

# The output folder is a link to the live one of two copies (chinar.output: atomic switches for a site
# built again and again in place). Netlify publishes one build from a clean checkout: give it the folder.
if [ -L output ]; then
    live=$(readlink output)
    rm output
    mv "$live" output
    rm -rf .output.A .output.B .output.commit.json
fi
