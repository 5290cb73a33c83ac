#!/bin/sh
# The main job: the three-version comparison of corpus/.
set -e
cd "$(dirname "$0")/.."
echo "main job: not yet wired (kldiff is being built)" >&2
exit 0
