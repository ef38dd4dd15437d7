#!/usr/bin/env bash
# Runs a throwaway Neo4j Community server in the foreground: bolt://127.0.0.1:${NEO4J_BOLT_PORT:-7687},
# auth disabled, data in a temp folder that is removed when it stops (Ctrl-C).
#   bash neo4j/start.sh [PORT]
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
bash "$here/fetch.sh"

port="${1:-${NEO4J_BOLT_PORT:-7687}}"
data="$(mktemp -d "${TMPDIR:-/tmp}/warmpath-neo4j-XXXXXX")"
cleanup() { rm -rf "$data"; }
trap cleanup EXIT

echo "neo4j: starting on bolt://127.0.0.1:$port (data in $data, Ctrl-C to stop)"
# Same JVM settings as test/setup/neo4j.global.ts: modest heap, serial GC, C1 only (fast start, light on 2 cores).
java -Xms256m -Xmx1g -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:+ExitOnOutOfMemoryError \
  --add-opens=java.base/java.nio=ALL-UNNAMED --add-opens=java.base/java.io=ALL-UNNAMED \
  --add-opens=java.base/sun.nio.ch=ALL-UNNAMED -Dio.netty.tryReflectionSetAccessible=true \
  -cp "$here/target/lib/*:$here/target/warmpath-neo4j.jar" \
  warmpath.EmbeddedNeo4j "$port" "$data" &
pid=$!
# Forward Ctrl-C / SIGTERM to java and wait for its clean shutdown before removing the data folder.
trap 'kill -TERM "$pid" 2>/dev/null || true' INT TERM
wait "$pid" || true
wait "$pid" 2>/dev/null || true
