#!/usr/bin/env python3
"""IMAP and SMTP as a mail user sees them, for the mail module's tests (tests/support/mail_servers).

  mail_client.py login IMAP_PORT ADDRESS PASSWORD          -> "OK" or "NO"
  mail_client.py send SMTP_PORT FROM TO SUBJECT            -> "sent" or "refused CODE"
  mail_client.py submit PORT LOGIN PASSWORD TO SUBJECT      -> "sent", "refused CODE" or "auth refused"
        (as a mail program sends: authenticated as LOGIN, from LOGIN)
  mail_client.py count IMAP_PORT ADDRESS PASSWORD SUBJECT SECONDS
        -> how many INBOX messages have SUBJECT, waiting up to SECONDS for at least one
"""
import imaplib
import smtplib
import sys
import time


def login(port, address, password):
    imap = imaplib.IMAP4("127.0.0.1", int(port))
    try:
        imap.login(address, password)
    except imaplib.IMAP4.error:
        return None
    return imap


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
    if command == "count":
        port, address, password, subject, seconds = argv[2], argv[3], argv[4], argv[5], float(argv[6])
        deadline = time.monotonic() + seconds
        while True:
            imap = login(port, address, password)
            if not imap:
                print("login refused")
                return 1
            imap.select("INBOX")
            _, ids = imap.search(None, "SUBJECT", f'"{subject}"')
            imap.logout()
            found = len(ids[0].split())
            if found or time.monotonic() >= deadline:
                print(found)
                return 0
            time.sleep(0.1)
    print("unknown command", command, file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
