#!/usr/bin/env bash
# Prints the walking-skeleton benchmark figures: cold start over stdio and tools/call latency.
# Not part of the test run. Builds the petstore example first when its jar is missing.
set -euo pipefail
cd "$(dirname "$0")/.."
jar=examples/petstore/target/petstore-mcp-server.jar
[ -f "$jar" ] || ./mvnw -B -q package -DskipTests
echo "machine: $(nproc) cores, $(java -version 2>&1 | head -n 1)"
java bench/StdioBench.java "$jar" "${RUNS:-5}" "${CALLS:-1000}"
