# Copyright 2026 Coop Addons Contributors
# License AGPL-3.0 or later (https://www.gnu.org/licenses/agpl).
import argparse
import pkgutil
import sys
from pathlib import Path

from .harness import coopdev, run_benchmark


def main():
    names = sorted(
        m.name
        for m in pkgutil.iter_modules([str(Path(__file__).parent)])
        if m.name not in ("harness", "two_servers")
    )
    parser = argparse.ArgumentParser(prog="python -m bench")
    parser.add_argument("name", choices=names)
    parser.add_argument("--n", type=int, help="size of the seeded data")
    parser.add_argument("--keep", action="store_true", help="keep the scratch database")
    args = parser.parse_args()
    try:
        run_benchmark(args.name, args.n, args.keep)
    except coopdev.SetupError as exc:
        print(f"bench: error: {exc}", file=sys.stderr)
        return 2
    return 0


if __name__ == "__main__":
    sys.exit(main())
