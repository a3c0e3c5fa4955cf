#!/usr/bin/env python3
# A webhook receiver and an SMTP sink on loopback for the notification
# tests (tests/cli/test-notify.sh): records every POST (path, query,
# headers, JSON body) to DIR/http.jsonl and every mail (envelope, subject,
# decoded body) to DIR/smtp.jsonl, one JSON object a line. The file
# DIR/fail holds how many next requests answer HTTP 500. A DingTalk
# request (path /dingtalk) must carry timestamp and sign computed with the
# secret of DIR/dingtalk-secret, else it is answered 403 and recorded
# with "sign_ok": false. Writes "HTTP_PORT SMTP_PORT" to DIR/ports.
import base64, email, email.header, email.policy, hashlib, hmac, json, os
import socketserver, sys, threading, urllib.parse
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

DIR = sys.argv[1]
lock = threading.Lock()


def record(name, obj):
    with lock, open(os.path.join(DIR, name), "a", encoding="utf-8") as f:
        f.write(json.dumps(obj, ensure_ascii=False) + "\n")


def take_failure():
    path = os.path.join(DIR, "fail")
    with lock:
        try:
            n = int(open(path).read().strip() or "0")
        except FileNotFoundError:
            return False
        if n <= 0:
            return False
        open(path, "w").write(str(n - 1))
        return True


class Hook(BaseHTTPRequestHandler):
    def log_message(self, *a):
        pass

    def do_POST(self):
        u = urllib.parse.urlsplit(self.path)
        q = dict(urllib.parse.parse_qsl(u.query))
        body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
        rec = {"path": u.path, "query": q,
               "signature": self.headers.get("X-Luoshi-Signature"),
               "body": json.loads(body)}
        status = 200
        if u.path == "/dingtalk":
            secret = open(os.path.join(DIR, "dingtalk-secret")).read()
            msg = (q.get("timestamp", "") + "\n" + secret).encode()
            want = base64.b64encode(hmac.new(secret.encode(), msg,
                                             hashlib.sha256).digest())
            rec["sign_ok"] = hmac.compare_digest(
                want, q.get("sign", "").encode())
            if not rec["sign_ok"]:
                status = 403
        if status == 200 and take_failure():
            status = 500
        rec["status"] = status
        record("http.jsonl", rec)
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.end_headers()
        self.wfile.write(b'{"errcode":0,"errmsg":"ok"}')


class Smtp(socketserver.StreamRequestHandler):
    def reply(self, line):
        self.wfile.write((line + "\r\n").encode())

    def handle(self):
        self.reply("220 sink ESMTP")
        sender, rcpt = None, []
        while True:
            line = self.rfile.readline()
            if not line:
                return
            cmd = line.decode("utf-8", "replace").strip()
            up = cmd.upper()
            if up.startswith("EHLO") or up.startswith("HELO"):
                self.wfile.write(b"250-sink\r\n250 8BITMIME\r\n")
            elif up.startswith("MAIL FROM:"):
                sender, rcpt = cmd[10:].strip(), []
                self.reply("250 ok")
            elif up.startswith("RCPT TO:"):
                rcpt.append(cmd[8:].strip())
                self.reply("250 ok")
            elif up == "DATA":
                self.reply("354 go on")
                data = b""
                while True:
                    l = self.rfile.readline()
                    if l in (b".\r\n", b".\n", b""):
                        break
                    data += l[1:] if l.startswith(b"..") else l
                m = email.message_from_bytes(data, policy=email.policy.default)
                record("smtp.jsonl", {
                    "from": sender, "to": rcpt,
                    "header_to": str(m["To"]),
                    "subject": str(m["Subject"]),
                    "body": m.get_content()})
                self.reply("250 queued")
            elif up == "QUIT":
                self.reply("221 bye")
                return
            else:
                self.reply("250 ok")


class TS(socketserver.ThreadingMixIn, socketserver.TCPServer):
    daemon_threads = True
    allow_reuse_address = True


http = ThreadingHTTPServer(("127.0.0.1", 0), Hook)
smtp = TS(("127.0.0.1", 0), Smtp)
threading.Thread(target=smtp.serve_forever, daemon=True).start()
with open(os.path.join(DIR, "ports.tmp"), "w") as f:
    f.write("%d %d\n" % (http.server_address[1], smtp.server_address[1]))
os.rename(os.path.join(DIR, "ports.tmp"), os.path.join(DIR, "ports"))
http.serve_forever()
