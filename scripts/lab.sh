#!/usr/bin/env bash
# `npm run lab:up` / `npm run lab:down`: the test cluster (test/cluster/lab.sh) started by hand,
# for demos and for pointing tcrm at a real cluster. Needs root.
set -euo pipefail
exec bash "$(dirname "$(readlink -f "$0")")/../test/cluster/lab.sh" "$@"
