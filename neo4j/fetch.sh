#!/usr/bin/env bash
# Builds the throwaway Neo4j test server: compiles the launcher into neo4j/target/warmpath-neo4j.jar
# and copies Neo4j Community's runtime jars (from Maven Central, cached in ~/.m2) into neo4j/target/lib.
# Idempotent: runs Maven only when the jars or the launcher are missing or older than their sources
# (so a machine that already has neo4j/target needs java but not mvn).
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
pom="$here/pom.xml"
lib="$here/target/lib"
jar="$here/target/warmpath-neo4j.jar"
src="$here/src/main/java/warmpath/EmbeddedNeo4j.java"
stamp="$lib/.complete"

if ! command -v java >/dev/null 2>&1; then
  echo "neo4j/fetch.sh: java not found: install OpenJDK 17 and Maven (apt-get install openjdk-17-jdk-headless maven), or set NEO4J_URI" >&2
  exit 3
fi
java_major="$(java -XshowSettings:properties -version 2>&1 | sed -n 's/^ *java\.specification\.version = //p' | head -n1)"
if [[ -n "$java_major" && "${java_major%%.*}" =~ ^[0-9]+$ && "${java_major%%.*}" -lt 17 ]]; then
  echo "neo4j/fetch.sh: java $java_major found, Neo4j 5.26 needs Java 17 or newer (apt-get install openjdk-17-jdk-headless), or set NEO4J_URI" >&2
  exit 5
fi

# 0: up to date; 1: launcher only; 2: everything (jars too)
needs_build() {
  if [[ ! -f "$stamp" || "$pom" -nt "$stamp" ]]; then echo 2
  elif [[ ! -f "$jar" || "$src" -nt "$jar" ]]; then echo 1
  else echo 0
  fi
}

if [[ "$(needs_build)" != 0 ]]; then
  if ! command -v mvn >/dev/null 2>&1; then
    echo "neo4j/fetch.sh: mvn not found: install Maven (apt-get install maven), or set NEO4J_URI" >&2
    exit 4
  fi
  mkdir -p "$here/target"
  # One build at a time (parallel test runs); re-check once we hold the lock.
  exec 9>"$here/target/.fetch.lock"
  if command -v flock >/dev/null 2>&1; then flock 9; fi
  what="$(needs_build)"
  if [[ "$what" != 0 ]]; then
    echo "neo4j/fetch.sh: building the Neo4j test server with Maven (the first run downloads ~125 MB of jars)..."
    start=$SECONDS
    # A changed pom may drop or rename jars: start target/lib afresh then.
    if [[ "$what" == 2 ]]; then rm -rf "$lib"; fi
    # (Debian's Maven 3.8 prints stray ANSI resets even with -B: strip them.)
    if ! mvn -q -B -Dstyle.color=never -f "$pom" -DskipTests package 2>&1 | sed -e 's/\x1b\[[0-9;]*m//g'; then
      echo "neo4j/fetch.sh: Maven build failed (see above); it needs Maven Central or a filled ~/.m2" >&2
      exit 6
    fi
    if [[ ! -f "$jar" ]] || ! compgen -G "$lib/*.jar" >/dev/null; then
      echo "neo4j/fetch.sh: Maven finished but $jar or $lib/*.jar is missing" >&2
      exit 6
    fi
    touch "$stamp"
    echo "neo4j/fetch.sh: built in $((SECONDS - start)) s"
  fi
  exec 9>&-
fi

count="$(find "$lib" -maxdepth 1 -name '*.jar' | wc -l | tr -d ' ')"
bytes="$(find "$lib" -maxdepth 1 -name '*.jar' -printf '%s\n' | awk '{s+=$1} END {print s+0}')"
echo "neo4j jars: $((bytes / 1024 / 1024)) MB in $count files (neo4j/target/lib)"
