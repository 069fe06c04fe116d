#!/bin/sh
# Precompresses the built site's text files for nginx's gzip_static: FILE.gz beside FILE, originals kept.
# Run by the Dockerfile's build stage after `npm run build`, and by the nginx tests, so both serve the same.
# Usage: sh scripts/precompress.sh [SITE_DIR]   (default: _site)
set -eu
site="${1:-_site}"
if [ ! -d "$site" ]; then
  echo "precompress: $site/ does not exist; run npm run build first" >&2
  exit 1
fi
# -9: best ratio, paid once at build time. -n: no name or time stamp inside, so the same site gives the
# same bytes. Files under 256 bytes are left alone (nginx's gzip_min_length): gzip would only grow them.
# Pagefind's .pf_* chunks are compressed by Pagefind already, so they are not in the list.
find "$site" -type f -size +255c \
  \( -name '*.html' -o -name '*.css' -o -name '*.js' -o -name '*.xml' -o -name '*.json' -o -name '*.svg' -o -name '*.txt' \) \
  -exec gzip -k -9 -n -f {} +
