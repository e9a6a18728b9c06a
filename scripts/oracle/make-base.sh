#!/bin/sh
# Rebuilds fixtures/crm/base.cib.xml, the oracle base CIB: an empty CIB plus nodes
# Lubuntu (id 1) and Lubuntu1 (id 2). Needs Pacemaker's cibadmin.
set -eu
out="$(dirname "$0")/../../fixtures/crm/base.cib.xml"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cibadmin --empty > "$tmp/base.xml"
CIB_file="$tmp/base.xml" cibadmin -C -o nodes -X '<node id="1" uname="Lubuntu"/>'
CIB_file="$tmp/base.xml" cibadmin -C -o nodes -X '<node id="2" uname="Lubuntu1"/>'
cp "$tmp/base.xml" "$out"
