#!/bin/sh
# Writes every document of a demo case as PDF through the CLI and its pages as PNG images, so
# that a person (and CI, which keeps the folder) can look at them.
# Usage: page_images.sh <spoorboek binary> <pdftoppm> <output folder>
set -eu
spoorboek=$1
pdftoppm=$2
out=$3
rm -rf "$out"
mkdir -p "$out"
db="$out/demo.db"
"$spoorboek" demo --db "$db" > /dev/null
# The demo case furthest along (the dashboard's fixed-width week column): the most content for
# every document.
case_id=$("$spoorboek" cases --db "$db" --all | tail -n +4 | cut -c1-6,98-101 |
          awk '{ print $2, $1 }' | sort -n | tail -1 | cut -d' ' -f2)
test -n "$case_id"
for lang in nl en; do
  for kind in riv plan conversation first_year_evaluation; do
    "$spoorboek" report --db "$db" "$case_id" --document "$kind" --lang "$lang" \
      --out "$out/$kind-$lang.pdf" > /dev/null
  done
  # The employee's pack, as the company doctor (who serves every demo employer) makes it.
  "$spoorboek" report --db "$db" "$case_id" --document gp_pack --lang "$lang" \
    --as doctor@demo.test --out "$out/gp_pack-$lang.pdf" > /dev/null
done
for pdf in "$out"/*.pdf; do
  "$pdftoppm" -r 60 -png "$pdf" "${pdf%.pdf}"
done
rm -f "$db" "$db".*
count=$(ls "$out"/*.png | wc -l)
echo "page_images: $count pages of case $case_id in $out"
test "$count" -ge 8
