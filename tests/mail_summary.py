#!/usr/bin/python3
"""Prints one received mail (an .eml the SMTP sink stored) as JSON, decoded by Python's email
package: envelope, decoded headers, and the MIME tree with each leaf's decoded content (text) or
size and first bytes (binary). The notification tests assert on this instead of parsing MIME."""
import base64
import json
import sys
from email import policy
from email.parser import BytesParser


def leaf(part):
    out = {"type": part.get_content_type(), "filename": part.get_filename(),
           "transfer_encoding": part.get("Content-Transfer-Encoding", "")}
    if part.get_content_maintype() == "text":
        out["charset"] = part.get_content_charset()
        out["text"] = part.get_content()
    else:
        data = part.get_payload(decode=True)
        out["size"] = len(data)
        out["head"] = base64.b64encode(data[:8]).decode()
    return out


def tree(part):
    if part.is_multipart():
        return {"type": part.get_content_type(), "parts": [tree(p) for p in part.iter_parts()]}
    return leaf(part)


def main():
    with open(sys.argv[1], "rb") as f:
        raw = f.read()
    msg = BytesParser(policy=policy.default).parsebytes(raw)
    head = raw.split(b"\r\n\r\n", 1)[0].decode("ascii", "replace")
    raw_subject = next((line[len("Subject: "):] for line in head.split("\r\n") if line.startswith("Subject: ")), "")
    print(json.dumps({
        "envelope_from": msg["X-Sink-Mail-From"], "envelope_to": msg["X-Sink-Rcpt-To"], "auth": msg["X-Sink-Auth"],
        "from": str(msg["From"]), "to": str(msg["To"]), "subject": str(msg["Subject"]), "raw_subject": raw_subject,
        "header_ascii": all(b < 128 for b in raw.split(b"\r\n\r\n", 1)[0]),
        "message_id": str(msg["Message-ID"]), "language": str(msg["Content-Language"]),
        "mime_version": str(msg["MIME-Version"]), "date": str(msg["Date"]),
        "body": tree(msg)}, ensure_ascii=False))


if __name__ == "__main__":
    main()
