#!/usr/bin/env bash
# Analyzer cost on a generated service codebase: builds it with the SDK's analyzers only, with ours, with
# Meziantou.Analyzer, and with both, alternating, ROUNDS times each (full recompiles, -p:ReportAnalyzer=true,
# a new compiler process each time). Prints, per configuration, the median wall time, CPU time and Csc task
# time, what ours and Meziantou.Analyzer each add to them (in all and per rule), and the compiler's own
# per-analyzer report. The added Csc and CPU time is the cost a user pays; the compiler's report leaves out
# the driver's work done on an analyzer's behalf (see docs/performance.md).
# Usage: bench/analyzer-cost/run.sh [FILES (default 2000)] [ROUNDS (default 3)] [SEED (default 13)]
# With EVENTGOV_BASELINE_ANALYZER=<an older EventGovernance.Analyzers.dll>, each round also builds with that one
# (alone and beside Meziantou.Analyzer), to compare a change against what it replaces on the same codebase.
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
files="${1:-2000}"; rounds="${2:-3}"; seed="${3:-13}"
work="$(mktemp -d "${TMPDIR:-/tmp}/eg-analyzer-cost.XXXXXX")"
logs="$work/logs"; mkdir -p "$logs"

dotnet build -c Release "$repo/analyzers/EventGovernance.Analyzers" -v:q -nologo >/dev/null
analyzer="$repo/analyzers/EventGovernance.Analyzers/bin/Release/netstandard2.0/EventGovernance.Analyzers.dll"
python3 "$here/generate.py" "$work/src" --files "$files" --seed "$seed"
cd "$work/src"

build() { # name, extra properties...
  local name="$1"; shift
  local start end
  # Restored with the same properties each time: a package analyzer comes from the restore's assets file.
  dotnet restore -v:q "$@" >/dev/null
  # A new compiler process per build (no compiler server): its CPU time is then the build's own.
  echo "$name $(python3 "$here/timed.py" "$logs/$name.log" dotnet build -c Release --no-restore --no-incremental -nologo -v:d \
    -clp:PerformanceSummary -p:ReportAnalyzer=true -p:UseSharedCompilation=false -nodeReuse:false "$@")" >> "$logs/times.txt"
}

for round in $(seq 1 "$rounds"); do
  build "none-$round"
  build "eg-$round" -p:EventGovernanceAnalyzers="$analyzer"
  build "meziantou-$round" -p:WithMeziantou=true
  build "eg-meziantou-$round" -p:EventGovernanceAnalyzers="$analyzer" -p:WithMeziantou=true
  if [ -n "${EVENTGOV_BASELINE_ANALYZER:-}" ]; then
    build "baseline-$round" -p:EventGovernanceAnalyzers="$EVENTGOV_BASELINE_ANALYZER"
    build "baseline-meziantou-$round" -p:EventGovernanceAnalyzers="$EVENTGOV_BASELINE_ANALYZER" -p:WithMeziantou=true
  fi
done

echo "== wall and CPU seconds per build =="
cat "$logs/times.txt"
python3 "$here/report.py" "$logs"
echo "logs: $logs"
