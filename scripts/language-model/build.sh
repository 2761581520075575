#!/usr/bin/env bash
# Rebuilds models/english-lm.bin (see src/language-model.ts) from CMU Sphinx's generic US English
# model in Debian's pocketsphinx-en-us package. Run as root on Debian bookworm with deb-src enabled
# (sphinxbase's source package provides two internal headers). Rerun after the bundled dictionaries
# gain habit words: the model keeps bigrams only for words a habit reads from or to.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
apt-get install -y pocketsphinx-en-us libsphinxbase-dev gcc
(cd "$work" && apt-get source --download-only sphinxbase >/dev/null && tar xzf sphinxbase_*.orig.tar.gz)
lm_headers=$(echo "$work"/sphinxbase-*/src/libsphinxbase/lm)
gcc -O2 -o "$work/dump" "$here/dump-sphinx-lm.c" -I"$lm_headers" -lsphinxbase
model=/usr/share/pocketsphinx/model/en-us/en-us.lm.bin
"$work/dump" "$model" 1 "$work/uni.txt"
"$work/dump" "$model" 2 "$work/bi.txt"
(cd "$here/../.." && npm run build --silent && node scripts/language-model/compact.mjs "$work")
