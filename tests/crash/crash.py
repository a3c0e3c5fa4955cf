#!/usr/bin/env python3
# The two halves of the crash test (tests/crash/test-crash.sh), in Python
# 3's standard library only:
#
#   crash.py load BASE SUP_TOKEN STAFF_TOKEN LOGDIR ROUND CLIENTS SEED
#       CLIENTS threads write through the API (create, PATCH with
#       If-Match, ack, progress report with evidence files, urge) until
#       the server stops answering. Each thread works on its own tasks
#       only, one request at a time, and logs to LOGDIR one JSON line
#       BEFORE each request (its intent) and one after each 2xx (the id
#       and version returned). So when the server is killed, every task
#       has at most one request of unknown fate: the last intent without
#       an answer.
#
#   crash.py check DB FILES LOGDIR BASE TOKEN ROUND
#       replays every log of every round into the state each task must
#       have, and compares it with the database: for each task, the state
#       after its acknowledged writes, or after those and its one pending
#       write, and nothing in between (row, reports, evidence, events and
#       audit entries all agree). Then asks the restarted server for this
#       round's tasks and evidence. Prints one line per problem and ends
#       with "checked: N passed, M failed"; exits 1 on any failure.
import hashlib, http.client, json, os, random, sqlite3, sys, threading
import time, urllib.parse

MAX_SECONDS = 30        # a load that is never killed stops by itself


# --- load --------------------------------------------------------------------

class Client:
    def __init__(self, base, sup, staff, logdir, rnd, n, seed):
        u = urllib.parse.urlsplit(base)
        self.host, self.port = u.hostname, u.port
        self.sup, self.staff = sup, staff
        self.rnd, self.n = rnd, n
        self.rng = random.Random(seed * 1000 + n)
        self.log = open(os.path.join(logdir, "r%03d-c%d.jsonl" % (rnd, n)),
                        "a", encoding="utf-8")
        self.conn = None
        self.tasks = {}         # id -> {"version", "status"}
        self.seq = 0

    def write(self, obj):
        self.log.write(json.dumps(obj, ensure_ascii=False) + "\n")
        self.log.flush()

    def request(self, method, path, token, body=None, ctype=None,
                headers=None):
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port,
                                                   timeout=20)
        h = {"Authorization": "Bearer " + token}
        if ctype:
            h["Content-Type"] = ctype
        h.update(headers or {})
        self.conn.request(method, path, body=body, headers=h)
        r = self.conn.getresponse()
        data = r.read()
        return r.status, data

    def multipart(self, fields, files):
        b = "crash%016x" % self.rng.getrandbits(64)
        out = []
        for k, v in fields:
            out.append(("--%s\r\nContent-Disposition: form-data; "
                        "name=\"%s\"\r\n\r\n%s\r\n" % (b, k, v))
                       .encode("utf-8"))
        for name, data in files:
            out.append(("--%s\r\nContent-Disposition: form-data; "
                        "name=\"evidence\"; filename=\"%s\"\r\n"
                        "Content-Type: application/octet-stream\r\n\r\n"
                        % (b, name)).encode("utf-8") + data + b"\r\n")
        out.append(("--%s--\r\n" % b).encode("ascii"))
        return b"".join(out), "multipart/form-data; boundary=" + b

    def next_op(self):
        """Chooses the next write: (intent dict, method, path, token,
        body, content type, extra headers)."""
        self.seq += 1
        tag = "r%d c%d s%d" % (self.rnd, self.n, self.seq)
        live = list(self.tasks)
        if len(live) < 3 or self.rng.random() < 0.2:
            title = "crash %s 任务" % tag
            body = json.dumps({"title": title, "lead": "HRB-DL",
                               "due": "2026-12-20", "owner": "li"},
                              ensure_ascii=False).encode("utf-8")
            return ({"op": "create", "title": title}, "POST",
                    "/api/v1/tasks", self.sup, body, "application/json",
                    None)
        tid = self.rng.choice(live)
        t = self.tasks[tid]
        im = {"If-Match": '"%d"' % t["version"]}
        x = self.rng.random()
        if t["status"] == "open" and x < 0.15:
            return ({"op": "ack", "task": tid, "if": t["version"]}, "POST",
                    "/api/v1/tasks/%d/ack" % tid, self.staff, None, None,
                    im)
        if x < 0.45:
            title = "crash %s 改名" % tag
            desc = "描述 %s" % tag if self.rng.random() < 0.5 else ""
            body = json.dumps({"title": title, "description": desc},
                              ensure_ascii=False).encode("utf-8")
            return ({"op": "patch", "task": tid, "if": t["version"],
                     "title": title, "description": desc or None},
                    "PATCH", "/api/v1/tasks/%d" % tid, self.sup, body,
                    "application/json", im)
        if x < 0.8:
            pct = self.rng.randint(0, 100)
            note = "进展 %s" % tag
            files = []
            for k in range(self.rng.choice((0, 1, 1, 2))):
                if self.rng.random() < 0.3:
                    # the same content from every client at once
                    data = ("shared evidence of round %d\n" % self.rnd) \
                        .encode("utf-8")
                else:
                    data = self.rng.randbytes(self.rng.randint(1, 6000))
                files.append(("佐证%d-%d.bin" % (self.seq, k), data))
            body, ctype = self.multipart(
                [("percent", str(pct)), ("note", note)], files)
            ev = [[n, hashlib.sha256(d).hexdigest(), len(d)]
                  for n, d in files]
            return ({"op": "report", "task": tid, "if": t["version"],
                     "percent": pct, "note": note, "evidence": ev},
                    "POST", "/api/v1/tasks/%d/report" % tid, self.staff,
                    body, ctype, im)
        note = "督办 %s" % tag
        body = json.dumps({"note": note}, ensure_ascii=False) \
            .encode("utf-8")
        return ({"op": "urge", "task": tid, "note": note}, "POST",
                "/api/v1/tasks/%d/urge" % tid, self.sup, body,
                "application/json", None)

    def run(self, deadline):
        while time.monotonic() < deadline:
            intent, method, path, token, body, ctype, hdrs = self.next_op()
            intent["seq"] = self.seq
            self.write(intent)
            try:
                status, data = self.request(method, path, token, body,
                                            ctype, hdrs)
            except (OSError, http.client.HTTPException):
                return          # the server is gone: intent pending
            if status // 100 != 2:
                self.write({"seq": self.seq, "refused": status,
                            "body": data.decode("utf-8", "replace")[:300]})
                continue
            t = json.loads(data)
            self.write({"seq": self.seq, "ack": True, "id": t["id"],
                        "version": t["version"], "title": t["title"]})
            self.tasks[t["id"]] = {"version": t["version"],
                                   "status": t["status"]}


def load(argv):
    base, sup, staff, logdir = argv[:4]
    rnd, n, seed = int(argv[4]), int(argv[5]), int(argv[6])
    deadline = time.monotonic() + MAX_SECONDS
    clients = [Client(base, sup, staff, logdir, rnd, k + 1, seed)
               for k in range(n)]
    threads = [threading.Thread(target=c.run, args=(deadline,))
               for c in clients]
    for th in threads:
        th.start()
    for th in threads:
        th.join()
    return 0


# --- check -------------------------------------------------------------------

def initial(title):
    return {"title": title, "description": None, "percent": 0,
            "version": 1, "status": "open", "reports": [],
            "events": [["create", None]], "audit": ["task.add"]}


def apply(s, op):
    """The state after the write `op` on state s (a new dict)."""
    s = json.loads(json.dumps(s))
    if op["op"] == "patch":
        s["title"], s["description"] = op["title"], op["description"]
        s["version"] += 1
        s["events"].append(["edit", None])
        s["audit"].append("task.edit")
    elif op["op"] == "ack":
        s["status"] = "doing"
        s["version"] += 1
        s["events"].append(["ack", None])
        s["audit"].append("task.ack")
    elif op["op"] == "report":
        s["percent"], s["status"] = op["percent"], "doing"
        s["version"] += 1
        s["reports"].append([op["percent"], op["note"], op["evidence"]])
        s["audit"].append("task.report")
    elif op["op"] == "urge":
        s["events"].append(["urge", op["note"]])
        s["audit"].append("task.urge")
    return s


class Checker:
    """Each rule counts once a round: passed when nothing broke it. The
    first problems of each are printed."""
    def __init__(self):
        self.rules = {}

    def ok(self, cond, rule, what):
        bad = self.rules.setdefault(rule, [])
        if not cond:
            bad.append(what)
            if len(bad) <= 5:
                print("FAIL: %s: %s" % (rule, what))
        return cond

    def counts(self):
        bad = sum(1 for v in self.rules.values() if v)
        return len(self.rules) - bad, bad


def read_logs(logdir):
    """Per task: its acknowledged writes in order, the one pending write
    (or None) and whether it was acknowledged created; pending creates
    by title. Also every refused write."""
    acked, pending, created = {}, {}, {}
    pending_creates, refused, round_ids = {}, [], {}
    for name in sorted(os.listdir(logdir)):
        rnd = int(name[1:4])
        intents = {}
        with open(os.path.join(logdir, name), encoding="utf-8") as f:
            lines = [json.loads(line) for line in f if line.strip()]
        for x in lines:
            if "op" in x:
                intents[x["seq"]] = x
            elif "refused" in x:
                refused.append((name, intents.pop(x["seq"]), x))
            else:
                op = intents.pop(x["seq"])
                tid = x["id"]
                round_ids.setdefault(tid, rnd)
                if op["op"] == "create":
                    created[tid] = op["title"]
                    acked[tid] = []
                else:
                    acked[tid].append(op)
                op["ack_version"] = x["version"]
        for op in intents.values():     # at most one: the last
            if op["op"] == "create":
                pending_creates[op["title"]] = op
            else:
                pending[op["task"]] = op
                round_ids.setdefault(op["task"], rnd)
    return acked, pending, created, pending_creates, refused, round_ids


def db_state(db):
    con = sqlite3.connect("file:%s?mode=ro" % db, uri=True)
    st = {}
    for tid, title, desc, pct, ver, status in con.execute(
            "SELECT id, title, description, percent, version, status "
            "FROM tasks ORDER BY id"):
        st[tid] = {"title": title, "description": desc, "percent": pct,
                   "version": ver, "status": status, "reports": [],
                   "events": [], "audit": []}
    reports = {}
    for rid, tid, pct, note in con.execute(
            "SELECT id, task_id, percent, note FROM reports ORDER BY id"):
        reports[rid] = [pct, note, []]
        st[tid]["reports"].append(reports[rid])
    for rid, sha, name, size in con.execute(
            "SELECT report_id, sha256, name, size FROM evidence "
            "ORDER BY id"):
        reports[rid][2].append([name, sha, size])
    for tid, kind, note in con.execute(
            "SELECT task_id, kind, note FROM task_events ORDER BY id"):
        st[tid]["events"].append([kind, note])
    last = {}
    for eid, action, after in con.execute(
            "SELECT entity_id, action, after FROM audit "
            "WHERE entity = 'task' ORDER BY id"):
        st[int(eid)]["audit"].append(action)
        last[int(eid)] = json.loads(after) if after else None
    con.close()
    return st, last


RULES = (
    "every write answered 2xx or not at all",
    "no task that nobody asked for",
    "a create cut short is whole or absent",
    "every acknowledged task exists",
    "the acknowledged versions replay",
    "each task as acknowledged, or plus its pending write",
    "the last audit entry of a task holds its row",
    "every evidence file stored under its hash",
    "the restarted server answers the round's tasks",
    "the restarted server serves the round's evidence",
)


def check_tasks(c, st, last, files, acked, pending, created, pcreates):
    for tid, s in st.items():
        if tid in created:
            continue
        op = pcreates.get(s["title"])
        if c.ok(op is not None, RULES[1], "task %d (%r)" % (tid,
                                                             s["title"])):
            c.ok(s == initial(op["title"]), RULES[2], "task %d: %s"
                 % (tid, json.dumps(s, ensure_ascii=False)))
    for tid, title in created.items():
        if not c.ok(tid in st, RULES[3], "task %d (%r) is missing"
                    % (tid, title)):
            continue
        s = initial(title)
        for op in acked[tid]:
            s = apply(s, op)
            c.ok(op["ack_version"] == s["version"], RULES[4],
                 "task %d: write %s acknowledged at version %d, the "
                 "replay says %d" % (tid, op["seq"], op["ack_version"],
                                     s["version"]))
        want = [s]
        if tid in pending:
            want.append(apply(s, pending[tid]))
        got = st[tid]
        c.ok(got in want, RULES[5], "task %d:\n  got  %s\n  want %s"
             % (tid, json.dumps(got, ensure_ascii=False),
                "\n  or   ".join(json.dumps(w, ensure_ascii=False)
                                 for w in want)))
        keys = ("title", "percent", "version")
        a = [(last.get(tid) or {}).get(k) for k in keys]
        c.ok(a == [got[k] for k in keys], RULES[6], "task %d: the audit "
             "says %s, the row %s" % (tid, a, [got[k] for k in keys]))
        for _, _, ev in got["reports"]:
            for name, sha, size in ev:
                p = os.path.join(files, sha[:2], sha)
                try:
                    with open(p, "rb") as f:
                        data = f.read()
                except OSError as err:
                    c.ok(False, RULES[7], "task %d: %s: %s"
                         % (tid, name, err))
                    continue
                c.ok(hashlib.sha256(data).hexdigest() == sha and
                     len(data) == size, RULES[7], "task %d: %s" % (tid, p))


def check_server(c, st, base, token, ids):
    u = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=20)
    h = {"Authorization": "Bearer " + token}
    keys = ("title", "percent", "version")
    shas = []
    for tid in ids:
        conn.request("GET", "/api/v1/tasks/%d" % tid, headers=h)
        r = conn.getresponse()
        body = r.read()
        if c.ok(r.status == 200, RULES[8], "GET task %d: %d"
                % (tid, r.status)):
            t = json.loads(body)
            c.ok([t[k] for k in keys] == [st[tid][k] for k in keys],
                 RULES[8], "GET task %d: %s" % (tid, body[:200]))
        shas += [e[1] for rep in st[tid]["reports"] for e in rep[2]]
    for sha in sorted(set(shas))[:5]:
        conn.request("GET", "/api/v1/evidence/" + sha, headers=h)
        r = conn.getresponse()
        body = r.read()
        c.ok(r.status == 200 and hashlib.sha256(body).hexdigest() == sha,
             RULES[9], "GET evidence %s: %d" % (sha, r.status))
    conn.close()


def check(argv):
    db, files, logdir, base, token, rnd = argv[:6]
    rnd = int(rnd)
    c = Checker()
    for rule in RULES:
        c.ok(True, rule, "")
    acked, pending, created, pcreates, refused, round_ids = \
        read_logs(logdir)
    for name, op, x in refused:
        c.ok(False, RULES[0], "%s: %s: %s %s" % (name, json.dumps(op),
                                                 x["refused"], x["body"]))
    st, last = db_state(db)
    check_tasks(c, st, last, files, acked, pending, created, pcreates)
    ids = sorted(t for t, r in round_ids.items() if r == rnd and t in st)
    check_server(c, st, base, token, ids)
    print("round %d: %d tasks, %d acknowledged writes, %d pending"
          % (rnd, len(st), sum(len(v) for v in acked.values()) +
             len(created), len(pending) + len(pcreates)))
    passed, failed = c.counts()
    print("checked: %d passed, %d failed" % (passed, failed))
    return 1 if failed else 0


if __name__ == "__main__":
    cmds = {"load": load, "check": check}
    if len(sys.argv) < 2 or sys.argv[1] not in cmds:
        sys.exit("usage: crash.py load|check ...")
    sys.exit(cmds[sys.argv[1]](sys.argv[2:]))
