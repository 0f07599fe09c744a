"""python -m standins.duo --host 127.0.0.1 --port 0 [--base-pad /v1] [--opslag FILE.json] [--beheer] … (README.md)"""

from __future__ import annotations

import argparse
import logging
import signal
import sys
import threading
from pathlib import Path

from standins.duo.contract import STANDAARD_MAP, Contracten
from standins.duo.server import (
    STANDAARD_GEMEENTECODE,
    STANDAARD_OIN_DUO,
    STANDAARD_OIN_GEMEENTE,
    DuoStandin,
    Instellingen,
    maak_server,
    tls_context,
)
from standins.duo.staat import STANDAARD_PERSONEN, Staat


def _gemeente(waarde: str) -> tuple[str, str]:
    oin, _, code = waarde.partition("=")
    if len(oin) != 20 or not oin.isdigit() or (code and (len(code) != 4 or not code.isdigit())):
        raise argparse.ArgumentTypeError("OIN van 20 cijfers, optioneel =GEMEENTECODE (4 cijfers)")
    return oin, code or STANDAARD_GEMEENTECODE


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m standins.duo",
                                     description="DUO M2M (inburgering) stand-in (synthetic persons).")  # fmt: skip
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, default=8092, help="0 picks a free port (printed on start)")
    parser.add_argument("--base-pad", default="/v1", help="base path of the contracts (default /v1)")
    parser.add_argument("--contracten", type=Path, default=STANDAARD_MAP, help="folder with */openapi.yml")
    parser.add_argument("--personen", type=Path, default=STANDAARD_PERSONEN, help="seed data (personen.json)")
    parser.add_argument("--opslag", type=Path, default=None, help="persist state to this JSON file (kept across restarts)")  # fmt: skip
    parser.add_argument("--oin-gemeente", type=_gemeente, action="append", default=None, metavar="OIN[=CODE]",
                        help=f"accepted bron OIN, with its gemeentecode (default {STANDAARD_OIN_GEMEENTE}={STANDAARD_GEMEENTECODE}); repeatable")  # fmt: skip
    parser.add_argument("--oin-duo", default=STANDAARD_OIN_DUO, help=f"DUO's OIN, the expected doel (default {STANDAARD_OIN_DUO})")  # fmt: skip
    parser.add_argument("--beheer", action="store_true", help="enable the state-changing /_beheer endpoints")
    parser.add_argument("--notificatie-url", default=None, help="the gemeente's Notificatie endpoint (full URL)")
    parser.add_argument("--notificatie-token", default=None, help="sent as Authorization: Token <token>")
    parser.add_argument("--demo-notificatie-na", type=float, default=None, metavar="SECONDS",
                        help="post SS139 for the demo person this many seconds after start")  # fmt: skip
    parser.add_argument("--tls-cert", default=None)
    parser.add_argument("--tls-key", default=None)
    parser.add_argument("--client-ca", default=None, help="with --tls-cert/--tls-key: require a client certificate from this CA")  # fmt: skip
    parser.add_argument("--log-level", default="INFO")
    args = parser.parse_args(argv)

    logging.basicConfig(level=args.log_level.upper(), format="%(asctime)s duo-standin %(levelname)s %(message)s")
    tls_args = (args.tls_cert, args.tls_key, args.client_ca)
    if any(tls_args) and not all(tls_args):
        parser.error("--tls-cert, --tls-key en --client-ca horen bij elkaar")
    inst = Instellingen(
        base_pad="/" + args.base_pad.strip("/") if args.base_pad.strip("/") else "",
        gemeenten=dict(args.oin_gemeente or [(STANDAARD_OIN_GEMEENTE, STANDAARD_GEMEENTECODE)]),
        oin_duo=args.oin_duo,
        beheer=args.beheer,
        notificatie_url=args.notificatie_url,
        notificatie_token=args.notificatie_token,
    )
    app = DuoStandin(Staat(args.personen, args.opslag), Contracten(args.contracten), inst)
    server = maak_server(args.host, args.port, app, tls_context(*tls_args) if all(tls_args) else None)
    host, port = server.server_address[:2]
    schema = "https" if all(tls_args) else "http"
    # one parseable line on stdout: the test helper and scripts read the port from it
    print(f"DUO stand-in luistert op {schema}://{host}:{port}{inst.base_pad}", flush=True)

    def stop(signum, frame):
        raise KeyboardInterrupt

    signal.signal(signal.SIGTERM, stop)
    if args.demo_notificatie_na is not None and args.notificatie_url:
        threading.Thread(target=app.demo_notificatie, args=(args.demo_notificatie_na,), name="demo-notificatie",
                         daemon=True).start()  # fmt: skip
    try:
        server.serve_forever()
    except KeyboardInterrupt:
        pass
    finally:
        server.server_close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
