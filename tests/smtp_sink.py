#!/usr/bin/python3
"""A real SMTP server on loopback for mPanel's notification tests (Debian's python3-aiosmtpd).

Every message it accepts is written to --dir as one .eml file: the DATA as received, preceded by
"X-Sink-Mail-From:", "X-Sink-Rcpt-To:" and "X-Sink-Auth:" lines that record the envelope. With
--cert/--key it offers STARTTLS and requires it before AUTH and MAIL; with --user/--password it
requires AUTH (PLAIN or LOGIN). --reject-rcpt ADDRESS answers 550 for that recipient. Prints
"ready <port>" on stdout once it accepts connections; stops on SIGTERM.
"""
import argparse
import os
import signal
import ssl
import sys
import threading
import time

from aiosmtpd.controller import Controller
from aiosmtpd.smtp import SMTP, AuthResult, LoginPassword


class Sink:
    def __init__(self, directory, reject):
        self.directory = directory
        self.reject = reject
        self.count = 0
        self.lock = threading.Lock()

    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        if address == self.reject:
            return "550 5.1.1 mailbox unavailable"
        envelope.rcpt_tos.append(address)
        return "250 OK"

    async def handle_DATA(self, server, session, envelope):
        with self.lock:
            self.count += 1
            name = "%d-%06d.eml" % (time.time_ns(), self.count)
        login = session.auth_data.login.decode() if isinstance(session.auth_data, LoginPassword) else ""
        head = "X-Sink-Mail-From: %s\r\nX-Sink-Rcpt-To: %s\r\nX-Sink-Auth: %s\r\n" % (
            envelope.mail_from, ",".join(envelope.rcpt_tos), login)
        tmp = os.path.join(self.directory, name + ".part")
        with open(tmp, "wb") as f:
            f.write(head.encode() + envelope.original_content)
        os.rename(tmp, os.path.join(self.directory, name))
        return "250 OK stored"


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--port", type=int, required=True)
    p.add_argument("--dir", required=True)
    p.add_argument("--cert")
    p.add_argument("--key")
    p.add_argument("--user")
    p.add_argument("--password")
    p.add_argument("--reject-rcpt")
    a = p.parse_args()

    tls = None
    if a.cert:
        tls = ssl.create_default_context(ssl.Purpose.CLIENT_AUTH)
        tls.load_cert_chain(a.cert, a.key)

    def authenticate(server, session, envelope, mechanism, auth_data):
        ok = (isinstance(auth_data, LoginPassword) and auth_data.login.decode() == a.user
              and auth_data.password.decode() == a.password)
        return AuthResult(success=ok, handled=False, auth_data=auth_data if ok else None)

    kwargs = dict(hostname="127.0.0.1", port=a.port, server_hostname="localhost", ready_timeout=10)
    if tls:
        kwargs.update(tls_context=tls, require_starttls=True)
    if a.user:
        kwargs.update(authenticator=authenticate, auth_required=True, auth_require_tls=bool(tls))
    controller = Controller(Sink(a.dir, a.reject_rcpt), **kwargs)
    controller.start()
    print("ready %d" % a.port, flush=True)
    stop = threading.Event()
    signal.signal(signal.SIGTERM, lambda *_: stop.set())
    signal.signal(signal.SIGINT, lambda *_: stop.set())
    while not stop.wait(0.2):
        pass
    controller.stop()
    return 0


if __name__ == "__main__":
    sys.exit(main())
