#!/usr/bin/env python3
"""Times a command: the best wall-clock time of RUNS runs, in seconds (exit status 0 or 1 accepted).

Usage: timed.py RUNS COMMAND [ARG ...]
"""
import subprocess, sys, time

runs, command = int(sys.argv[1]), sys.argv[2:]
times = []
for _ in range(runs):
    t0 = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times.append(time.perf_counter() - t0)
    if result.returncode not in (0, 1):
        sys.exit(f"{command} exited {result.returncode}")
print(f"{min(times):.3f}")
