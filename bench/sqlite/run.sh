#!/usr/bin/env bash
# The peer, side by side: the same L book in SQLite, the same aging report,
# both as whole processes in one hyperfine run, and a check that both print
# the same figures.
#
#   bench/sqlite/run.sh [BOOK] [AS-OF]        (from the repository root)
#
# BOOK defaults to $WORK/L.db (built by bench/run.sh), AS-OF to 2026-11-22.
# Needs sqlite3 and hyperfine (apt-get install -y sqlite3 hyperfine) and
# python3 for the ratio. Scratch files go to $WORK (/tmp/acctdesk-bench).
set -euo pipefail
cd "$(dirname "$0")/../.."
WORK=${WORK:-/tmp/acctdesk-bench}
BOOK=${1:-$WORK/L.db}
ASOF=${2:-2026-11-22}
RUNS=${RUNS:-10}
mkdir -p "$WORK/sqlite"
go build -o "$WORK/acctdesk" ./cmd/acctdesk

if [ ! -f "$WORK/csv/invoices.csv" ] || [ "$WORK/csv/invoices.csv" -ot "$BOOK" ]; then
  go run ./bench/export --db "$BOOK" --out "$WORK/csv"
fi

echo "== SQLite load (CSV import, typed tables, indexes, one transaction)"
rm -f "$WORK/sqlite/L.sqlite"
start=$(date +%s.%N)
(cd "$WORK/csv" && sqlite3 "$WORK/sqlite/L.sqlite" < "$OLDPWD/bench/sqlite/load.sql" >/dev/null)
end=$(date +%s.%N)
python3 -c "print(f'sqlite load: {$end - $start:.2f} s')"

sed "s/@ASOF@/$ASOF/g" bench/sqlite/aging.sql > "$WORK/sqlite/aging.sql"

echo "== same figures?"
"$WORK/acctdesk" report aging --format csv --db "$BOOK" --as-of "$ASOF" > "$WORK/sqlite/acctdesk.csv"
sqlite3 "$WORK/sqlite/L.sqlite" < "$WORK/sqlite/aging.sql" > "$WORK/sqlite/sqlite.csv"
if cmp -s "$WORK/sqlite/acctdesk.csv" "$WORK/sqlite/sqlite.csv"; then
  echo "identical: $(wc -l < "$WORK/sqlite/acctdesk.csv") lines, $(tail -n 2 "$WORK/sqlite/acctdesk.csv" | tr '\n' ' ')"
else
  echo "DIFFERENT figures:"; diff "$WORK/sqlite/acctdesk.csv" "$WORK/sqlite/sqlite.csv" | head -20
  exit 1
fi

echo "== aging as whole processes, one run"
hyperfine --warmup 2 --runs "$RUNS" --export-json "$WORK/sqlite/hyperfine.json" \
  -n acctdesk "$WORK/acctdesk report aging --format csv --db $BOOK --as-of $ASOF > /dev/null" \
  -n sqlite "sqlite3 $WORK/sqlite/L.sqlite < $WORK/sqlite/aging.sql > /dev/null"
python3 - "$WORK/sqlite/hyperfine.json" <<'PY'
import json, sys
r = {x["command"]: x for x in json.load(open(sys.argv[1]))["results"]}
a, s = r["acctdesk"]["median"], r["sqlite"]["median"]
print(f"median: acctdesk {a*1000:.0f} ms, sqlite {s*1000:.0f} ms; sqlite / acctdesk = {s/a:.1f}x")
PY
