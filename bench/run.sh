#!/usr/bin/env bash
# Reruns the storage measurements of BENCHMARKS.md on the L book.
#
#   bench/run.sh              (from the repository root; about three minutes)
#
# Builds acctdesk, builds the L book (10,000 accounts, 1,000,000 invoices,
# seed 7, as of 2026-11-22) unless $WORK/L.db exists (FORCE=1 rebuilds it),
# then measures: `report aging --format csv` as a whole process (hyperfine
# median) and its peak RSS (/usr/bin/time, median), the file size per
# invoice, the import of the book's 1,000,000 invoice rows (paid_on included)
# plus its payments from CSV into a fresh book (median of IMPORT_RUNS), and
# finally the SQLite comparison (bench/sqlite/run.sh).
# Needs hyperfine, sqlite3, python3 and GNU time (/usr/bin/time).
set -euo pipefail
cd "$(dirname "$0")/.."
export WORK=${WORK:-/tmp/acctdesk-bench}
ASOF=2026-11-22
RUNS=${RUNS:-20}
IMPORT_RUNS=${IMPORT_RUNS:-3}
BIN=$WORK/acctdesk
mkdir -p "$WORK"
go build -o "$BIN" ./cmd/acctdesk

median() { sort -g | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }

echo "== machine"
echo "nproc: $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); memory: $(free -h | awk '/Mem:/ {print $2}')"
echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg)"

if [ ! -f "$WORK/L.db" ] || [ "${FORCE:-}" = 1 ]; then
  echo "== building the L book"
  /usr/bin/time -f "demo build: %e s, peak RSS %M KB" \
    "$BIN" demo --db "$WORK/L.db" --accounts 10000 --invoices-per-account 100 --seed 7 --as-of "$ASOF" --force
fi

echo "== file size"
size=$(stat -c %s "$WORK/L.db")
python3 -c "print(f'L book: {$size:,} bytes = {$size/1e6:.1f} bytes per invoice (1,000,000 invoices)')"

echo "== report aging --format csv, whole process"
hyperfine -N --warmup 3 --runs "$RUNS" --export-json "$WORK/aging.json" \
  "$BIN report aging --format csv --db $WORK/L.db --as-of $ASOF"
python3 -c "import json; r=json.load(open('$WORK/aging.json'))['results'][0]; print(f\"aging median: {r['median']*1000:.0f} ms (mean {r['mean']*1000:.0f} ms, min {r['min']*1000:.0f} ms)\")"

echo "== report aging, peak RSS"
for _ in $(seq 9); do
  /usr/bin/time -f "%M" "$BIN" report aging --format csv --db "$WORK/L.db" --as-of "$ASOF" 2>&1 >/dev/null | tail -n1
done | median | awk '{printf "aging peak RSS median: %d KB = %.1f MiB\n", $1, $1/1024}'

echo "== import of 1,000,000 invoice rows plus payments"
go run ./bench/export --db "$WORK/L.db" --out "$WORK/csv"
"$BIN" report aging --format csv --db "$WORK/L.db" --as-of "$ASOF" > "$WORK/aging-L.csv"
for i in $(seq "$IMPORT_RUNS"); do
  rm -f "$WORK/import.db"
  "$BIN" import accounts "$WORK/csv/accounts.csv" --db "$WORK/import.db" >/dev/null
  inv=$( { /usr/bin/time -f "%e %M" "$BIN" import invoices "$WORK/csv/invoices.csv" --db "$WORK/import.db" >/dev/null; } 2>&1 | tail -n1)
  pay=$( { /usr/bin/time -f "%e %M" "$BIN" import payments "$WORK/csv/payments.csv" --db "$WORK/import.db" >/dev/null; } 2>&1 | tail -n1)
  cns=$( { /usr/bin/time -f "%e %M" "$BIN" import credit-notes "$WORK/csv/credit-notes.csv" --db "$WORK/import.db" >/dev/null; } 2>&1 | tail -n1)
  echo "run $i: invoices ${inv% *} s (${inv#* } KB), payments ${pay% *} s (${pay#* } KB), credit notes ${cns% *} s" >&2
  echo "$inv $pay" | awk '{print $1 + $3}'
done | median | awk '{printf "import median (invoices + payments): %.1f s\n", $1}'
"$BIN" report aging --format csv --db "$WORK/import.db" --as-of "$ASOF" | cmp -s - "$WORK/aging-L.csv" \
  && echo "the imported book's aging equals the L book's" \
  || { echo "the imported book's aging DIFFERS from the L book's"; exit 1; }
"$BIN" check --db "$WORK/import.db"

echo "== SQLite, side by side"
bench/sqlite/run.sh "$WORK/L.db" "$ASOF"
