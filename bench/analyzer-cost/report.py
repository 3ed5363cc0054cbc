#!/usr/bin/env python3
"""Reads the detailed build logs written by run.sh. First, per configuration, the medians of wall, CPU and Csc task
time and what ours and Meziantou.Analyzer add to them, in all and per rule: the cost a user pays. Then, per build,
the compiler's own analyzer report: its total, each of our rules' time (and their share of the Csc task), and
Meziantou.Analyzer's time per rule. That report times the analyzers' callbacks only, not the driver's work done for
them (a symbol-start action's bookkeeping was once most of our cost and showed in no line of it)."""
import glob, os, re, statistics, sys
from collections import defaultdict

logs = sys.argv[1]


def csc_ms(path):
    found = re.findall(r"^\s*([0-9]+) ms\s+Csc\s", open(path, errors="replace").read(), re.M)
    return int(found[-1]) if found else None


def rules_in(path, assembly):
    """How many analyzers of an assembly the compiler's report lists for one build."""
    count, inside = 0, False
    for raw in open(path, errors="replace").read().splitlines():
        m = line_re.match(raw)
        if not m:
            continue
        what = m.group(3)
        if ", Version=" in what:
            inside = assembly + "," in what
        elif inside:
            count += 1
    return count


line_re = re.compile(r"^\s*(<?[0-9.]+)\s+(\d+|<1)?\s+(\S.*)$")
times_path = os.path.join(logs, "times.txt")
if os.path.exists(times_path):
    by_config = defaultdict(list)
    for raw in open(times_path):
        name, wall, cpu = raw.split()
        by_config[name.rsplit("-", 1)[0]].append((float(wall), float(cpu), csc_ms(os.path.join(logs, name + ".log")) or 0))
    med = {c: tuple(statistics.median(v[i] for v in runs) for i in range(3)) for c, runs in by_config.items()}
    print("== medians per configuration (wall s, CPU s, Csc task s) ==")
    for config, (wall, cpu, csc) in med.items():
        print(f"  {config:14} wall {wall:7.2f}   CPU {cpu:7.2f}   Csc {csc / 1000:7.2f}   ({len(by_config[config])} builds)")
    first = {c: os.path.join(logs, f"{c}-1.log") for c in med}

    def added(label, config, base, assembly):
        if config not in med or base not in med:
            return
        rules = rules_in(first[config], assembly) or 1
        d_cpu = med[config][1] - med[base][1]
        d_csc = (med[config][2] - med[base][2]) / 1000
        print(f"  {label:34} Csc +{d_csc:6.2f} s ({d_csc / (med[base][2] / 1000) * 100:5.1f}% of {base}'s), "
              f"CPU +{d_cpu:6.2f} s; per rule over {rules}: Csc {d_csc / rules * 1000:6.1f} ms, CPU {d_cpu / rules * 1000:6.1f} ms")

    print("== added to the build (median against median) ==")
    added("ours, to the SDK's analyzers", "eg", "none", "EventGovernance.Analyzers")
    added("Meziantou, to the SDK's analyzers", "meziantou", "none", "Meziantou.Analyzer")
    added("ours, beside Meziantou", "eg-meziantou", "meziantou", "EventGovernance.Analyzers")
    added("baseline, to the SDK's analyzers", "baseline", "none", "EventGovernance.Analyzers")
    added("baseline, beside Meziantou", "baseline-meziantou", "meziantou", "EventGovernance.Analyzers")
    print()
# ReportAnalyzer lines (above, line_re) look like:  "   0.123   12  EventGovernance.Analyzers.KafkaAutoCommitAnalyzer (EG0002)"
# under an assembly header "   0.456   EventGovernance.Analyzers, Version=..."
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
