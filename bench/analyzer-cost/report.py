#!/usr/bin/env python3
"""Reads the detailed build logs written by run.sh and prints, per build, the compiler's total analyzer time,
each of our rules' time (and their share of the Csc task's time, from MSBuild's performance summary), and
Meziantou.Analyzer's time per rule (the compiler reports one line per analyzer)."""
import glob, os, re, sys
from collections import defaultdict

logs = sys.argv[1]
# ReportAnalyzer lines look like:  "   0.123   12  EventGovernance.Analyzers.KafkaAutoCommitAnalyzer (EG0002)"
# under an assembly header "   0.456   EventGovernance.Analyzers, Version=..."
line_re = re.compile(r"^\s*(<?[0-9.]+)\s+(\d+|<1)?\s+(\S.*)$")
summary = defaultdict(list)
for path in sorted(glob.glob(os.path.join(logs, "*.log"))):
    name = os.path.basename(path)[:-4]
    text = open(path, errors="replace").read()
    total = re.search(r"Total analyzer execution time:\s*([0-9.]+)", text)
    compile_ms = re.findall(r"^\s*([0-9]+) ms\s+Csc\s", text, re.M)
    ours, mez = {}, {}
    section = None
    for raw in text.splitlines():
        m = line_re.match(raw)
        if not m:
            continue
        secs, _pct, what = m.groups()
        if "EventGovernance.Analyzers," in what:
            section = "ours"; continue
        if "Meziantou.Analyzer," in what:
            section = "mez"; continue
        if ", Version=" in what:
            section = None; continue
        if section and secs[0] != "<":
            (ours if section == "ours" else mez)[what.strip()] = float(secs)
        elif section and secs[0] == "<":
            (ours if section == "ours" else mez)[what.strip()] = 0.0005
    csc_s = int(compile_ms[-1]) / 1000 if compile_ms else None
    print(f"-- {name}: total analyzer time {total.group(1) if total else '?'} s, Csc task {f'{csc_s:.1f} s' if csc_s else '?'}")
    if ours:
        share = f", {sum(ours.values()) / csc_s * 100:.1f}% of the Csc task" if csc_s else ""
        print(f"   ours: {sum(ours.values()):.3f} s over {len(ours)} analyzers, mean {sum(ours.values()) / len(ours) * 1000:.0f} ms{share}")
        for k, v in sorted(ours.items(), key=lambda kv: -kv[1]):
            print(f"     {v:7.3f} s  {k}")
    if mez:
        print(f"   Meziantou.Analyzer: {sum(mez.values()):.3f} s over {len(mez)} analyzers, mean {sum(mez.values()) / len(mez) * 1000:.1f} ms")
