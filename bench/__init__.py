"""Benchmarks: ``make bench`` prints ``BENCH <name> <value> <unit>`` lines."""

from pathlib import Path


def piek_rss_mib() -> float:
    """Peak resident memory of this process's current program image, in MiB (Linux ``VmHWM``).

    Unlike ``getrusage(RUSAGE_SELF).ru_maxrss``, which Linux carries over from the parent through
    fork and exec, ``VmHWM`` starts afresh in a new program, so a benchmark subprocess reports only
    its own peak.
    """
    for regel in Path("/proc/self/status").read_text().splitlines():
        if regel.startswith("VmHWM:"):
            return int(regel.split()[1]) / 1024
    raise RuntimeError("VmHWM niet gevonden in /proc/self/status")
