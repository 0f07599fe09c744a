"""Wait until something listens on host:port (make run: the BRP stand-in before the demo data needs it)."""

import socket
import sys
import time


def main(host: str, poort: int, seconden: float = 20.0) -> None:
    einde = time.monotonic() + seconden
    while time.monotonic() < einde:
        try:
            with socket.create_connection((host, poort), timeout=1):
                return
        except OSError:
            time.sleep(0.2)
    raise SystemExit(f"Niets luistert op {host}:{poort} na {seconden:.0f} s.")


if __name__ == "__main__":
    main(sys.argv[1], int(sys.argv[2]))
