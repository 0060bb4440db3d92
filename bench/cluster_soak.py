#!/usr/bin/env python3
"""The fault-injecting soak of issue 17 (Python 3 standard library only), started by bench/cluster-soak.sh against the
cluster of scripts/cluster.sh (HAProxy 127.0.0.1:18080, instances 18081-18083, primary PostgreSQL 5442).

Mixed traffic through the balancer: reporters posting figures through the API (one with a personal access token,
the others with Basic), a reviewer approving and reopening, a planner adjusting a target (API) and disabling and
enabling a validation rule (signed-in browser session with CSRF), anonymous readers on public pages and the API,
and signed-in browser-like sessions. Phases: 1 instance (the two others in HAProxy maintenance), 3 instances, then
3 instances with faults: kill -9 of one instance, its restart, a restart of the replica.

Checks, against a client-side log of every write and the primary in SQL: every write answered 2xx is stored exactly
once (its audit event, its target revision); no signed-in session was sent to the login page; a rule edited on one
instance is enforced by every instance at the next request; read-your-writes (a reporter's dry run of its own last
figure finds it unchanged; a reviewer who approved reads the approved figures through the public API, possibly from
the replica). Exit status 1 only on such a violation; errors and latencies are printed.
"""
import base64
import http.client
import json
import os
import random
import re
import socket
import statistics
import subprocess
import sys
import threading
import time
import urllib.parse
from http.cookies import SimpleCookie

LB = ("127.0.0.1", 18080)
APPS = {1: 18081, 2: 18082, 3: 18083}
ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
RUN = os.path.join(ROOT, "cluster-run")
PASSWORD = "yardstick-demo"
DATA_SET, REGION, PERIOD = "xj-county-info", "650102", "2025"
RULE_REGION = "650103"  # a county nobody writes to in the soak: its submission stays a draft, only the rule can refuse
PLAN, TARGET = "xj-info-13fyp", "t-eimfg-rev-2020"
RULE = "ftth-le-bb"
RULE_PROBLEM = "validation.comparison"  # the problem code its refusal carries
# reporters write values of a band the demo's rules accept (FTTH_USERS <= BB_USERS, not negative)
INDICATORS = {"BB_USERS": 1_000_000, "FTTH_USERS": 100_000, "MOBILE_INTERNET_USERS": 2_000_000, "INTERNET_PORTS": 500_000}


def sql(query):
    env = dict(os.environ, PGPASSWORD="yardstick-cluster")
    out = subprocess.run(["psql", "-X", "-q", "-h", "127.0.0.1", "-p", "5442", "-U", "yardstick", "-d", "yardstick", "-Atc", query],
                         env=env, capture_output=True, text=True, check=True)
    return [line.split("|") for line in out.stdout.splitlines() if line]


def cluster(*args):
    subprocess.run([os.path.join(ROOT, "scripts", "cluster.sh"), *args], check=True, capture_output=True)


def haproxy(command):
    s = socket.socket(socket.AF_UNIX, socket.SOCK_STREAM)
    s.connect(os.path.join(RUN, "haproxy.sock"))
    s.sendall((command + "\n").encode())
    out = s.recv(65536).decode()
    s.close()
    return out


class Stats:
    def __init__(self):
        self.lock = threading.Lock()
        self.samples = []  # (type, start, seconds, status, phase)
        self.violations = []
        self.notes = []
        self.phase = "warm-up"
        self.windows = []  # (start, end, what): kill and restart windows
        self.count = 0
        self.max = 100_000
        self.replica = 0

    def add(self, kind, start, seconds, status):
        with self.lock:
            self.samples.append((kind, start, seconds, status, self.phase))
            self.count += 1
            if self.count >= self.max:
                STOP.set()  # bounded in request count as well as in time

    def violation(self, text):
        with self.lock:
            self.violations.append(text)
        print("VIOLATION: " + text, flush=True)


STATS = Stats()
STOP = threading.Event()


class Client:
    """One user agent: its own cookie jar, optional credentials, a new connection per request (as after a failover)."""

    def __init__(self, auth=None, port=None):
        self.cookies = {}
        self.auth = auth
        self.port = port or LB[1]

    def request(self, kind, method, path, body=None, headers=None, auth=True, port=None, timeout=20):
        h = {"Accept-Language": "en"}
        if headers:
            h.update(headers)
        if auth and self.auth:
            h["Authorization"] = self.auth
        if self.cookies:
            h["Cookie"] = "; ".join(f"{k}={v}" for k, v in self.cookies.items())
        if isinstance(body, str):
            body = body.encode()
        start = time.monotonic()
        conn = http.client.HTTPConnection(LB[0], port or self.port, timeout=timeout)
        try:
            conn.request(method, path, body=body, headers=h)
            r = conn.getresponse()
            data = r.read().decode("utf-8", "replace")
            status = r.status
            for value in r.headers.get_all("Set-Cookie") or []:
                c = SimpleCookie()
                c.load(value)
                for k, m in c.items():
                    if m["max-age"] == "0":
                        self.cookies.pop(k, None)
                    else:
                        self.cookies[k] = m.value
            headers_out = {k.lower(): v for k, v in r.getheaders()}
            if headers_out.get("x-yardstick-read") == "replica":
                with STATS.lock:
                    STATS.replica += 1
        except (OSError, http.client.HTTPException) as e:
            status, data, headers_out = 0, str(e), {}
        finally:
            conn.close()
        if kind:
            STATS.add(kind, start, time.monotonic() - start, status)
        return status, data, headers_out

    def login(self, username):
        status, page, _ = self.request("login-page", "GET", "/login", auth=False)
        m = re.search(r'name="_csrf" value="([^"]+)"', page)
        if status != 200 or not m:
            return False
        form = urllib.parse.urlencode({"username": username, "password": PASSWORD, "_csrf": m.group(1)})
        status, _, h = self.request("login", "POST", "/login", form, {"Content-Type": "application/x-www-form-urlencoded"}, auth=False)
        return status == 302 and h.get("location", "").endswith("/home")

    def csrf(self, path):
        status, page, _ = self.request(None, "GET", path, auth=False)
        m = re.search(r'name="_csrf" value="([^"]+)"', page)
        return (status, m.group(1) if m else None)


def basic(user):
    return "Basic " + base64.b64encode(f"{user}:{PASSWORD}".encode()).decode()


WRITES = []  # (kind, key, marker, status): the client-side log of every write
WRITES_LOCK = threading.Lock()


def logged_write(kind, key, marker, status):
    with WRITES_LOCK:
        WRITES.append((kind, key, marker, status))


def figure_row(indicator, value, comment):
    return json.dumps([{"indicator": indicator, "region": REGION, "period": PERIOD, "value": value, "comment": comment}])


def reporter(client, indicator, run_id, pause):
    n = 0
    while not STOP.is_set():
        n += 1
        value = INDICATORS[indicator] + n
        comment = f"soak {run_id} {indicator} {n}"
        body = figure_row(indicator, value, comment)
        status, text, _ = client.request("api-figure-write", "POST", f"/api/v1/figures?dataSet={DATA_SET}&source=soak.json", body,
                                         {"Content-Type": "application/json"})
        logged_write("figure", indicator, comment, status)
        if 200 <= status < 300:
            # read-your-writes: a dry run of the same row must find it stored as written
            s, t, _ = client.request("api-figure-dryrun", "POST", f"/api/v1/figures?dataSet={DATA_SET}&dryRun=true", body,
                                     {"Content-Type": "application/json"})
            if 200 <= s < 300:
                d = json.loads(t)
                if d.get("added", 0) or d.get("changed", 0):
                    STATS.violation(f"read-your-writes: {indicator} {comment} not found as written right after a 2xx: {t[:200]}")
        if indicator == "BB_USERS" and n % 8 == 0:
            s, _, _ = client.request("api-submit", "POST", f"/api/v1/submissions/submit?dataSet={DATA_SET}&period={PERIOD}&region={REGION}")
        STOP.wait(pause)


def reviewer(client, run_id, pause):
    n = 0
    while not STOP.is_set():
        n += 1
        status, text, _ = client.request("api-approve", "POST", f"/api/v1/submissions/approve?dataSet={DATA_SET}&period={PERIOD}&region={REGION}")
        if status == 200 and json.loads(text).get("done", 0) > 0:
            # read-your-writes through the public API, anonymous but with the reviewer's cookies (ys-primary-until)
            expected = {(r[0], float(r[1])) for r in sql(
                "select i.code, o.obs_value from observation o join indicator i on i.id = o.indicator_id join region r on r.id = o.region_id "
                f"join disaggregation d on d.id = o.disaggregation_id where r.code = '{REGION}' and o.period = '{PERIOD}' and o.status = 'APPROVED' "
                "and o.measure = 'LEVEL' and d.code = '_T'")}
            seen = set()
            for indicator in INDICATORS:
                s, t, h = client.request("api-public-read", "GET", f"/api/v1/indicators/{indicator}/observations?region={REGION}&period={PERIOD}&breakdown=_T",
                                         auth=False)
                if s == 200:
                    for o in json.loads(t):
                        if o.get("region") == REGION and str(o.get("period")) == PERIOD and o.get("measure") == "level":
                            seen.add((indicator, float(o["value"])))
                elif s == 429:
                    pass
            missing = {e for e in expected if e[0] in {x[0] for x in seen} and e not in seen}
            if missing:
                STATS.violation(f"read-your-writes: the approver read older public figures than it approved: {sorted(missing)} seen {sorted(seen)}")
            STOP.wait(pause)
            client.request("api-reopen", "POST", f"/api/v1/submissions/reopen?dataSet={DATA_SET}&period={PERIOD}&region={REGION}"
                                                  f"&reason=soak+{run_id}+{n}")
        STOP.wait(pause)


def planner_target(client, run_id, pause):
    n = 0
    while not STOP.is_set():
        n += 1
        reason = f"soak {run_id} {n}"
        status, _, _ = client.request("api-target-adjust", "PATCH", f"/api/v1/plans/{PLAN}/targets/{TARGET}",
                                      json.dumps({"value": 500 + n / 100, "reason": reason}), {"Content-Type": "application/json"})
        logged_write("target", TARGET, reason, status)
        STOP.wait(pause)


def rule_enforced_everywhere(expect_enforced, checker):
    """A dry run that only the rule refuses (FTTH_USERS above BB_USERS), on every live instance directly."""
    body = json.dumps([{"indicator": "BB_USERS", "region": RULE_REGION, "period": PERIOD, "value": 10},
                       {"indicator": "FTTH_USERS", "region": RULE_REGION, "period": PERIOD, "value": 20}])
    for n, port in APPS.items():
        s, t, _ = checker.request("rule-check", "POST", f"/api/v1/figures?dataSet={DATA_SET}&dryRun=true", body,
                                  {"Content-Type": "application/json"}, port=port)
        if s == 0 or s >= 500 or s == 429:
            continue  # that instance is down (killed) or busy: nothing to check there
        refused_by_rule = s == 422 and RULE_PROBLEM in t
        if refused_by_rule != expect_enforced:
            STATS.violation(f"rule {RULE} {'enabled' if expect_enforced else 'disabled'} but instance {n} answered {s}: {t[:160]}")
        STATS.notes.append(("rule-check", n, expect_enforced))


def planner_rule(client, checker, pause):
    enabled = True
    while not STOP.is_set():
        version = sql(f"select version from validation_rule where code = '{RULE}'")[0][0]
        status, token = client.csrf("/rules")
        if status == 302 or (status == 200 and token is None):
            STATS.violation("the planner's browser session was sent to the login page")
            return
        if token is None:
            STOP.wait(pause)
            continue
        action = "disable" if enabled else "enable"
        form = urllib.parse.urlencode({"version": version, "_csrf": token})
        s, _, h = client.request("rule-edit", "POST", f"/rules/{RULE}/{action}", form, {"Content-Type": "application/x-www-form-urlencoded"})
        if s == 302 and "/login" not in h.get("location", ""):
            now = sql(f"select enabled from validation_rule where code = '{RULE}'")[0][0] == "t"
            if now != enabled:
                enabled = now
                rule_enforced_everywhere(enabled, checker)
        elif s == 302:
            STATS.violation("the planner's browser session was sent to the login page")
        STOP.wait(pause)
    if not enabled:  # leave the rule as the demo has it
        version = sql(f"select version from validation_rule where code = '{RULE}'")[0][0]
        _, token = client.csrf("/rules")
        if token:
            client.request(None, "POST", f"/rules/{RULE}/enable", urllib.parse.urlencode({"version": version, "_csrf": token}),
                           {"Content-Type": "application/x-www-form-urlencoded"})


def browser(client, username, pause):
    pages = ["/home", "/plans/" + PLAN, "/home"]
    i = 0
    while not STOP.is_set():
        i += 1
        s, _, h = client.request("page-signed-in", "GET", pages[i % len(pages)], auth=False)
        if s == 302 and "/login" in h.get("location", ""):
            STATS.violation(f"{username} was logged out (sent to {h.get('location')})")
            if not client.login(username):
                return
        STOP.wait(pause)


def anonymous(client, pause, api_every):
    pages = ["/", "/plans/" + PLAN, "/indicators/BB_USERS"]
    api = ["/api/v1/plans", f"/api/v1/plans/{PLAN}", "/api/v1/indicators/BB_USERS/observations?region=65"]
    i = 0
    while not STOP.is_set():
        i += 1
        if i % api_every == 0:
            client.request("api-anonymous-read", "GET", api[i % len(api)], auth=False)
        else:
            client.request("page-anonymous", "GET", pages[i % len(pages)], auth=False)
        STOP.wait(pause)


def create_token():
    c = Client()
    if not c.login("reporter"):
        raise SystemExit("cannot sign the reporter in to create a token")
    _, token = c.csrf("/account")
    s, page, _ = c.request(None, "POST", "/account/tokens", urllib.parse.urlencode({"name": "cluster-soak", "_csrf": token}),
                           {"Content-Type": "application/x-www-form-urlencoded"})
    m = re.search(r'id="token-secret"[^>]*>([^<]+)<', page)
    if not m:
        raise SystemExit(f"no token shown after creating one ({s})")
    return "Bearer " + m.group(1).strip()


def wait_ready(n, seconds):
    end = time.monotonic() + seconds
    while time.monotonic() < end:
        s, _, _ = Client().request(None, "GET", "/actuator/health/readiness", port=APPS[n], timeout=3)
        if s == 200:
            return True
        time.sleep(1)
    return False


def percentile(values, p):
    values = sorted(values)
    return values[min(len(values) - 1, int(round(p / 100 * (len(values) - 1))))] if values else float("nan")


def main():
    short = "--short" in sys.argv
    phase_seconds = 15 if short else 40
    fault_seconds = 45 if short else 90
    max_requests = 20_000 if short else 100_000
    STATS.max = max_requests
    run_id = f"{int(time.time())}"
    print(f"soak {run_id}: {'short' if short else 'full'} run, {phase_seconds}s with 1 instance, {phase_seconds}s with 3, "
          f"then {fault_seconds}s+ with faults; at most {max_requests} requests", flush=True)

    token = create_token()
    checker = Client(basic("admin"))
    threads = []
    reporters = [Client(token)] + [Client(basic("reporter")) for _ in range(3)]
    for client, indicator in zip(reporters, INDICATORS):
        threads.append(threading.Thread(target=reporter, args=(client, indicator, run_id, 0.15)))
    threads.append(threading.Thread(target=reviewer, args=(Client(basic("reviewer")), run_id, 1.0)))
    threads.append(threading.Thread(target=planner_target, args=(Client(basic("planner")), run_id, 0.5)))
    planner = Client()
    if not planner.login("planner"):
        raise SystemExit("cannot sign the planner in")
    threads.append(threading.Thread(target=planner_rule, args=(planner, checker, 2.0)))
    for user in ("reviewer-xj", "department", "admin"):
        c = Client()
        if not c.login(user):
            raise SystemExit(f"cannot sign {user} in")
        threads.append(threading.Thread(target=browser, args=(c, user, 0.05)))
    for _ in range(4):
        # the anonymous API allows 600 requests a minute per address: every 10th request of a reader is an API read
        threads.append(threading.Thread(target=anonymous, args=(Client(), 0.05, 10)))
    for t in threads:
        t.daemon = True

    started = time.monotonic()
    try:
        haproxy("set server app/app2 state maint")
        haproxy("set server app/app3 state maint")
        STATS.phase = "1 instance"
        one_start = time.monotonic()
        for t in threads:
            t.start()
        time.sleep(phase_seconds)
        one_end = time.monotonic()
        STATS.phase = "3 instances"
        haproxy("set server app/app2 state ready")
        haproxy("set server app/app3 state ready")
        time.sleep(3)  # health checks pass again
        three_start = time.monotonic()
        time.sleep(phase_seconds)
        three_end = time.monotonic()
        STATS.phase = "faults"
        fault_start = time.monotonic()
        time.sleep(3)
        kill_at = time.monotonic()
        cluster("kill-app", "2")
        kill_end = time.monotonic()
        print(f"  t={kill_at - started:.0f}s kill -9 instance 2", flush=True)
        time.sleep(4)
        cluster("start-app", "2")
        print(f"  t={time.monotonic() - started:.0f}s instance 2 restarting", flush=True)
        time.sleep(6)
        replica_at = time.monotonic()
        cluster("restart-replica")
        replica_end = time.monotonic()
        print(f"  t={replica_at - started:.0f}s replica restarted", flush=True)
        # HAProxy takes an instance out after 2 failed checks a second apart; the replica's restart takes its own time
        STATS.windows = [(kill_at, kill_end + 5, "kill -9"), (replica_at, replica_end + 5, "replica restart")]
        # a restart takes 30-60 s on an idle machine; minutes on a loaded one (then noted, not judged)
        ready_wait = 120 if short else 420
        back = wait_ready(2, ready_wait)
        print(f"  t={time.monotonic() - started:.0f}s instance 2 "
              f"{'ready again' if back else f'not ready within {ready_wait} s (still starting; not a correctness violation)'}", flush=True)
        rest = fault_start + fault_seconds - time.monotonic()
        if rest > 0:
            time.sleep(rest)
    finally:
        STOP.set()
        for t in threads:
            t.join(30)
        haproxy("set server app/app2 state ready")
        haproxy("set server app/app3 state ready")
    fault_end = time.monotonic()
    print(f"traffic done after {fault_end - started:.0f}s, {STATS.count} requests", flush=True)

    # --- every write answered 2xx is stored exactly once (audit events and target revisions on the primary)
    figures = [w for w in WRITES if w[0] == "figure"]
    targets = [w for w in WRITES if w[0] == "target"]
    stored_comments = {}
    for marker, count in sql("select new_value, count(*) from audit_event where entity_type = 'observation' and field = 'comment' "
                             f"and new_value like 'soak {run_id} %' group by new_value"):
        stored_comments[marker] = int(count)
    stored_reasons = {}
    for marker, count in sql(f"select reason, count(*) from target_revision where reason like 'soak {run_id} %' group by reason"):
        stored_reasons[marker] = int(count)
    lost = dup = 0
    for kind, key, marker, status in figures + targets:
        n = (stored_comments if kind == "figure" else stored_reasons).get(marker, 0)
        if 200 <= status < 300:
            if n == 0:
                lost += 1
                STATS.violation(f"lost: {kind} {key} '{marker}' answered {status} but is not stored")
            elif n > 1:
                dup += 1
                STATS.violation(f"duplicated: {kind} {key} '{marker}' stored {n} times")
        elif n > 1:
            dup += 1
            STATS.violation(f"duplicated: {kind} {key} '{marker}' (answered {status}) stored {n} times")
    unknown = sum(1 for w in figures + targets if w[3] == 0 or w[3] >= 500)
    unknown_stored = sum(1 for w in figures + targets if (w[3] == 0 or w[3] >= 500)
                         and (stored_comments if w[0] == "figure" else stored_reasons).get(w[2], 0) == 1)
    # the last write of each indicator answered 2xx is what the figure says now (no later write can have succeeded)
    for indicator in INDICATORS:
        mine = [w for w in figures if w[1] == indicator]
        ok = [w for w in mine if 200 <= w[3] < 300]
        if not ok:
            continue
        after = mine[mine.index(ok[-1]) + 1:]
        allowed = {ok[-1][2]} | {w[2] for w in after if w[3] == 0 or w[3] >= 500}
        now = sql("select o.comment from observation o join indicator i on i.id = o.indicator_id join region r on r.id = o.region_id "
                  f"join disaggregation d on d.id = o.disaggregation_id where i.code = '{indicator}' and r.code = '{REGION}' "
                  f"and o.period = '{PERIOD}' and o.measure = 'LEVEL' and d.code = '_T'")
        if not now or now[0][0] not in allowed:
            STATS.violation(f"lost: {indicator} reads {now} but its last 2xx write was '{ok[-1][2]}'")
            lost += 1

    # --- report
    def outside(sample):
        start, end = sample[1], sample[1] + sample[2]
        return not any(start <= b and end >= a for a, b, _ in STATS.windows)

    # the rule checks call each instance directly, the killed one included: not traffic
    samples = [s for s in STATS.samples if s[0] != "rule-check"]
    print()
    print(f"writes answered 2xx: {sum(1 for w in figures if 200 <= w[3] < 300)} figures, "
          f"{sum(1 for w in targets if 200 <= w[3] < 300)} target adjustments; refused (4xx): "
          f"{sum(1 for w in figures + targets if 400 <= w[3] < 500)}; no answer or 5xx: {unknown} (of which stored: {unknown_stored})")
    print(f"lost: {lost}   duplicated: {dup}")
    logouts = sum(1 for v in STATS.violations if "logged out" in v or "login page" in v)
    print(f"users logged out by the failover: {logouts} (signed-in page requests: {sum(1 for s in samples if s[0] == 'page-signed-in')})")
    checks = len(STATS.notes)
    rule_violations = sum(1 for v in STATS.violations if v.startswith("rule "))
    print(f"rule {RULE} edits checked on every live instance at the next request: {checks} checks, {rule_violations} not enforced")
    ryw = sum(1 for v in STATS.violations if v.startswith("read-your-writes"))
    print(f"read-your-writes: {ryw} violations ({sum(1 for s in samples if s[0] in ('api-figure-dryrun', 'api-public-read'))} reads after own writes)")
    print(f"answers served from the replica (X-Yardstick-Read): {STATS.replica} of "
          f"{sum(1 for s in samples if s[0] in ('page-anonymous', 'api-anonymous-read', 'api-public-read', 'login-page'))} anonymous reads")
    errors_in = [s for s in samples if (s[3] == 0 or s[3] >= 500) and not outside(s)]
    errors_out = [s for s in samples if (s[3] == 0 or s[3] >= 500) and outside(s)]
    total_out = sum(1 for s in samples if outside(s))
    print(f"errors (no answer or 5xx) outside the kill/restart windows: {len(errors_out)} of {total_out} "
          f"({100 * len(errors_out) / max(1, total_out):.2f} %); inside the windows: {len(errors_in)}")
    for kind, status in sorted({(s[0], s[3]) for s in errors_out}):
        print(f"    {kind}: {status} x{sum(1 for s in errors_out if s[0] == kind and s[3] == status)}")
    limited = sum(1 for s in samples if s[3] == 429)
    print(f"rate-limited (429, expected: one client address): {limited}")
    print()
    print(f"{'request type':22} {'count':>6} {'p50 ms':>8} {'p95 ms':>8}")
    for kind in sorted({s[0] for s in samples}):
        ms = [s[2] * 1000 for s in samples if s[0] == kind and 200 <= s[3] < 400]
        print(f"{kind:22} {len(ms):6d} {percentile(ms, 50):8.0f} {percentile(ms, 95):8.0f}")
    print()
    one = sum(1 for s in samples if one_start <= s[1] < one_end and 200 <= s[3] < 400)
    three = sum(1 for s in samples if three_start <= s[1] < three_end and 200 <= s[3] < 400)
    r1, r3 = one / (one_end - one_start), three / (three_end - three_start)
    print(f"throughput (same closed-loop clients, 2xx/3xx per second): 1 instance {r1:.1f}/s, 3 instances {r3:.1f}/s, "
          f"ratio {r3 / r1 if r1 else float('nan'):.2f}")
    print("  (this machine has 2 cores shared by the database, HAProxy, the client and every instance: the point is "
          "correctness under failover, not the scale factor)")
    print()
    if STATS.violations:
        print(f"FAILED: {len(STATS.violations)} correctness violation(s)")
        return 1
    print("PASSED: 0 lost, 0 duplicated, 0 logged out, rule edits enforced cluster-wide, read-your-writes held")
    return 0


if __name__ == "__main__":
    sys.exit(main())
