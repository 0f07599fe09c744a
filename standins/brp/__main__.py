"""python -m standins.brp --host 127.0.0.1 --port 8091 --data standins/brp/personen.json [--api-key KEY] [--beheer]"""

from __future__ import annotations

import argparse
import json
import logging
import signal
import sys
import threading
import time
from pathlib import Path

from standins.brp.contract import Contract
from standins.brp.personen import Personen
from standins.brp.server import BrpStandin, maak_server

STANDAARD_DATA = Path(__file__).with_name("personen.json")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m standins.brp", description="BRP API Personen stand-in (synthetic persons)."
    )
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8091, help="0 picks a free port (printed on start)")
    parser.add_argument(
        "--data", type=Path, default=STANDAARD_DATA, help="JSON data file with personen and gebeurtenissen"
    )
    parser.add_argument(
        "--api-key", default=None, help="required value of the X-API-KEY header (without it: no key checked)"
    )
    parser.add_argument(
        "--beheer", action="store_true", help="enable the /_beheer endpoints (state changes for tests and demo)"
    )
    parser.add_argument(
        "--opslag", type=Path, default=None, help="persist changes to this JSON file (kept across restarts)"
    )
    parser.add_argument("--streng", action=argparse.BooleanOptionalAction, default=True,
                        help="validate every answer against the contract; answer 500 if it would be invalid (default on)")  # fmt: skip
    parser.add_argument(
        "--geen-gebeurtenissen", action="store_true", help="ignore the scheduled events in the data file"
    )
    parser.add_argument("--log-level", default="INFO")
    args = parser.parse_args(argv)

    logging.basicConfig(level=args.log_level.upper(), format="%(asctime)s brp-standin %(levelname)s %(message)s")
    data = json.loads(args.data.read_text(encoding="utf-8"))
    if args.geen_gebeurtenissen:
        data["gebeurtenissen"] = []
    personen = Personen(data, opslag=args.opslag)
    app = BrpStandin(personen, Contract(), streng=args.streng)
    server = maak_server(args.host, args.port, app, args.api_key, args.beheer)
    host, port = server.server_address[:2]
    # one parseable line on stdout: the test helper and scripts read the port from it
    print(f"BRP stand-in luistert op http://{host}:{port}", flush=True)
    if args.api_key is None:
        logging.getLogger("standins.brp").warning("geen --api-key: elke aanroep wordt geaccepteerd")

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)

    def klok():  # scheduled events happen on time (logged, persisted), not only at the next request
        while True:
            time.sleep(1)
            try:
                personen.pas_gebeurtenissen_toe()
            except Exception:
                logging.getLogger("standins.brp").exception("gebeurtenissen toepassen mislukt")

    threading.Thread(target=klok, name="gebeurtenissen", daemon=True).start()
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
