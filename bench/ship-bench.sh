#!/usr/bin/env bash
# Shipping figures (issue 16): rows/s a server stores into PostgreSQL from 10 simulated agents over
# loopback HTTP, and one agent's shipping CPU at 1,000 rows/s. PostgreSQL is zonky's embedded binaries.
# The server path is the StoreLedger into the embedded DuckDB, then into PostgreSQL (what netwarden server runs).
# Usage: bench/ship-bench.sh [seconds] [rows-per-batch]
set -euo pipefail
cd "$(dirname "$0")/.."
export JAVA_HOME=${JAVA_HOME:-/usr/lib/jvm/temurin-25-jdk-amd64}
./mvnw -B -q -o -pl bench -am -DskipTests package dependency:build-classpath -Dmdep.outputFile=target/classpath.txt
"$JAVA_HOME/bin/java" -Xmx1g -cp "bench/target/classes:$(cat bench/target/classpath.txt)" netwarden.bench.ShipBench all "${1:-15}" "${2:-2000}"
