#!/usr/bin/env bash
# Issue 8: whole-process figures of two acctdesk binaries on the same books,
# measured in the same run and interleaved (what `before` and `after` give on a
# shared two-core machine is compared by medians).
#
#   bench/issue8/run.sh BEFORE_BIN AFTER_BIN          (from anywhere)
#   SECTIONS="start reports" BOOKS="S L" bench/issue8/run.sh BEFORE_BIN AFTER_BIN
#   SECTIONS=table bench/issue8/run.sh                 (the table of the latest results)
#
# Sections (README.md says what each measures): start calls contention
# reports aging. Books: S (1,000 accounts, built here with the before binary
# of /tmp/ad), L (/tmp/ad/L.db) and XL (/tmp/ad/XL.db); calls and contention
# use L only. Each binary gets its own copy of each book (the after binary
# migrates a book on open), made afresh by every invocation; the sources are
# only ever read. Scratch, copies and raw results go to $WORK
# (/tmp/acctdesk-issue8; no spaces), raw numbers to $WORK/results/*.txt.
# Needs tmux, hyperfine, sqlite3, GNU time, python3 and go
# (apt-get install -y hyperfine sqlite3 tmux time).
set -euo pipefail
export LC_ALL=C
unset ACCTDESK_DB ACCTDESK_AS_OF ACCTDESK_USER
cd "$(dirname "$0")/../.."
REPO=$PWD
WORK=${WORK:-/tmp/acctdesk-issue8}
RES=$WORK/results
SECTIONS=${SECTIONS:-start calls contention reports aging}
BOOKS=${BOOKS:-S L XL}
ASOF=${ASOF:-2026-11-22}             # the books' as-of date
MID=${MID:-2026-06-30}               # the mid-history aging date
SRC_L=${SRC_L:-/tmp/ad/L.db}
SRC_XL=${SRC_XL:-/tmp/ad/XL.db}
S_BUILDER=${S_BUILDER:-/tmp/ad/acctdesk-before}   # builds the S book (schema 2)
START_RUNS=${START_RUNS:-7}          # section start: launches per binary per book
CALLS=${CALLS:-20}                   # section calls: one call a second for CALLS s
IDLE_SECONDS=${IDLE_SECONDS:-20}
CONTENTION_SECONDS=${CONTENTION_SECONDS:-60}
REPORT_RUNS=${REPORT_RUNS:-10}       # hyperfine runs per command
REPORT_WARMUP=${REPORT_WARMUP:-2}
RSS_RUNS=${RSS_RUNS:-5}
LOADED_MARK=${LOADED_MARK:-accounts loaded}    # on screen once the first complete frame is drawn
ACTIVITY_MARK=${ACTIVITY_MARK:-'\[Activity\]'}  # bash ERE: the Account pane shows its Activity tab
TABLINE_MARK=${TABLINE_MARK:-Open items}        # the Account pane's tab line is on screen
LOAD_TIMEOUT=${LOAD_TIMEOUT:-180}
EXPORT_REV=${EXPORT_REV:-6cf72af}    # bench/export is built from this commit (schema 2 reader)
TM="tmux -L acctdesk-issue8"         # a tmux server of our own

mkdir -p "$RES/json" "$WORK/bin" "$WORK/books" "$WORK/tmp" "$WORK/before" "$WORK/after"

# ---------------------------------------------------------------- helpers

now_us() { local t=${EPOCHREALTIME/./}; echo $((10#$t)); }
sleep_until_us() { local d=$(($1 - $(now_us))); ((d > 0)) && sleep "$((d / 1000000)).$(printf %06d $((d % 1000000)))"; return 0; }
secs() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.6f", (b - a) / 1e6 }'; }   # secs FROM_US TO_US
median() { sort -g | awk '{a[NR]=$1} END {if (!NR) print "nan"; else if (NR%2) print a[(NR+1)/2]; else print (a[NR/2]+a[NR/2+1])/2}'; }
maxof() { sort -g | tail -n1; }
ratio() { awk -v a="$1" -v b="$2" 'BEGIN { if (a+0 > 0 && b+0 > 0) printf "%.2f", a / b; else print "–" }'; }
fmt_s() { awk -v s="$1" 'BEGIN { if (s == "" || s == "nan") print "–"; else if (s < 1) printf "%.0f ms", s*1000; else printf "%.2f s", s }'; }
fmt_kb() { awk -v k="$1" 'BEGIN { if (k == "" || k == "nan") print "–"; else printf "%.1f MiB", k/1024 }'; }
say() { echo "$*" >&2; }
# row SECTION BOOK "ROW" BEFORE AFTER RATIO RSS_BEFORE RSS_AFTER NOTES: one line of the final table
row() {
  local f="$RES/rows-$1-$2.tsv"; shift 1
  printf '%s\t%s\t%s\t%s\t%s\t%s\t%s\t%s\n' "$2" "$1" "$3" "$4" "$5" "$6" "$7" "$8" >> "$f"
}
ROWFILES=()
start_rows() { local f="$RES/rows-$1-$2.tsv"; : > "$f"; ROWFILES+=("$f"); }

src_of() {
  case $1 in
    S) echo "$WORK/books/S.db" ;;
    L) echo "$SRC_L" ;;
    XL) echo "$SRC_XL" ;;
    *) say "unknown book $1 (S, L, XL)"; exit 2 ;;
  esac
}
ensure_s() {
  if [ -s "$WORK/books/S.db" ]; then return 0; fi
  say "== building the S book with $S_BUILDER"
  "$S_BUILDER" demo --db "$WORK/books/S.db" --accounts 1000 --invoices-per-account 100 --seed 7 --as-of "$ASOF" --force >&2
}
# copy BOOK SIDE NAME: a fresh copy of BOOK for SIDE at $WORK/SIDE/NAME.db (its path on stdout)
copy() {
  local src; src=$(src_of "$1")
  [ "$1" = S ] && ensure_s
  rm -f "$WORK/$2/$3.db" "$WORK/$2/$3.db".*
  cp --sparse=always "$src" "$WORK/$2/$3.db"
  echo "$WORK/$2/$3.db"
}
declare -A COPIED=()
# ensure_books BOOK: the read copies of BOOK, one per binary, made once per invocation
ensure_books() {
  local side
  for side in before after; do
    if [ -z "${COPIED[$1-$side]:-}" ]; then
      say "  copying book $1 for $side"
      copy "$1" "$side" "$1" > /dev/null
      COPIED[$1-$side]=1
    fi
  done
}
book() { echo "$WORK/$2/$1.db"; }   # book BOOK SIDE: the read copy's path
bin_of() { echo "$WORK/bin/acctdesk-$1"; }
SIDES=(before after)
# order R: the two sides, before first in odd rounds, after first in even ones
order() { if (($1 % 2)); then echo before after; else echo after before; fi; }

cleanup() {
  local p
  for p in $(jobs -p); do kill "$p" 2>/dev/null || true; done
  $TM kill-server 2>/dev/null || true
}
trap cleanup EXIT

# tmux: a session that keeps our server up, so no launch pays its start
tm_up() { $TM has-session -t keep 2>/dev/null || $TM new-session -d -s keep -x 160 -y 48 sleep 86400; }
capture() { $TM capture-pane -p -t "$1" 2>/dev/null; }
# wait_screen SESSION ERE TIMEOUT_S: until the screen matches (1 if the session ends or time runs out)
wait_screen() {
  local deadline=$(( $(now_us) + $3 * 1000000 )) s
  while :; do
    s=$(capture "$1") || return 1
    [[ $s =~ $2 ]] && return 0
    (($(now_us) > deadline)) && return 1
    sleep 0.02
  done
}
# quit SESSION: q, then wait for the process to end (kill the session after 30 s)
quit() {
  $TM send-keys -t "$1" q 2>/dev/null || return 0
  local deadline=$(( $(now_us) + 30000000 ))
  while $TM has-session -t "$1" 2>/dev/null; do
    if (($(now_us) > deadline)); then say "  $1 did not quit on q; killing its session"; $TM kill-session -t "$1"; return 1; fi
    sleep 0.02
  done
}
# open_ws SESSION SIDE DB USER: a workstation in a detached 160x48 session, waited until loaded; prints seconds
open_ws() {
  local t0; t0=$(now_us)
  $TM new-session -d -s "$1" -x 160 -y 48 "$(bin_of "$2")" --db "$3" --as-of "$ASOF" --user "$4"
  if ! wait_screen "$1" "$LOADED_MARK" "$LOAD_TIMEOUT"; then
    say "  workstation $1 did not show \"$LOADED_MARK\" within $LOAD_TIMEOUT s; its screen:"
    capture "$1" >&2 || true
    return 1
  fi
  secs "$t0" "$(now_us)"
}
ws_pid() { $TM list-panes -t "$1" -F '#{pane_pid}'; }
# cpu_ms PID: utime + stime of PID in ms
cpu_ms() {
  local s rest
  if ! s=$(< "/proc/$1/stat") 2> /dev/null; then say "  process $1 has ended"; echo 0; return 0; fi
  rest=${s##*) }
  local -a f=($rest)
  echo $(( (f[11] + f[12]) * 1000 / CLK_TCK ))
}
CLK_TCK=$(getconf CLK_TCK)

# hf TAG ROUNDS WARMUP NAME CMD [NAME CMD ...]: hyperfine -N, one run of each
# command per round, the commands' order rotated every round, the warmup in the
# first; the times go to $RES/TAG-times.txt as "NAME SECONDS" lines.
hf() {
  local tag=$1 rounds=$2 warm=$3 r k w; shift 3
  local -a names=() cmds=() args
  while (($#)); do names+=("$1"); cmds+=("$2"); shift 2; done
  local n=${#names[@]}
  rm -f "$RES/json/$tag"-r*.json
  for ((r = 1; r <= rounds; r++)); do
    args=()
    for ((k = 0; k < n; k++)); do local i=$(( (k + r - 1) % n )); args+=(-n "${names[i]}" "${cmds[i]}"); done
    w=0; ((r == 1)) && w=$warm
    hyperfine -N --style none --warmup "$w" --runs 1 --export-json "$RES/json/$tag-r$r.json" "${args[@]}" \
      >> "$RES/json/$tag.log" 2>&1 || { say "  hyperfine failed ($RES/json/$tag.log)"; return 1; }
  done
  python3 - "$RES/json/$tag"-r*.json > "$RES/$tag-times.txt" <<'PY'
import json, sys
for f in sys.argv[1:]:
    for r in json.load(open(f))["results"]:
        for t in r["times"]:
            print(r["command"], t)
PY
}
# rss TAG ROUNDS NAME CMD [NAME CMD ...]: peak RSS (KB) of each command,
# rotated the same way, to $RES/TAG-rss.txt as "NAME KB" lines
rss() {
  local tag=$1 rounds=$2 r k; shift 2
  local -a names=() cmds=()
  while (($#)); do names+=("$1"); cmds+=("$2"); shift 2; done
  local n=${#names[@]}
  : > "$RES/$tag-rss.txt"
  for ((r = 1; r <= rounds; r++)); do
    for ((k = 0; k < n; k++)); do
      local i=$(( (k + r - 1) % n ))
      eval "/usr/bin/time -f %M -o $WORK/tmp/rss ${cmds[i]}" > /dev/null 2>&1
      echo "${names[i]} $(tail -n1 "$WORK/tmp/rss")" >> "$RES/$tag-rss.txt"
    done
  done
}
med_of() { if [ -f "$2" ]; then awk -v n="$1" '$1 == n {print $2}' "$2" | median; else echo nan; fi; }   # med_of NAME FILE

# ---------------------------------------------------------------- sections

# 1. launch to the first complete frame, under tmux, with peak RSS
sec_start() {
  local B=$1
  say "== start: workstation launch to first complete frame, book $B ($START_RUNS runs per binary)"
  start_rows start "$B"
  ensure_books "$B"
  local raw=$RES/start-$B.txt side r t m warm=""
  echo "# side round seconds peak_rss_kb (round 0: first open of a fresh copy, not counted)" > "$raw"
  for ((r = 0; r <= START_RUNS; r++)); do
    for side in $(order $((r == 0 ? 1 : r))); do
      local db; db=$(book "$B" "$side")
      rm -f "$WORK/tmp/start.rss"
      t=$(open_ws_timed "$side" "$db") || { say "  $side failed"; echo "$side $r fail" >> "$raw"; continue; }
      m=$(cat "$WORK/tmp/start.rss")
      echo "$side $r $t $m" >> "$raw"
      if ((r == 0)); then warm+="$side $(fmt_s "$t"); "; fi
    done
  done
  local tb ta mb ma
  tb=$(awk '$1=="before" && $2>0 && $3!="fail" {print $3}' "$raw" | median)
  ta=$(awk '$1=="after" && $2>0 && $3!="fail" {print $3}' "$raw" | median)
  mb=$(awk '$1=="before" && $2>0 && $3!="fail" {print $4}' "$raw" | median)
  ma=$(awk '$1=="after" && $2>0 && $3!="fail" {print $4}' "$raw" | median)
  local rng
  rng=$(awk '$2>0 && $3!="fail" {v[$1]=v[$1] " " sprintf("%.2f",$3)} END {print "before:" v["before"] "; after:" v["after"]}' "$raw")
  row start "$B" "workstation start to first frame" "$(fmt_s "$tb")" "$(fmt_s "$ta")" "$(ratio "$tb" "$ta")" \
    "$(fmt_kb "$mb")" "$(fmt_kb "$ma")" "median of $START_RUNS, 10 ms polling; first open of the copy: ${warm%; }; runs (s) $rng"
  say "  before $(fmt_s "$tb") ($(fmt_kb "$mb")), after $(fmt_s "$ta") ($(fmt_kb "$ma"))"
}
# open_ws_timed SIDE DB: launch under /usr/bin/time, poll every 10 ms, q; seconds on stdout, RSS in $WORK/tmp/start.rss
open_ws_timed() {
  local sess=start$$ t0 t1 s deadline
  t0=$(now_us); deadline=$((t0 + LOAD_TIMEOUT * 1000000))
  $TM new-session -d -s "$sess" -x 160 -y 48 /usr/bin/time -f %M -o "$WORK/tmp/start.rss" \
    "$(bin_of "$1")" --db "$2" --as-of "$ASOF" --user bench
  while :; do
    s=$(capture "$sess") || { say "  the workstation ended before its first frame"; return 1; }
    [[ $s == *"$LOADED_MARK"* ]] && break
    (($(now_us) > deadline)) && { say "  no \"$LOADED_MARK\" in $LOAD_TIMEOUT s"; $TM kill-session -t "$sess"; return 1; }
    sleep 0.01
  done
  t1=$(now_us)
  quit "$sess" || return 1
  local i
  for ((i = 0; i < 500; i++)); do [ -s "$WORK/tmp/start.rss" ] && break; sleep 0.01; done
  secs "$t0" "$t1"
}

# the account codes of the L book, from the before binary's report
codes_L() {
  [ -s "$WORK/tmp/codes-L.txt" ] || "$(bin_of before)" report book --format csv --db "$(book L before)" --as-of "$ASOF" \
    | tail -n +2 | cut -d, -f1 > "$WORK/tmp/codes-L.txt"
  cat "$WORK/tmp/codes-L.txt"
}

# go_activity SESSION CODE: jump to CODE and tab to its Activity tab; prints the tabs pressed
go_activity() {
  local sess=$1 code=$2 tabs=0 s prev
  $TM send-keys -t "$sess" :
  sleep 0.5
  $TM send-keys -t "$sess" -l "$code"
  sleep 0.5
  $TM send-keys -t "$sess" Enter
  wait_screen "$sess" "$TABLINE_MARK" 15 || { say "  the Account pane of $code did not open"; capture "$sess" >&2; return 1; }
  while :; do
    s=$(capture "$sess")
    [[ $s =~ $ACTIVITY_MARK ]] && break
    ((tabs >= 12)) && { say "  no tab matching $ACTIVITY_MARK after 12 tabs"; echo "$s" >&2; return 1; }
    prev=$s
    $TM send-keys -t "$sess" Tab; tabs=$((tabs + 1))
    local i
    for ((i = 0; i < 100; i++)); do s=$(capture "$sess"); [ "$s" != "$prev" ] && break; sleep 0.02; done
  done
  echo "$tabs"
}

# 2. a colleague logs a call every second while one workstation shows the account's Activity tab
sec_calls() {
  say "== calls: a colleague's log call every second for $CALLS s, one workstation open (book L)"
  start_rows calls L
  local code; code=${CALL_ACCOUNT:-$(codes_L | sed -n 1p)}  # sed reads all: no SIGPIPE under pipefail
  local side
  for side in "${SIDES[@]}"; do
    local raw=$RES/calls-$side.txt db sess=calls-$side bin
    bin=$(bin_of "$side")
    db=$(copy L "$side" L-calls)
    echo "# side=$side account=$code book=$db; n exit returned_s seen_s latency_s (s from the first call; messages in $raw.msgs)" > "$raw"
    local tload; tload=$(open_ws "$sess" "$side" "$db" bench) || { row calls L "log call: workstation failed to open ($side)" "" "" "" "" "" ""; continue; }
    local tabs; tabs=$(go_activity "$sess" "$code") || { row calls L "log call: Activity tab not reached ($side)" "" "" "" "" "" ""; quit "$sess"; continue; }
    capture "$sess" > "$RES/calls-$side-screen-before.txt"
    local pid; pid=$(ws_pid "$sess")
    say "  $side: loaded in $(fmt_s "$tload"), Activity after $tabs tab(s), pid $pid ($(cat /proc/"$pid"/comm))"
    sleep 2
    local c0 c1 c2 c3 t
    c0=$(cpu_ms "$pid"); t=$(now_us); sleep_until_us $((t + IDLE_SECONDS * 1000000)); c1=$(cpu_ms "$pid")
    local idle=$((c1 - c0))
    # the watcher: every 20 ms, the time each bench-N first shows on screen
    local seen=$WORK/tmp/calls-seen.txt stop=$WORK/tmp/calls-stop; : > "$seen"; rm -f "$stop"
    (
      declare -A got=()
      while [ ! -e "$stop" ]; do
        s=$(capture "$sess") || break
        n=$(now_us)
        while [[ $s =~ bench-([0-9]+) ]]; do
          tok=${BASH_REMATCH[1]}
          [ -z "${got[$tok]:-}" ] && { got[$tok]=1; echo "$tok $n" >> "$seen"; }
          s=${s#*"${BASH_REMATCH[0]}"}
        done
        sleep 0.02
      done
    ) &
    local watcher=$!
    local tstart n rc msg ret
    tstart=$(now_us); c2=$(cpu_ms "$pid")
    declare -A RET=() RC=()
    for ((n = 1; n <= CALLS; n++)); do
      sleep_until_us $((tstart + (n - 1) * 1000000))
      rc=0
      msg=$("$bin" log call "$code" --outcome no-answer --note "bench-$n" --db "$db" --as-of "$ASOF" --user colleague 2>&1 >/dev/null) || rc=$?
      RET[$n]=$(now_us); RC[$n]=$rc
      if ((rc)); then echo "refused $n exit $rc: ${msg//$db/BOOK}" >> "$raw.msgs"; fi
    done
    sleep_until_us $((tstart + CALLS * 1000000)); c3=$(cpu_ms "$pid"); local t3; t3=$(now_us)
    # give the last call 10 s to show
    local last=${RET[$CALLS]}
    while (($(now_us) < last + 10000000)); do
      local want=0; for ((n = 1; n <= CALLS; n++)); do if ((RC[$n] == 0)); then want=$((want + 1)); fi; done
      (($(awk 'END {print NR}' "$seen") >= want)) && break
      sleep 0.1
    done
    touch "$stop"; wait "$watcher" 2>/dev/null || true
    # and the CPU until the last call showed (or 10 s after it returned), 1 s of settling included
    sleep 1
    local c4 t4 settled; c4=$(cpu_ms "$pid"); t4=$(now_us)
    settled=$(awk -v b="$((c4 - c2))" -v i="$idle" -v d="$(secs "$tstart" "$t4")" -v id="$IDLE_SECONDS" -v n="$CALLS" \
      'BEGIN {printf "%.1f", (b - i * d / id) / n}')
    capture "$sess" > "$RES/calls-$side-screen-after.txt" || true
    local lat=() refused=0 unseen=0
    for ((n = 1; n <= CALLS; n++)); do
      local sn l="" ; sn=$(awk -v n="$n" '$1 == n {print $2}' "$seen")
      if ((RC[$n])); then refused=$((refused + 1)); fi
      if [ -n "$sn" ]; then
        l=$(secs "${RET[$n]}" "$sn")
        # seen more than 10 s after its return counts as not seen
        if awk -v l="$l" 'BEGIN {exit !(l > 10)}'; then l=""; fi
      fi
      if [ -z "$l" ] && ((RC[$n] == 0)); then unseen=$((unseen + 1)); fi
      if [ -n "$l" ]; then lat+=("$l"); fi
      echo "$n ${RC[$n]} $(secs "$tstart" "${RET[$n]}") ${sn:+$(secs "$tstart" "$sn")} ${l:-unseen}" >> "$raw"
    done
    local gone=""
    if [ ! -e "/proc/$pid" ]; then gone=" (the workstation ENDED during the calls)"; fi
    quit "$sess" || true
    local busy=$((c3 - c2)) per
    # the window is CALLS s, longer only if the calls themselves ran late
    per=$(awk -v b="$busy" -v i="$idle" -v n="$CALLS" -v d="$(secs "$tstart" "$t3")" -v id="$IDLE_SECONDS" 'BEGIN {printf "%.1f", (b - i * d / id) / n}')
    local lmed lmax
    lmed=$(printf '%s\n' "${lat[@]:-}" | { grep . || true; } | median)
    lmax=$(printf '%s\n' "${lat[@]:-}" | { grep . || true; } | maxof)
    [ -z "$lmax" ] && lmax=nan
    {
      echo "account $code; workstation loaded in $tload s; Activity after $tabs tab(s); pid $pid$gone"
      echo "idle cpu over $IDLE_SECONDS s: $idle ms; cpu over the $(secs "$tstart" "$t3") s of calls: $busy ms; per call: $per ms (clock tick $((1000 / CLK_TCK)) ms)"
      echo "cpu until settled ($(secs "$tstart" "$t4") s): $((c4 - c2)) ms; per call, idle subtracted: $settled ms"
      echo "latency median $lmed s, max $lmax s, seen ${#lat[@]} of $((CALLS - refused)) acknowledged; refused $refused; unseen $unseen"
    } | tee -a "$raw" >&2
    printf '%s %s\n' "$per" "$idle $busy $lmed $lmax $refused $unseen $settled" > "$WORK/tmp/calls-$side.sum"
    unset RET RC
  done
  local -a B A
  B=($(cat "$WORK/tmp/calls-before.sum" 2>/dev/null || echo "nan nan nan nan nan nan nan nan"))
  A=($(cat "$WORK/tmp/calls-after.sum" 2>/dev/null || echo "nan nan nan nan nan nan nan nan"))
  row calls L "log call each 1 s: workstation CPU per call" "${B[0]} ms" "${A[0]} ms" "$(ratio "${B[0]}" "${A[0]}")" "" "" \
    "($CALLS s busy − idle) / $CALLS calls; idle $IDLE_SECONDS s: before ${B[1]} ms, after ${A[1]} ms; busy: ${B[2]} / ${A[2]} ms; counting the CPU until the last call showed: ${B[7]} / ${A[7]} ms per call"
  row calls L "log call each 1 s: return → visible, median" "$(fmt_s "${B[3]}")" "$(fmt_s "${A[3]}")" "$(ratio "${B[3]}" "${A[3]}")" "" "" \
    "capture-pane every 20 ms; not seen in 10 s: before ${B[6]}, after ${A[6]}"
  row calls L "log call each 1 s: return → visible, max" "$(fmt_s "${B[4]}")" "$(fmt_s "${A[4]}")" "$(ratio "${B[4]}" "${A[4]}")" "" "" ""
  local msgs=""
  for side in "${SIDES[@]}"; do
    [ ! -s "$RES/calls-$side.txt.msgs" ] || msgs+="$side: $(sed 's/^refused [0-9]* //' "$RES/calls-$side.txt.msgs" | sort | uniq -c | awk '{n = $1; $1 = ""; print n "×" $0}' | paste -sd';' -); "
  done
  row calls L "log call each 1 s: refused calls (of $CALLS)" "${B[5]}" "${A[5]}" "–" "" "" "${msgs:-none refused}"
}

# 3. contention: report loops, workstations and loggers on one book for CONTENTION_SECONDS
sec_contention() {
  say "== contention: 3 report loops, 3 workstations, 4 loggers for $CONTENTION_SECONDS s (book L)"
  start_rows contention L
  local -a codes; mapfile -t codes < <(codes_L | sed -n 2,5p)
  local side present_bin=$WORK/bin/present
  (cd "$REPO" && go build -o "$present_bin" ./bench/issue8/present)
  for side in "${SIDES[@]}"; do
    local dir=$RES/contention-$side db bin
    rm -rf "$dir"; mkdir -p "$dir"
    bin=$(bin_of "$side")
    db=$(copy L "$side" L-contend)
    "$bin" report queue --format csv --db "$db" --as-of "$ASOF" > /dev/null   # a first open (migrates, for the after binary)
    local w loaded=0
    for w in 1 2 3; do
      if open_ws "cont-$side-$w" "$side" "$db" "desk$w" > /dev/null; then loaded=$((loaded + 1)); else say "  workstation $w did not load"; fi
    done
    local tend=$(( $(now_us) + CONTENTION_SECONDS * 1000000 ))
    local -a pids=()
    local rep
    for rep in "book --as-of $ASOF" "queue --as-of $ASOF" "aging --as-of $MID"; do
      local name=${rep%% *}
      (
        while (($(now_us) < tend)); do
          t=$(now_us); rc=0
          # shellcheck disable=SC2086
          msg=$("$bin" report $rep --format csv --db "$db" 2>&1 >/dev/null) || rc=$?
          echo "$rc $(secs "$t" "$(now_us)") ${msg//$'\n'/ }" >> "$dir/report-$name.txt"
        done
      ) & pids+=($!)
    done
    local i
    for i in 1 2 3 4; do
      (
        n=0
        while (($(now_us) < tend)); do
          n=$((n + 1)); note=$(printf 'w%d-%06d' "$i" "$n")
          t=$(now_us); rc=0
          msg=$("$bin" log call "${codes[i-1]}" --outcome no-answer --note "$note" --db "$db" --as-of "$ASOF" --user "logger$i" 2>&1 >/dev/null) || rc=$?
          echo "$note $rc $(secs "$t" "$(now_us)") ${msg//$'\n'/ }" >> "$dir/logger-$i.txt"
        done
      ) & pids+=($!)
    done
    wait "${pids[@]}" || true
    local alive=0
    for w in 1 2 3; do
      if $TM has-session -t "cont-$side-$w" 2>/dev/null; then alive=$((alive + 1)); capture "cont-$side-$w" > "$dir/ws-$w-screen.txt"; quit "cont-$side-$w" || true; fi
    done
    cat "$dir"/logger-*.txt > "$dir/writes.txt"
    awk '$2 == 0 {print $1}' "$dir/writes.txt" > "$dir/acked.txt"
    awk '$2 != 0 {print $1}' "$dir/writes.txt" > "$dir/refused.txt"
    local attempted acked refused present missing rp
    attempted=$(awk 'END {print NR}' "$dir/writes.txt")
    acked=$(awk 'END {print NR}' "$dir/acked.txt"); refused=$((attempted - acked))
    local out rcp=0
    out=$("$present_bin" --db "$db" --notes "$dir/acked.txt" --missing "$dir/missing.txt" 2> "$dir/present.err") || rcp=$?
    if ((rcp > 1)); then present=nan; missing=nan; say "  present failed: $(cat "$dir/present.err")"
    else present=$(awk '{print $4}' <<< "$out"); missing=$(awk '{print $6}' <<< "$out"); fi
    rp=0
    if [ -s "$dir/refused.txt" ]; then
      rp=$("$present_bin" --db "$db" --notes "$dir/refused.txt" 2>/dev/null | awk '{print $4}') || true
    fi
    awk '$2 != 0 {printf "exit %s:", $2; for (i = 4; i <= NF; i++) printf " %s", $i; print ""}' "$dir/writes.txt" \
      | sed "s|$db|BOOK|g" | sort | uniq -c | sort -rn | awk '{n = $1; $1 = ""; print n "×" $0}' > "$dir/refused-messages.txt"
    local reps="" rfail=0 total=0
    for rep in book queue aging; do
      local c f
      c=$(awk 'END {print NR}' "$dir/report-$rep.txt" 2>/dev/null || echo 0)
      f=$(awk '$1 != 0' "$dir/report-$rep.txt" 2>/dev/null | awk 'END {print NR}')
      reps+="$rep $c (median $(fmt_s "$(awk '$1 == 0 {print $2}' "$dir/report-$rep.txt" | median)"), $f failed), "
      total=$((total + c)); rfail=$((rfail + f))
    done
    local lmed; lmed=$(awk '{print $3}' "$dir/writes.txt" | median)
    {
      echo "side $side book $db accounts ${codes[*]} seconds $CONTENTION_SECONDS"
      echo "writes attempted $attempted acknowledged $acked refused $refused"
      echo "acknowledged present $present missing $missing; refused but present $rp"
      echo "log call median $lmed s"
      echo "report runs $total, failed $rfail: ${reps%, }"
      echo "workstations loaded at the start: $loaded of 3, still running at the end: $alive"
      echo "refused messages:"; cat "$dir/refused-messages.txt"
    } | tee "$RES/contention-$side.txt" >&2
    echo "$attempted $acked $refused $present $missing $rp $lmed $total $rfail $alive $loaded" > "$WORK/tmp/cont-$side.sum"
    printf '%s' "${reps%, }" > "$WORK/tmp/cont-$side.reps"
  done
  local -a B A
  B=($(cat "$WORK/tmp/cont-before.sum" 2>/dev/null || echo nan nan nan nan nan nan nan nan nan nan nan))
  A=($(cat "$WORK/tmp/cont-after.sum" 2>/dev/null || echo nan nan nan nan nan nan nan nan nan nan nan))
  row contention L "contention ${CONTENTION_SECONDS} s: writes attempted" "${B[0]}" "${A[0]}" "–" "" "" "4 loggers, tight loop; log call median $(fmt_s "${B[6]}") / $(fmt_s "${A[6]}")"
  row contention L "contention: writes acknowledged" "${B[1]}" "${A[1]}" "–" "" "" ""
  local msgs=""
  for side in "${SIDES[@]}"; do
    [ ! -s "$RES/contention-$side/refused-messages.txt" ] || msgs+="$side: $(head -5 "$RES/contention-$side/refused-messages.txt" | paste -sd';' -); "
  done
  row contention L "contention: writes refused" "${B[2]}" "${A[2]}" "–" "" "" "${msgs:-none refused; }refused but present: ${B[5]} / ${A[5]}"
  row contention L "contention: acknowledged present / missing" "${B[3]} / ${B[4]}" "${A[3]} / ${A[4]}" "–" "" "" "read back with bench/issue8/present"
  row contention L "contention: report runs completed (failed)" "${B[7]} (${B[8]})" "${A[7]} (${A[8]})" "$(ratio "${A[7]}" "${B[7]}")" "" "" \
    "ratio after/before here; before: $(cat "$WORK/tmp/cont-before.reps" 2>/dev/null); after: $(cat "$WORK/tmp/cont-after.reps" 2>/dev/null); workstations loaded / alive at the end: before ${B[10]} / ${B[9]}, after ${A[10]} / ${A[9]} of 3"
}

# output check: OUT_TAG REPORT-ARGS; runs each side once, compares; sets CMP_NOTE, OK_before/OK_after
outputs() {
  local tag=$1 B=$2; shift 2
  local side rc
  CMP_NOTE=""
  for side in "${SIDES[@]}"; do
    rc=0
    "$(bin_of "$side")" "$@" --db "$(book "$B" "$side")" > "$RES/$tag-$side.csv" 2> "$RES/$tag-$side.err" || rc=$?
    eval "OK_$side=$((rc == 0))"
    if ((rc)); then CMP_NOTE+="$side FAILED (exit $rc: $(head -c 200 "$RES/$tag-$side.err")); "; fi
  done
  if cmp -s "$RES/$tag-before.csv" "$RES/$tag-after.csv"; then
    CMP_NOTE+="outputs identical ($(wc -l < "$RES/$tag-before.csv") lines, $(wc -c < "$RES/$tag-before.csv") bytes)"
  else
    CMP_NOTE+="outputs DIFFER (diff in $RES/$tag.diff)"
    diff "$RES/$tag-before.csv" "$RES/$tag-after.csv" > "$RES/$tag.diff" || true
  fi
}

# 4. report book and report queue as whole processes
sec_reports() {
  local B=$1 rep
  start_rows reports "$B"
  ensure_books "$B"
  for rep in book queue; do
    say "== reports: report $rep --format csv, book $B"
    local tag=report-$rep-$B db_b db_a
    db_b=$(book "$B" before); db_a=$(book "$B" after)
    outputs "$tag" "$B" report "$rep" --format csv --as-of "$ASOF"
    local -a cmds=()
    local side
    for side in "${SIDES[@]}"; do
      if eval "[ \$OK_$side = 1 ]"; then cmds+=("$side" "$(bin_of "$side") report $rep --format csv --as-of $ASOF --db $(book "$B" "$side")"); fi
    done
    summarise reports "$tag" "report $rep --format csv" "$B" "${cmds[@]}"
  done
}
# summarise SECTION TAG LABEL BOOK NAME CMD ...: hyperfine and RSS rounds, one table row; extra notes in EXTRA_NOTE
summarise() {
  local section=$1 tag=$2 label=$3 B=$4; shift 4
  local tb=nan ta=nan mb=nan ma=nan
  if (($#)); then
    hf "$tag" "$REPORT_RUNS" "$REPORT_WARMUP" "$@" || true
    rss "$tag" "$RSS_RUNS" "$@"
    tb=$(med_of before "$RES/$tag-times.txt"); ta=$(med_of after "$RES/$tag-times.txt")
    mb=$(med_of before "$RES/$tag-rss.txt"); ma=$(med_of after "$RES/$tag-rss.txt")
  fi
  {
    echo "# $label, book $B: hyperfine -N, warmup $REPORT_WARMUP, $REPORT_RUNS runs per command, one per round, order rotated"
    echo "median_s before $tb after $ta"
    echo "median_rss_kb before $mb after $ma (of $RSS_RUNS)"
    echo "$CMP_NOTE"
    echo "# times"; cat "$RES/$tag-times.txt" 2>/dev/null || true
    echo "# rss"; cat "$RES/$tag-rss.txt" 2>/dev/null || true
  } > "$RES/$tag.txt"
  say "  before $(fmt_s "$tb") ($(fmt_kb "$mb")), after $(fmt_s "$ta") ($(fmt_kb "$ma")); $CMP_NOTE${EXTRA_NOTE:+; $EXTRA_NOTE}"
  row "$section" "$B" "$label" "$(fmt_s "$tb")" "$(fmt_s "$ta")" "$(ratio "$tb" "$ta")" "$(fmt_kb "$mb")" "$(fmt_kb "$ma")" \
    "$CMP_NOTE${EXTRA_NOTE:+; $EXTRA_NOTE}"
}

# the SQLite copy of BOOK's data: export CSVs from a scratch copy (bench/export
# at EXPORT_REV) and load them with bench/sqlite/load.sql, once per book
sqlite_db() {
  local B=$1 out=$WORK/sqlite/$1.sqlite
  if [ ! -s "$out" ]; then
    mkdir -p "$WORK/sqlite" "$WORK/csv/$B"
    if [ ! -x "$WORK/bin/export" ]; then
      say "  building bench/export at $EXPORT_REV"
      rm -rf "$WORK/src-export"; mkdir -p "$WORK/src-export"
      git -C "$REPO" archive "$EXPORT_REV" | tar -x -C "$WORK/src-export"
      (cd "$WORK/src-export" && go build -o "$WORK/bin/export" ./bench/export)
    fi
    if [ ! -s "$WORK/csv/$B/invoices.csv" ]; then
      say "  exporting book $B to CSV"
      local scratch; scratch=$(copy "$B" tmp "export-$B")
      "$WORK/bin/export" --db "$scratch" --out "$WORK/csv/$B" >&2
      rm -f "$scratch"
    fi
    say "  loading book $B into SQLite"
    local t0; t0=$(now_us)
    rm -f "$out.tmp"
    (cd "$WORK/csv/$B" && sqlite3 "$out.tmp" < "$REPO/bench/sqlite/load.sql" > /dev/null)
    mv "$out.tmp" "$out"
    echo "sqlite load of $B: $(secs "$t0" "$(now_us)") s" | tee "$RES/sqlite-load-$B.txt" >&2
  fi
  echo "$out"
}

# 5. aging as of a mid-history date, with SQLite's aging query on the same data
sec_aging() {
  local B=$1
  start_rows aging "$B"
  ensure_books "$B"
  say "== aging: report aging --format csv --as-of $MID, book $B, with SQLite"
  local tag=aging-$B sq sql=$WORK/sqlite/aging-$MID.sql
  sq=$(sqlite_db "$B")
  sed "s/@ASOF@/$MID/g" "$REPO/bench/sqlite/aging.sql" > "$sql"
  outputs "$tag" "$B" report aging --format csv --as-of "$MID"
  sqlite3 "$sq" ".read $sql" > "$RES/$tag-sqlite.csv"
  local side same=""
  for side in "${SIDES[@]}"; do
    if cmp -s "$RES/$tag-$side.csv" "$RES/$tag-sqlite.csv"; then same+="$side = SQLite byte for byte; "
    else same+="$side ≠ SQLite ($RES/$tag-$side-sqlite.diff); "; diff "$RES/$tag-$side.csv" "$RES/$tag-sqlite.csv" > "$RES/$tag-$side-sqlite.diff" || true; fi
  done
  local -a cmds=()
  for side in "${SIDES[@]}"; do
    if eval "[ \$OK_$side = 1 ]"; then cmds+=("$side" "$(bin_of "$side") report aging --format csv --as-of $MID --db $(book "$B" "$side")"); fi
  done
  # hyperfine -N splits a command the way a shell would: ".read FILE" stays one argument
  cmds+=(sqlite "sqlite3 $sq '.read $sql'")
  EXTRA_NOTE=""
  summarise aging "$tag" "report aging --as-of $MID --format csv" "$B" "${cmds[@]}"
  local ts ms ta
  ts=$(med_of sqlite "$RES/$tag-times.txt"); ms=$(med_of sqlite "$RES/$tag-rss.txt"); ta=$(med_of after "$RES/$tag-times.txt")
  echo "median_s sqlite $ts; median_rss_kb sqlite $ms; ${same%; }" >> "$RES/$tag.txt"
  row aging "$B" "  SQLite aging.sql on the same data (peer)" "$(fmt_s "$ts")" "" "–" "$(fmt_kb "$ms")" "" \
    "SQLite in the before column; SQLite/after $(ratio "$ts" "$ta"); ${same%; }; same hyperfine rounds"
  say "  SQLite $(fmt_s "$ts") ($(fmt_kb "$ms")); ${same%; }"
}

print_table() {
  python3 - "$@" <<'PY'
import sys
rows = []
for f in sys.argv[1:]:
    try:
        for line in open(f):
            p = line.rstrip("\n").split("\t")
            rows.append(p + [""] * (8 - len(p)))
    except FileNotFoundError:
        pass
print("| row | book | before | after | ratio (before/after) | RSS before | RSS after | notes |")
print("|---|---|---|---|---|---|---|---|")
for r in rows:
    print("| " + " | ".join(c.replace("|", "/") for c in r[:8]) + " |")
PY
}

# ---------------------------------------------------------------- main

ORDERED="start calls contention reports aging"
if [ "$SECTIONS" = table ]; then
  files=()
  for s in $ORDERED; do for B in S L XL; do [ -f "$RES/rows-$s-$B.tsv" ] && files+=("$RES/rows-$s-$B.tsv"); done; done
  print_table "${files[@]}"
  exit 0
fi

BEFORE=${1:?usage: bench/issue8/run.sh BEFORE_BIN AFTER_BIN}
AFTER=${2:?usage: bench/issue8/run.sh BEFORE_BIN AFTER_BIN}
for s in $SECTIONS; do [[ " $ORDERED " == *" $s "* ]] || { say "unknown section $s ($ORDERED, table)"; exit 2; }; done
# copies of the binaries, so a rebuild during the run changes nothing
cp "$BEFORE" "$WORK/bin/acctdesk-before"; cp "$AFTER" "$WORK/bin/acctdesk-after"
rm -f "$WORK"/tmp/codes-*.txt "$WORK"/tmp/*.sum "$RES"/calls-*.msgs

{
  echo "== machine"
  echo "nproc: $(nproc); cpu: $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'); memory: $(free -h | awk '/Mem:/ {print $2}')"
  echo "load average at start: $(cut -d' ' -f1-3 /proc/loadavg); $(date -u +%FT%TZ)"
  echo "before: $BEFORE sha256 $(sha256sum < "$BEFORE" | cut -c1-16)"
  echo "after:  $AFTER sha256 $(sha256sum < "$AFTER" | cut -c1-16)"
  echo "sections: $SECTIONS; books: $BOOKS"
} | tee "$RES/machine.txt" >&2

EXTRA_NOTE=""
tm_up
for s in $ORDERED; do
  case $s in calls | contention) [[ " $SECTIONS " == *" $s "* ]] && ensure_books L ;; esac
  [[ " $SECTIONS " == *" $s "* ]] || continue
  case $s in
    calls) sec_calls ;;
    contention) sec_contention ;;
    *) for B in $BOOKS; do "sec_$s" "$B"; done ;;
  esac
done
echo "load average at end: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$RES/machine.txt" >&2

echo
print_table "${ROWFILES[@]}" | tee "$RES/table.md"
