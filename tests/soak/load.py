#!/usr/bin/env python3
# The load driver and judge of `make soak` (tests/soak/soak.sh), Python 3
# standard library only:
#
#   load.py BASE TOKEN PID SECONDS CLIENTS RATE OUT_JSON
#
# CLIENTS threads send a paced mixed load (RATE requests/s in all) to the
# server: reads (task list with filters, task show, board, next, today)
# and writes (create, progress report, PATCH with If-Match, each on the
# client's own tasks so no 412 is expected). Every few seconds it samples
# the server process PID: RSS (VmRSS of /proc/PID/status) and open
# descriptors (/proc/PID/fd). The run is cut into ten windows; the first
# two are warm-up. It fails (exit 1) when, after warm-up:
#   - any request got a non-2xx answer or a connection error;
#   - RSS grew: the lowest sample of the last window is more than
#     RSS_BOUND_MIB (8) above the highest of the first window after
#     warm-up (a leak grows steadily; caches and arenas settle);
#   - the descriptors grew: the fewest of the last window are more than
#     the most of the first window after warm-up;
#   - p99 of the last window is more than twice that of the first window
#     after warm-up (each taken as at least P99_FLOOR_MS, 5 ms: below it
#     a shared 2-core machine's scheduling noise decides).
# Prints a table, writes OUT_JSON.
import http.client, json, os, random, sys, threading, time, urllib.parse

RSS_BOUND_MIB = 8
P99_FLOOR_MS = 5.0
WINDOWS = 10
WARMUP = 2              # windows


def sample(pid):
    rss = None
    with open("/proc/%d/status" % pid) as f:
        for line in f:
            if line.startswith("VmRSS:"):
                rss = int(line.split()[1]) / 1024.0
    return rss, len(os.listdir("/proc/%d/fd" % pid))


class Client(threading.Thread):
    def __init__(self, base, token, n, units, ids, start, end, interval,
                 log):
        super().__init__()
        u = urllib.parse.urlsplit(base)
        self.host, self.port = u.hostname, u.port
        self.auth = {"Authorization": "Bearer " + token}
        self.n, self.units, self.ids = n, units, ids
        self.start_at, self.end_at, self.interval = start, end, interval
        self.rng = random.Random(n)
        self.log = log          # (t, op, ms, status) appended
        self.mine = {}          # own task id -> version
        self.conn = None
        self.seq = 0

    def call(self, method, path, body=None, ctype=None, extra=None):
        h = dict(self.auth)
        if ctype:
            h["Content-Type"] = ctype
        h.update(extra or {})
        if self.conn is None:
            self.conn = http.client.HTTPConnection(self.host, self.port,
                                                   timeout=30)
        t0 = time.perf_counter()
        try:
            self.conn.request(method, path, body=body, headers=h)
            r = self.conn.getresponse()
            data = r.read()
            status = r.status
        except (OSError, http.client.HTTPException) as e:
            self.conn.close()
            self.conn = None
            data, status = str(e).encode(), 0
        return status, data, (time.perf_counter() - t0) * 1000.0

    def op(self):
        x = self.rng.random()
        self.seq += 1
        tag = "soak c%d s%d" % (self.n, self.seq)
        if x < 0.25:
            q = self.rng.choice(("status=doing", "light=red", "key=true",
                                 "unit=" + self.rng.choice(self.units),
                                 "q=%E6%95%B4%E6%94%B9", "page=3"))
            return "list", "GET", "/api/v1/tasks?per_page=25&" + q, None, \
                None, None
        if x < 0.45:
            tid = self.rng.choice(self.ids)
            return "show", "GET", "/api/v1/tasks/%d" % tid, None, None, None
        if x < 0.55:
            return "board", "GET", "/api/v1/board", None, None, None
        if x < 0.62:
            return "next", "GET", "/api/v1/next", None, None, None
        if x < 0.69:
            return "today", "GET", "/api/v1/today", None, None, None
        if x < 0.74 or len(self.mine) < 3:
            body = json.dumps({"title": "%s 任务" % tag,
                               "lead": self.rng.choice(self.units),
                               "due": "2026-12-20"}, ensure_ascii=False)
            return "create", "POST", "/api/v1/tasks", body.encode(), \
                "application/json", None
        tid = self.rng.choice(list(self.mine))
        im = {"If-Match": '"%d"' % self.mine[tid]}
        if x < 0.87:
            body = json.dumps({"percent": self.rng.randint(0, 100),
                               "note": "进展 %s" % tag},
                              ensure_ascii=False)
            return "report", "POST", "/api/v1/tasks/%d/report" % tid, \
                body.encode(), "application/json", im
        body = json.dumps({"title": "%s 改" % tag}, ensure_ascii=False)
        return "patch", "PATCH", "/api/v1/tasks/%d" % tid, body.encode(), \
            "application/json", im

    def run(self):
        due = self.start_at + self.rng.random() * self.interval
        while True:
            now = time.monotonic()
            if now >= self.end_at:
                break
            if due > now:
                time.sleep(due - now)
            due += self.interval
            name, method, path, body, ctype, extra = self.op()
            status, data, ms = self.call(method, path, body, ctype, extra)
            self.log.append((time.monotonic() - self.start_at, name, ms,
                             status, "" if status // 100 == 2 else
                             data[:200].decode("utf-8", "replace")))
            if status // 100 == 2 and name in ("create", "report",
                                               "patch"):
                t = json.loads(data)
                self.mine[t["id"]] = t["version"]
                if len(self.mine) > 50:
                    del self.mine[min(self.mine)]


def p99(xs):
    if not xs:
        return 0.0
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(len(xs) * 0.99))]


def p50(xs):
    return sorted(xs)[len(xs) // 2] if xs else 0.0


def main(argv):
    base, token, pid = argv[0], argv[1], int(argv[2])
    seconds, clients, rate = float(argv[3]), int(argv[4]), float(argv[5])
    out = argv[6]
    u = urllib.parse.urlsplit(base)
    conn = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    h = {"Authorization": "Bearer " + token}
    conn.request("GET", "/api/v1/units", headers=h)
    units = [x["code"] for x in json.loads(conn.getresponse().read())
             if x.get("kind") in ("district", "county", "street")]
    conn.request("GET", "/api/v1/tasks?per_page=200&page=2", headers=h)
    ids = [x["id"] for x in json.loads(conn.getresponse().read())]
    conn.close()
    start = time.monotonic()
    end = start + seconds
    log = []
    threads = [Client(base, token, k + 1, units, ids, start, end,
                      clients / rate, log) for k in range(clients)]
    for t in threads:
        t.start()
    every = max(1.0, seconds / 120.0)
    samples = []                # (t, rss_mib, fds)
    while time.monotonic() < end:
        samples.append((time.monotonic() - start,) + sample(pid))
        time.sleep(every)
    for t in threads:
        t.join()
    samples.append((time.monotonic() - start,) + sample(pid))

    span = seconds / WINDOWS
    rows = []
    for w in range(WINDOWS):
        lo, hi = w * span, (w + 1) * span
        ms = [x[2] for x in log if lo <= x[0] < hi or
              (w == WINDOWS - 1 and x[0] >= hi)]
        sm = [s for s in samples if lo <= s[0] < hi or
              (w == WINDOWS - 1 and s[0] >= hi)]
        rows.append({"window": w + 1, "from_s": round(lo), "to_s": round(hi),
                     "requests": len(ms), "p50_ms": round(p50(ms), 2),
                     "p99_ms": round(p99(ms), 2),
                     "rss_min_mib": round(min(s[1] for s in sm), 1)
                     if sm else None,
                     "rss_max_mib": round(max(s[1] for s in sm), 1)
                     if sm else None,
                     "fds_min": min(s[2] for s in sm) if sm else None,
                     "fds_max": max(s[2] for s in sm) if sm else None})
    errors = [x for x in log if x[3] // 100 != 2]
    first, last = rows[WARMUP], rows[-1]
    rss_growth = last["rss_min_mib"] - first["rss_max_mib"]
    fd_growth = last["fds_min"] - first["fds_max"]
    p99_ratio = max(last["p99_ms"], P99_FLOOR_MS) / \
        max(first["p99_ms"], P99_FLOOR_MS)
    checks = [
        ("no error answer or connection error", len(errors) == 0,
         "%d of %d" % (len(errors), len(log))),
        ("RSS growth after warm-up <= %d MiB" % RSS_BOUND_MIB,
         rss_growth <= RSS_BOUND_MIB, "%+.1f MiB" % rss_growth),
        ("no descriptor growth after warm-up", fd_growth <= 0,
         "%+d" % fd_growth),
        ("p99 of the last window <= 2x the first after warm-up",
         p99_ratio <= 2.0, "x%.2f" % p99_ratio),
    ]
    ops = {}
    for x in log:
        ops.setdefault(x[1], []).append(x[2])

    print("soak: %d s, %d clients, %.0f req/s asked, %d requests, "
          "%.1f req/s done" % (seconds, clients, rate, len(log),
                                len(log) / seconds))
    print("%-7s %9s %8s %8s %8s %10s %10s %5s %5s" % (
        "window", "seconds", "requests", "p50_ms", "p99_ms", "rss_min",
        "rss_max", "fds", "fds+"))
    for r in rows:
        print("%-7s %9s %8d %8.2f %8.2f %10s %10s %5s %5s" % (
            "%d%s" % (r["window"], "*" if r["window"] <= WARMUP else ""),
            "%d-%d" % (r["from_s"], r["to_s"]), r["requests"], r["p50_ms"],
            r["p99_ms"], "%.1f MiB" % r["rss_min_mib"],
            "%.1f MiB" % r["rss_max_mib"], r["fds_min"], r["fds_max"]))
    print("(* warm-up)")
    print("%-8s %8s %8s %8s" % ("op", "requests", "p50_ms", "p99_ms"))
    for k in sorted(ops):
        print("%-8s %8d %8.2f %8.2f" % (k, len(ops[k]), p50(ops[k]),
                                         p99(ops[k])))
    for e in errors[:10]:
        print("error: at %.1f s %s: %d %s" % (e[0], e[1], e[3], e[4]))
    for name, good, got in checks:
        print("%s: %s (%s)" % ("ok" if good else "FAIL", name, got))
    with open(out, "w") as f:
        json.dump({"seconds": seconds, "clients": clients, "rate": rate,
                   "requests": len(log), "errors": len(errors),
                   "windows": rows, "warmup_windows": WARMUP,
                   "ops": {k: {"requests": len(v), "p50_ms": p50(v),
                               "p99_ms": p99(v)} for k, v in ops.items()},
                   "samples": samples,
                   "checks": [{"check": n, "ok": g, "got": v}
                              for n, g, v in checks]}, f, indent=1)
    return 0 if all(g for _, g, _ in checks) else 1


if __name__ == "__main__":
    if len(sys.argv) != 8:
        sys.exit("usage: load.py BASE TOKEN PID SECONDS CLIENTS RATE OUT")
    sys.exit(main(sys.argv[1:]))
