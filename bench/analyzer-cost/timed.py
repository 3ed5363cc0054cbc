#!/usr/bin/env python3
"""Runs a command with its output to a log and prints "WALL CPU": wall seconds and the CPU seconds (user + system)
of the command and every process it started. CPU seconds are the dependable figure on a shared machine: they do not
count the time spent waiting for a core."""
import resource, subprocess, sys, time

log, command = sys.argv[1], sys.argv[2:]
before = resource.getrusage(resource.RUSAGE_CHILDREN)
start = time.monotonic()
with open(log, "w") as out:
    code = subprocess.call(command, stdout=out, stderr=subprocess.STDOUT)
wall = time.monotonic() - start
after = resource.getrusage(resource.RUSAGE_CHILDREN)
cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
print(f"{wall:.2f} {cpu:.2f}")
sys.exit(code)
