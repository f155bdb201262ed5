"""Bombs and pathological shapes at full size (19-20 MB): time and peak memory of each import.

Each file is imported by the CLI in its own process (tests/reliability/import_one.py), so
the peak memory is that file's alone. Budget (issue 14): 20 s and 500 MB for a 20 MB file
on the 2-core development machine. The last line printed is one JSON object.
"""

from __future__ import annotations

import json
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
RELIABILITY = ROOT / "tests" / "reliability"
sys.path.insert(0, str(RELIABILITY))

from pathological import write  # noqa: E402

BUDGET_SECONDS, BUDGET_MB = 20.0, 500.0


def main() -> int:
    with tempfile.TemporaryDirectory(prefix="chronologue-hostile-") as tmp:
        folder = Path(tmp) / "files"
        expected = write(folder, full=True)
        results = {}
        for name in expected:
            path = folder / name
            ws = Path(tmp) / f"{name}.chronologue"
            done = subprocess.run([sys.executable, str(RELIABILITY / "import_one.py"), str(ws),
                                   str(path)], capture_output=True, text=True, cwd=ROOT,
                                  timeout=600)  # fmt: skip
            r = json.loads(done.stdout.splitlines()[-1])
            said = (r["err"] or r["out"]).strip().splitlines()[0][:140]
            results[name] = {"mb": round(path.stat().st_size / 2**20, 1),
                             "seconds": round(r["seconds"], 2), "peak_mb": round(r["peak_mb"]),
                             "within_budget": r["seconds"] <= BUDGET_SECONDS
                             and r["peak_mb"] <= BUDGET_MB, "said": said}  # fmt: skip
            print(f"{name:26} {results[name]['mb']:6} MB {r['seconds']:7.2f} s "
                  f"{r['peak_mb']:6.0f} MB peak  {said}", flush=True)
    print(json.dumps({"budget": {"seconds": BUDGET_SECONDS, "peak_mb": BUDGET_MB},
                      "files": results,
                      "all_within_budget": all(v["within_budget"] for v in results.values())}))
    return 0


if __name__ == "__main__":
    sys.exit(main())
