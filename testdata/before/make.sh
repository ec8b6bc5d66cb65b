#!/usr/bin/env bash
# Makes testdata/before/: every report of the code at 6cf72af on fixed books and dates.
set -euo pipefail
BIN=$1; OUT=$2; REPO=$3
mkdir -p "$OUT"
W=$(mktemp -d)
DEMO_DATES="2025-06-30 2025-11-22 2026-03-31 2026-06-30 2026-08-15 2026-09-30 2026-10-22 2026-11-08 2026-11-15 2026-11-21 2026-11-22 2026-11-23 2026-11-30 2026-12-31 2027-03-31"
IBM_DATES="2012-01-31 2012-06-30 2012-12-31 2013-03-31 2013-06-30 2013-09-30 2013-12-02 2014-01-09 2014-06-30"
REPORTS="book aging dso promises escalations queue"
emit() { # book date
  local db=$1 d=$2 f=$3
  : > "$f"
  for r in $REPORTS; do
    echo "## report $r --format csv --as-of $d" >> "$f"
    "$BIN" report $r --format csv --db "$db" --as-of "$d" --user ada >> "$f"
  done
}
for seed in 1 2 3; do
  db=$W/demo$seed.db
  "$BIN" demo --db "$db" --accounts 40 --seed $seed --as-of 2026-11-22 --user ada >/dev/null
  for d in $DEMO_DATES; do emit "$db" "$d" "$OUT/demo-seed$seed-$d.csv"; done
  for d in 2026-09-30 2026-11-22; do
    f=$OUT/demo-seed$seed-$d.table; : > "$f"
    for r in $REPORTS; do
      echo "## report $r --format table --as-of $d" >> "$f"; "$BIN" report $r --format table --db "$db" --as-of "$d" >> "$f"
      echo "## report $r --format json --as-of $d" >> "$f"; "$BIN" report $r --format json --db "$db" --as-of "$d" >> "$f"
    done
  done
done
db=$W/ibm.db
"$BIN" import invoices "$REPO/testdata/ibm-ar-sample.csv" --db "$db" --user ada --currency USD --create-accounts --date-format 1/2/2006 \
  --map customerID=account,invoiceNumber=number,InvoiceDate=issue_date,DueDate=due_date,InvoiceAmount=amount,Disputed=disputed,SettledDate=paid_on >/dev/null
for d in $IBM_DATES; do emit "$db" "$d" "$OUT/ibm-$d.csv"; done
rm -rf "$W"
