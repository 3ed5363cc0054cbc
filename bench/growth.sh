#!/usr/bin/env bash
# The engine's growth table: each operation at each size (JSON Schema 1,000 / 10,000 / 50,000 properties,
# Avro and Protobuf 100 / 1,000 / 10,000 fields, ...), per call on the measuring thread's CPU time and
# allocated bytes, with the growth between consecutive sizes against the target (1.2 x the input's growth).
# Thread CPU time is not distorted by other load on the machine, unlike BenchmarkDotNet's wall-clock figures.
# Usage: bench/growth.sh [operation filter(s), case-insensitive substrings, e.g. 'json schema parse' avro]
#        bench/growth.sh --cold-cache [filters]: the CPU cache swept before each measured call, so a small input
#        is not read from the cache its previous call filled (slower: tens of MB written per call)
# Progress goes to stderr, the markdown table to stdout; about five minutes for the whole table.
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet run -c Release --project bench/EventGovernance.Benchmarks -- --growth "$@"
