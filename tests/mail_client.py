#!/usr/bin/env python3
"""IMAP and SMTP as a mail user sees them, for the mail module's tests (tests/support/mail_servers).

  mail_client.py login IMAP_PORT ADDRESS PASSWORD          -> "OK" or "NO"
  mail_client.py send SMTP_PORT FROM TO SUBJECT            -> "sent" or "refused CODE"
  mail_client.py submit PORT LOGIN PASSWORD TO SUBJECT      -> "sent", "refused CODE" or "auth refused"
        (as a mail program sends: authenticated as LOGIN, from LOGIN)
  mail_client.py dkim IMAP_PORT ADDRESS PASSWORD SUBJECT DNS_PORT
        -> "pass d=DOMAIN s=SELECTOR" when the message's DKIM-Signature verifies (RSA-SHA256,
           relaxed/relaxed) against the key the DNS server on 127.0.0.1:DNS_PORT publishes, or
           "fail: why" (openssl verifies the signature, dig fetches the key)
  mail_client.py count IMAP_PORT ADDRESS PASSWORD SUBJECT SECONDS
        -> how many INBOX messages have SUBJECT, waiting up to SECONDS for at least one
"""
import base64
import hashlib
import imaplib
import os
import re
import smtplib
import subprocess
import sys
import tempfile
import time


def fields_and_body(raw):
    text = raw.replace(b"\r\n", b"\n").replace(b"\n", b"\r\n")
    head, _, body = text.partition(b"\r\n\r\n")
    fields = []
    for line in head.split(b"\r\n"):
        if line[:1] in (b" ", b"\t") and fields:
            fields[-1] += b"\r\n" + line
        elif line:
            fields.append(line)
    return fields, body


def canon_header(field):  # RFC 6376 3.4.2, relaxed
    name, _, value = field.partition(b":")
    value = re.sub(rb"\r\n(?=[ \t])", b"", value)
    return name.strip().lower() + b":" + re.sub(rb"[ \t]+", b" ", value).strip(b" \t")


def canon_body(body):  # RFC 6376 3.4.4, relaxed
    lines = [re.sub(rb"[ \t]+", b" ", line).rstrip(b" \t") for line in body.split(b"\r\n")]
    while lines and not lines[-1]:
        lines.pop()
    return b"".join(line + b"\r\n" for line in lines)


def dkim_verify(raw, dns_port):
    fields, body = fields_and_body(raw)
    sigs = [f for f in fields if f.lower().startswith(b"dkim-signature:")]
    if not sigs:
        return "fail: no DKIM-Signature"
    sig = sigs[0]
    value = re.sub(rb"\s+", b"", sig.partition(b":")[2]).decode()
    tags = dict(t.split("=", 1) for t in value.split(";") if "=" in t)
    if tags.get("a") != "rsa-sha256" or tags.get("c") != "relaxed/relaxed":
        return f"fail: unexpected a={tags.get('a')} c={tags.get('c')}"
    if base64.b64encode(hashlib.sha256(canon_body(body)).digest()).decode() != tags["bh"]:
        return "fail: body hash differs"
    answer = subprocess.run(["dig", "+norec", "+short", "@127.0.0.1", "-p", dns_port,
                             f"{tags['s']}._domainkey.{tags['d']}", "TXT"], capture_output=True, text=True).stdout
    record = "".join(re.findall(r'"([^"]*)"', answer))
    key = dict(t.strip().split("=", 1) for t in record.split(";") if "=" in t).get("p")
    if not key:
        return f"fail: no key published for s={tags['s']} d={tags['d']}"
    used, data = {}, b""
    for name in tags["h"].split(":"):  # each named field, taken from the bottom up
        name = name.strip().lower()
        matching = [f for f in fields if f.partition(b":")[0].strip().lower().decode() == name]
        used[name] = used.get(name, 0) + 1
        if used[name] <= len(matching):
            data += canon_header(matching[-used[name]]) + b"\r\n"
    data += canon_header(re.sub(rb"(\bb=)[^;]*", rb"\1", sig))
    with tempfile.TemporaryDirectory() as tmp:
        pem = os.path.join(tmp, "key.pem")
        with open(pem, "w") as f:
            f.write("-----BEGIN PUBLIC KEY-----\n" + "\n".join(key[i:i + 64] for i in range(0, len(key), 64))
                    + "\n-----END PUBLIC KEY-----\n")
        signature = os.path.join(tmp, "sig")
        with open(signature, "wb") as f:
            f.write(base64.b64decode(re.sub(r"\s+", "", tags["b"])))
        ok = subprocess.run(["openssl", "dgst", "-sha256", "-verify", pem, "-signature", signature], input=data,
                            capture_output=True).returncode == 0
    return f"pass d={tags['d']} s={tags['s']}" if ok else "fail: signature does not verify"


def login(port, address, password):
    imap = imaplib.IMAP4("127.0.0.1", int(port))
    try:
        imap.login(address, password)
    except imaplib.IMAP4.error:
        return None
    return imap


def with_subject(port, address, password, subject):
    """The logged-in IMAP session and the INBOX ids whose subject contains SUBJECT; None if refused."""
    imap = login(port, address, password)
    if not imap:
        return None, []
    imap.select("INBOX")
    _, ids = imap.search(None, "SUBJECT", f'"{subject}"')
    return imap, ids[0].split()


def main(argv):
    command = argv[1]
    if command == "login":
        imap = login(argv[2], argv[3], argv[4])
        print("OK" if imap else "NO")
        if imap:
            imap.logout()
        return 0
    if command == "send":
        port, sender, rcpt, subject = argv[2], argv[3], argv[4], argv[5]
        message = f"From: {sender}\r\nTo: {rcpt}\r\nSubject: {subject}\r\n\r\nmPanel mail test\r\n"
        smtp = smtplib.SMTP("127.0.0.1", int(port), timeout=10)
        try:
            smtp.sendmail(sender, [rcpt], message)
            print("sent")
        except smtplib.SMTPRecipientsRefused as refused:
            print("refused", refused.recipients[rcpt][0])
        finally:
            smtp.quit()
        return 0
    if command == "submit":
        port, user, password, rcpt, subject = argv[2], argv[3], argv[4], argv[5], argv[6]
        message = f"From: {user}\r\nTo: {rcpt}\r\nSubject: {subject}\r\n\r\nmPanel mail test\r\n"
        smtp = smtplib.SMTP("127.0.0.1", int(port), timeout=10)
        try:
            smtp.login(user, password)
            smtp.sendmail(user, [rcpt], message)
            print("sent")
        except smtplib.SMTPAuthenticationError:
            print("auth refused")
        except smtplib.SMTPRecipientsRefused as refused:
            print("refused", refused.recipients[rcpt][0])
        except smtplib.SMTPResponseException as error:
            print("refused", error.smtp_code)
        finally:
            smtp.quit()
        return 0
    if command == "dkim":
        port, address, password, subject, dns_port = argv[2], argv[3], argv[4], argv[5], argv[6]
        imap, ids = with_subject(port, address, password, subject)
        if not imap:
            print("login refused")
            return 1
        if not ids:
            print("fail: no such message")
            return 0
        _, data = imap.fetch(ids[-1], "(RFC822)")
        imap.logout()
        print(dkim_verify(data[0][1], dns_port))
        return 0
    if command == "count":
        port, address, password, subject, seconds = argv[2], argv[3], argv[4], argv[5], float(argv[6])
        deadline = time.monotonic() + seconds
        while True:
            imap, ids = with_subject(port, address, password, subject)
            if not imap:
                print("login refused")
                return 1
            imap.logout()
            found = len(ids)
            if found or time.monotonic() >= deadline:
                print(found)
                return 0
            time.sleep(0.1)
    print("unknown command", command, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
