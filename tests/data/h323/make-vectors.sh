#!/bin/sh
# Regenerates vectors.tsv: H.225.0, H.245 and RAS messages encoded in aligned PER by Erlang's asn1 compiler
# (Debian erlang-asn1, `erlc -bper`), an encoder independent of the ALG's decoder, from the ITU ASN.1 modules
# H.225.0 v6, H.245 v13 and H.235 as Packetizer published them (a copy ships with ooh323c, specs/h2250v6.asn,
# specs/h245v13.asn, specs/H235-SECURITY-MESSAGES.asn). Usage: make-vectors.sh DIR-WITH-THE-THREE-MODULES
set -eu
here=$(cd "$(dirname "$0")" && pwd)
modules=${1:?give the directory holding h2250v6.asn, h245v13.asn and H235-SECURITY-MESSAGES.asn}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cp "$modules/H235-SECURITY-MESSAGES.asn" "$work/"
cp "$modules/h2250v6.asn" "$work/H323-MESSAGES.asn"
cp "$modules/h245v13.asn" "$work/MULTIMEDIA-SYSTEM-CONTROL.asn"
cd "$work"
for module in MULTIMEDIA-SYSTEM-CONTROL H235-SECURITY-MESSAGES H323-MESSAGES; do
    erlc -bper +maps "$module.asn"
done
escript "$here/make-vectors.escript" > "$here/vectors.tsv"
echo "wrote $(wc -l < "$here/vectors.tsv") vectors to $here/vectors.tsv"
