#!/usr/bin/env python3
"""Times a command: the best wall-clock time of RUNS runs, in seconds (exit status 0 or 1 accepted).

Usage: timed.py [--fresh PATH] RUNS COMMAND [ARG ...]

With --fresh, PATH and its SQLite companions (PATH-wal, PATH-shm, PATH-claims...) are deleted before
each run, outside the timing, so that every run writes a new catalog.
"""
import glob, os, subprocess, sys, time

args = sys.argv[1:]
fresh = None
if args[:1] == ["--fresh"]:
    fresh, args = args[1], args[2:]
runs, command = int(args[0]), args[1:]
times = []
for _ in range(runs):
    if fresh:
        for path in [fresh] + glob.glob(glob.escape(fresh) + "-*"):
            if os.path.exists(path):
                os.remove(path)
        subprocess.run(["sync"])
    t0 = time.perf_counter()
    result = subprocess.run(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    times.append(time.perf_counter() - t0)
    if result.returncode not in (0, 1):
        sys.exit(f"{command} exited {result.returncode}")
print(f"{min(times):.3f}")
