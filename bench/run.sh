#!/usr/bin/env bash
# Runs the benchmarks with BenchmarkDotNet's short job, then prints each benchmark's mean and its ratio
# to the first (smallest) parameter row of the same method, to show how the cost grows with size.
# Usage: bench/run.sh [BenchmarkDotNet filter(s), quoted and space-separated, default '*'] [more BenchmarkDotNet arguments]
set -euo pipefail
set -f # filters are BenchmarkDotNet globs, not file names
cd "$(dirname "$0")/.."
filter="${1:-*}"
artifacts="bench/EventGovernance.Benchmarks/BenchmarkDotNet.Artifacts"
rm -rf "$artifacts/results"
# --inProcess: no boilerplate project is generated and built per run (that build times out on a busy machine).
# Extra arguments go to BenchmarkDotNet, e.g. bench/run.sh '*Avro*' --job medium
shift || true
dotnet run -c Release --project bench/EventGovernance.Benchmarks -- \
  --filter $filter --job short --inProcess --artifacts "$artifacts" "$@"

echo
echo "== Mean per benchmark, and ratio to the first row of the same method =="
for report in "$artifacts"/results/*-report-github.md; do
  [ -e "$report" ] || continue
  echo "-- $(basename "$report" -report-github.md)"
  # Rows of the markdown table: | Method | <params...> | Mean | Error | ...
  awk -F'|' '
    function trim(s) { gsub(/^[ \t*]+|[ \t*]+$/, "", s); return s }
    function ns(v,   n, u) {
      v = trim(v); gsub(/,/, "", v)
      n = v + 0; u = v; sub(/^[0-9.]+ */, "", u)
      if (u == "ns") return n; if (u == "us" || u == "μs") return n * 1e3
      if (u == "ms") return n * 1e6; if (u == "s") return n * 1e9
      return n
    }
    /^\| *Method/ { for (i = 2; i < NF; i++) { h[i] = trim($i); if (h[i] == "Mean") meancol = i }; inside = 1; next }
    inside && /^\|[-: |]+$/ { next }
    inside && /^\|/ {
      m = trim($2); params = ""
      for (i = 3; i < meancol; i++) params = params h[i] "=" trim($i) " "
      mean = ns($meancol)
      if (!(m in first)) first[m] = mean
      printf "  %-14s %-24s mean %14.1f us   x%.2f\n", m, params, mean / 1e3, (first[m] > 0 ? mean / first[m] : 0)
    }' "$report"
done
