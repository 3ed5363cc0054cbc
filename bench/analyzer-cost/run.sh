#!/usr/bin/env bash
# Analyzer cost on a generated service codebase: builds it without analyzers, with ours, and with ours beside
# Meziantou.Analyzer, alternating, ROUNDS times each (-p:ReportAnalyzer=true, full recompiles), then prints
# the wall times and the compiler's per-analyzer report for each build, with the Csc task's own time
# (from MSBuild's performance summary) to state ours as a share of the compiler's time.
# Usage: bench/analyzer-cost/run.sh [FILES (default 2000)] [ROUNDS (default 3)] [SEED (default 13)]
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
  start=$(date +%s.%N)
  dotnet build -c Release --no-restore --no-incremental -nologo -v:d -clp:PerformanceSummary -p:ReportAnalyzer=true "$@" > "$logs/$name.log" 2>&1
  end=$(date +%s.%N)
  echo "$name $(echo "$end - $start" | bc)" >> "$logs/walltimes.txt"
}

for round in $(seq 1 "$rounds"); do
  build "none-$round"
  build "eg-$round" -p:EventGovernanceAnalyzers="$analyzer"
  build "eg-meziantou-$round" -p:EventGovernanceAnalyzers="$analyzer" -p:WithMeziantou=true
done

echo "== wall time per build (s) =="
cat "$logs/walltimes.txt"
python3 "$here/report.py" "$logs"
echo "logs: $logs"
