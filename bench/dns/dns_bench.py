#!/usr/bin/env python3
"""10,000 record changes to one zone, and the time until dig sees the last one.

mpanel: PATCH /api/dns/zones/{zone}/records over the REST API (BATCH changes per request, from
SENDERS keep-alive connections); mPanel answers once a change is queued, its zone job sends
what is pending as one PowerDNS PATCH. The clock runs from the first request until
`dig @127.0.0.1 -p PORT` answers the last record's address.
powerdns: the anchor, PowerDNS's API called directly with one rrset per PATCH, one after the
other, as PowerDNS-Admin does per edit (without its re-read of the zone).
Prints RESULT<TAB>system<TAB>mode<TAB>changes<TAB>accepted/s<TAB>seconds until dig<TAB>changes/s.
"""
import argparse
import http.client
import json
import subprocess
import sys
import threading
import time


def dig(port, name):
    out = subprocess.run(["dig", "@127.0.0.1", "-p", str(port), "+norec", "+short", "+time=1", "+tries=1", name, "A"],
                         capture_output=True, text=True).stdout.split()
    return out[0] if out else ""


def wait_for(port, name, want, timeout):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        if dig(port, name) == want:
            return time.monotonic()
        time.sleep(0.02)
    raise SystemExit(f"dig never saw {name} = {want}")


def address(i, round_):
    return f"10.{round_}.{i // 256}.{i % 256}"


def run_mpanel(a, round_):
    names = [f"h{i}" for i in range(a.changes)]
    batches = [names[i:i + a.batch] for i in range(0, len(names), a.batch)]
    errors = []

    def sender(part):
        conn = http.client.HTTPConnection("127.0.0.1", a.api_port, timeout=60)
        for batch in part:
            body = json.dumps({"changes": [{"name": n, "type": "A", "ttl": 300, "changetype": "REPLACE",
                                            "records": [address(int(n[1:]), round_)]} for n in batch]})
            conn.request("PATCH", f"/api/dns/zones/{a.zone}/records", body,
                         {"Authorization": f"Bearer {a.token}", "Content-Type": "application/json"})
            r = conn.getresponse()
            data = r.read()
            if r.status != 202:
                errors.append(f"{r.status} {data[:200]!r}")
                return

    start = time.monotonic()
    threads = [threading.Thread(target=sender, args=(batches[i::a.senders],)) for i in range(a.senders)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    accepted = time.monotonic()
    if errors:
        raise SystemExit("mPanel refused: " + errors[0])
    last = names[-1]
    seen = wait_for(a.dns_port, f"{last}.{a.zone}", address(int(last[1:]), round_), 600)
    # Every change is served, not only the last one sent.
    for n in names[:: max(1, len(names) // 20)]:
        got = dig(a.dns_port, f"{n}.{a.zone}")
        if got != address(int(n[1:]), round_):
            raise SystemExit(f"{n}: dig says {got!r}")
    return start, accepted, seen


def run_powerdns(a, round_):
    conn = http.client.HTTPConnection("127.0.0.1", a.pdns_api_port, timeout=60)
    zone = a.zone + "."
    start = time.monotonic()
    for i in range(a.changes):
        body = json.dumps({"rrsets": [{"name": f"h{i}.{zone}", "type": "A", "ttl": 300, "changetype": "REPLACE",
                                       "records": [{"content": address(i, round_), "disabled": False}]}]})
        conn.request("PATCH", f"/api/v1/servers/localhost/zones/{zone}", body,
                     {"X-API-Key": a.pdns_key, "Content-Type": "application/json"})
        r = conn.getresponse()
        data = r.read()
        if r.status != 204:
            raise SystemExit(f"PowerDNS refused: {r.status} {data[:200]!r}")
    accepted = time.monotonic()
    last = a.changes - 1
    seen = wait_for(a.dns_port, f"h{last}.{a.zone}", address(last, round_), 60)
    return start, accepted, seen


def main():
    p = argparse.ArgumentParser()
    p.add_argument("system", choices=["mpanel", "powerdns"])
    p.add_argument("--zone", required=True)
    p.add_argument("--changes", type=int, default=10000)
    p.add_argument("--batch", type=int, default=100)
    p.add_argument("--senders", type=int, default=4)
    p.add_argument("--round", type=int, default=1)
    p.add_argument("--api-port", type=int)
    p.add_argument("--token")
    p.add_argument("--dns-port", type=int, required=True)
    p.add_argument("--pdns-api-port", type=int)
    p.add_argument("--pdns-key")
    a = p.parse_args()
    if a.system == "mpanel":
        start, accepted, seen = run_mpanel(a, a.round)
        mode = f"{a.batch} per request, {a.senders} senders"
    else:
        start, accepted, seen = run_powerdns(a, a.round)
        mode = "1 rrset per PATCH, sequential"
    total = seen - start
    print(f"RESULT\t{a.system}\t{mode}\t{a.changes}\t{a.changes / (accepted - start):.0f}\t{total:.2f}\t"
          f"{a.changes / total:.0f}", flush=True)


if __name__ == "__main__":
    sys.exit(main())
