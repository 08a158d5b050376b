#!/usr/bin/env bash
# Times mopdeck's one-shot commands against taskwarrior's on the same
# items (10,000 by default): export, import, one add, and --version. Runs
# of the two tools alternate, each a whole process, so that a busy machine
# weighs on both alike; the medians and mopdeck's time as a fraction of
# taskwarrior's are printed. Not part of CI's pass or fail: run it by hand.
#
#   .ci/bench-vs-taskwarrior.sh               # 10,000 items, 7 runs each
#   N=100000 RUNS=3 .ci/bench-vs-taskwarrior.sh
#
# It skips (exit 0) when taskwarrior is not installed:
#   apt-get install -y taskwarrior
set -euo pipefail
cd "$(dirname "$0")/.."

if ! command -v task >/dev/null 2>&1; then
  echo "bench-vs-taskwarrior: taskwarrior (task) is not installed; skipped (apt-get install -y taskwarrior)"
  exit 0
fi
N=${N:-10000}
RUNS=${RUNS:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

go build -o "$work/mopdeck" .
mopdeck="$work/mopdeck"

# The same N items for both: a title, a description, a rating.
awk -v n="$N" 'BEGIN {
  print "title,description,impact,complexity,estimate,decision,area,assignee"
  split("low medium high", cx, " "); split("now later ", dec, " ")
  for (i = 0; i < n; i++)
    printf "Request %d about the lead form field order,Testers found the field order differs %d,%d,%s,%d,%s,workflow,ann\n",
      i, i, i % 5 + 1, cx[i % 3 + 1], i % 60 + 1, dec[i % 3 + 1]
}' >"$work/items.csv"
awk -v n="$N" 'BEGIN {
  split("H M L", pr, " ")
  printf "["
  for (i = 0; i < n; i++) {
    if (i) printf ","
    printf "{\"description\":\"Request %d about the lead form field order\",\"annotations\":[{\"entry\":\"20260101T000000Z\",\"description\":\"Testers found the field order differs %d\"}],\"project\":\"Bench\",\"priority\":\"%s\",\"status\":\"pending\",\"entry\":\"20260101T000000Z\",\"tags\":[\"workflow\"]}\n", i, i, pr[i % 3 + 1]
  }
  print "]"
}' >"$work/items.json"

# Starting points: an empty project, and one holding the N items.
"$mopdeck" --db "$work/empty.db" new --template mrm "Bench" >/dev/null
cp "$work/empty.db" "$work/full.db"
"$mopdeck" --db "$work/full.db" import changes "$work/items.csv" >/dev/null
twrc() { printf 'data.location=%s\nconfirmation=off\nverbose=nothing\nhooks=off\ngc=on\nnews.version=2.6.2\n' "$1" >"$1.rc"; }
mkdir -p "$work/tw-empty" "$work/tw-full"
twrc "$work/tw-empty"
twrc "$work/tw-full"
TASKRC="$work/tw-full.rc" task import "$work/items.json" >/dev/null 2>&1

# elapsed CMD… prints the wall time of one run in microseconds.
elapsed() {
  local t0=$EPOCHREALTIME
  "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; exit 1; }
  local t1=$EPOCHREALTIME
  echo $(( (${t1/./} - ${t0/./}) ))
}
median() { sort -n | awk '{ a[NR] = $1 } END { print a[int((NR + 1) / 2)] }'; }

# bench NAME SETUP-M CMD-M SETUP-T CMD-T: alternating runs, each setup
# untimed before its run.
bench() {
  local name=$1 m=() t=()
  for ((r = 0; r < RUNS; r++)); do
    eval "$2"; m+=("$(eval "elapsed $3")")
    eval "$4"; t+=("$(eval "elapsed $5")")
  done
  local mm tm
  mm=$(printf '%s\n' "${m[@]}" | median)
  tm=$(printf '%s\n' "${t[@]}" | median)
  awk -v n="$name" -v m="$mm" -v t="$tm" 'BEGIN {
    printf "%-10s mopdeck %8.1f ms   taskwarrior %8.1f ms   ratio %.2f\n", n, m / 1000, t / 1000, m / t }'
}

echo "$N items, median of $RUNS alternating runs, $(nproc) cores"
bench version ":" "$mopdeck --version" ":" "task --version"
bench export \
  ":" "$mopdeck --db $work/full.db export changes --format json" \
  ":" "env TASKRC=$work/tw-full.rc task export"
bench import \
  "cp $work/empty.db $work/m.db; rm -f $work/m.db.clean" "$mopdeck --db $work/m.db import changes $work/items.csv" \
  "rm -rf $work/t; mkdir $work/t; twrc $work/t" "env TASKRC=$work/t.rc task import $work/items.json"
cp "$work/full.db" "$work/add.db"
cp -r "$work/tw-full" "$work/tw-add"
twrc "$work/tw-add"
bench add \
  ":" "$mopdeck --db $work/add.db change add 'One more request' --impact 3" \
  ":" "env TASKRC=$work/tw-add.rc task add 'One more request' priority:M"
if [ -x /usr/bin/time ]; then
  kib=$(/usr/bin/time -f %M "$mopdeck" --db "$work/full.db" export changes --format json 2>&1 >/dev/null | tail -1)
  echo "peak memory of mopdeck export changes --format json: $((kib / 1024)) MiB"
fi
