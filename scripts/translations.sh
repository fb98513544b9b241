#!/usr/bin/env bash
# Refresh the interface-string catalogs after changing templates or marked strings:
#   scripts/translations.sh            extract messages.pot and merge it into hi/ur messages.po
# Translators then fill the empty msgstr entries. The build compiles the .po files in memory.
# The CMS's own strings (Django's gettext, cms/chinar_cms/locale/<lang>/LC_MESSAGES/django.po) are
# refreshed the same way; the CMS compiles them to .mo when it starts (chinar_cms/base/translations.py).
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=${BIN:-.venv/bin}
T=themes/chinar/translations
"$BIN/pybabel" extract -F themes/chinar/babel.cfg -k N_ --no-location --sort-output -o "$T/messages.pot" .
for loc in hi ur; do
  if [ -f "$T/$loc/LC_MESSAGES/messages.po" ]; then
    "$BIN/pybabel" update --no-fuzzy-matching -i "$T/messages.pot" -d "$T" -l "$loc"
  else
    "$BIN/pybabel" init -i "$T/messages.pot" -d "$T" -l "$loc"
  fi
done

C=cms/chinar_cms/locale
"$BIN/pybabel" extract -k gettext_lazy -k gettext -k _ --no-location --sort-output -o "$C/django.pot" cms/chinar_cms
for loc in hi ur; do
  if [ -f "$C/$loc/LC_MESSAGES/django.po" ]; then
    "$BIN/pybabel" update -D django --no-fuzzy-matching -i "$C/django.pot" -d "$C" -l "$loc"
  else
    "$BIN/pybabel" init -D django -i "$C/django.pot" -d "$C" -l "$loc"
  fi
done
