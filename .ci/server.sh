# Helpers for .ci/run and bench/: start the petstore demo server over HTTP and stop it.
# start_http_server JAR PORT  sets server_pid and server_url (PORT 0 picks a free port).

start_http_server() {
  local jar=$1 port=$2 log
  log=$(mktemp)
  java -jar "$jar" --demo --transport http --port "$port" 2>"$log" &
  server_pid=$!
  server_log=$log
  for _ in $(seq 1 100); do
    server_url=$(sed -n 's/.*listening on \(http:[^ ]*\/mcp\).*/\1/p' "$log" | head -n 1)
    [ -n "$server_url" ] && return 0
    kill -0 "$server_pid" 2>/dev/null || break
    sleep 0.1
  done
  echo "the petstore server did not start; its stderr:" >&2
  cat "$log" >&2
  return 1
}

stop_server() {
  kill "$server_pid" 2>/dev/null || true
  wait "$server_pid" 2>/dev/null || true
}
