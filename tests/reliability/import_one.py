"""Import files with the CLI in this process and print one JSON line per file.

Usage: python import_one.py WORKSPACE FILE

Run once per file so that the peak memory printed is that file's alone.
"""

from __future__ import annotations

import io
import json
import resource
import sys
import time

from desktop.cli import main

if __name__ == "__main__":
    out, err = io.StringIO(), io.StringIO()
    start = time.perf_counter()
    code = main(["import", "--workspace", sys.argv[1], sys.argv[2]], out, err)
    print(json.dumps({"file": sys.argv[2], "code": code, "out": out.getvalue(),
                      "err": err.getvalue(), "seconds": time.perf_counter() - start,
                      "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024}))
