#!/usr/bin/env bash
# The fault-injecting soak of issue 17 against the cluster of scripts/cluster.sh (started here when it is not up;
# left running afterwards — scripts/cluster.sh down stops it). Loopback only; bounded in time and request count:
#   bench/cluster-soak.sh            ~40 s on 1 instance, ~40 s on 3, ~90 s+ with faults
#   bench/cluster-soak.sh --short    15 s, 15 s, 45 s+ (the CI step of .ci/run)
# Faults: kill -9 of instance 2, its restart, a restart of the streaming replica. Prints lost/duplicated writes,
# logouts, rule enforcement across instances, read-your-writes, error rate outside the kill windows, p50/p95 per
# request type and throughput with 1 and 3 instances; exits 1 only on a correctness violation.
# The generator is bench/cluster_soak.py (Python 3 standard library); the output is kept in cluster-run/.
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/cluster.sh status >/dev/null 2>&1 || scripts/cluster.sh up
out=cluster-run/soak-$(date -u +%Y%m%dT%H%M%SZ).txt
python3 -u bench/cluster_soak.py "$@" | tee "$out"
exit "${PIPESTATUS[0]}"
