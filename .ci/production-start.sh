#!/usr/bin/env bash
# CI step: the app starts from a production-only install (`npm ci --omit=dev`, then `npm start`, which builds
# without the development tools: decision 0009) and answers its health check. Works on a copy of the checkout,
# with the development packages pruned from the copy's node_modules rather than installed again.
set -euo pipefail
dir=$(mktemp -d)
pid=
cleanup() {
  # npm start runs the server as a grandchild: the whole process group goes.
  if [ -n "$pid" ]; then kill -- "-$pid" 2>/dev/null || true; fi
  rm -rf "$dir"
}
trap cleanup EXIT

tar --exclude=./dist --exclude=./test-results --exclude=./var -cf - . | tar -xf - -C "$dir"
cd "$dir"
npm prune --omit=dev --no-audit --no-fund >/dev/null
if [ -d node_modules/vitest ] || [ -d node_modules/@types/node ]; then
  echo "development packages are still installed: the check would prove nothing"
  exit 1
fi

NODE_ENV=production PORT=0 DATABASE_PATH="$dir/var/ci.sqlite" LOG_LEVEL=warn \
  SESSION_SECRET=ci-production-start-secret-0123456789 setsid npm start >start.log 2>&1 &
pid=$!
for _ in $(seq 1 90); do
  url=$(grep -oE 'listening on http://[^ ]+' start.log | sed 's/listening on //' || true)
  if [ -n "$url" ]; then
    curl -fsS "${url/localhost/127.0.0.1}/healthz"
    echo
    curl -fsS -o /dev/null "${url/localhost/127.0.0.1}/calculator"
    echo "production-only install: the built server answers"
    exit 0
  fi
  if ! kill -0 "$pid" 2>/dev/null; then break; fi
  sleep 1
done
echo "the server did not start from a production-only install:"
cat start.log
exit 1
