#!/bin/sh
# pseudo.sh POT PO - the pseudo catalog of the tests: every message of POT
# translated into itself in brackets, ⟦like this⟧ (each line of a
# multi-line message bracketed), so a test run under LANGUAGE=pseudo shows
# at once any word that never went through gettext.
set -e
pot=$1 out=$2
sed -e 's/charset=CHARSET/charset=UTF-8/' \
    -e 's/^"Language: \\n"/"Language: pseudo\\n"/' \
    -e 's/FULL NAME <EMAIL@ADDRESS>/callfloor tests/' \
    -e 's/YEAR-MO-DA HO:MI+ZONE/2026-12-01 00:00+0000/' \
    -e 's/nplurals=INTEGER; plural=EXPRESSION;/nplurals=2; plural=(n != 1);/' \
    -e 's/LANGUAGE <LL@li.org>/callfloor tests/' "$pot" > "$out.tmp"
msgen --no-wrap -o "$out.en" "$out.tmp"
LC_ALL=C.UTF-8 msgfilter --keep-header --no-wrap -i "$out.en" -o "$out" \
  sed -e 's/^/⟦/' -e 's/$/⟧/' -e 's/^⟦⟧$//' -e 's/^⟦\(\\n\)⟧$/\1/'
rm -f "$out.tmp" "$out.en"
