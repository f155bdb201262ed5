"""Import files with the CLI in this process and print one JSON line per file.

Usage: python import_one.py WORKSPACE FILE

Run once per file so that the peak memory printed is that file's alone. The peak is the
process's own VmHWM: Linux carries ru_maxrss over exec, so a child of a big pytest process
would report its parent's size.
"""

from __future__ import annotations

import io
import json
import sys
import time

from desktop.cli import main


def peak_mb() -> float:
    """This process's peak resident memory in MB (VmHWM; ru_maxrss where /proc is absent)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) / 1024
    except OSError:
        pass
    import resource

    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


if __name__ == "__main__":
    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    code = main(["import", "--workspace", sys.argv[1], sys.argv[2]], out, err)
    print(json.dumps({"file": sys.argv[2], "code": code, "out": out.getvalue(),
                      "err": err.getvalue(), "seconds": time.perf_counter() - start,
                      "peak_mb": peak_mb()}))
