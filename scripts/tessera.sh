#!/bin/sh
# The root package scripts land here, on a machine that may have only Node and npm.
set -eu
cd "$(dirname "$0")/.."

if command -v pnpm >/dev/null 2>&1 && pnpm --version 2>/dev/null | grep -q '^10\.'; then
  TESSERA_PNPM=pnpm
else
  TESSERA_PNPM="npx --yes pnpm@10"
fi
export TESSERA_PNPM

pnpm_() {
  $TESSERA_PNPM "$@"
}

# pnpm keeps a copy of the lockfile it last installed in node_modules.
ensure_installed() {
  if ! cmp -s pnpm-lock.yaml node_modules/.pnpm/lock.yaml; then
    pnpm_ install --frozen-lockfile
  fi
}

# The hash of what the console was built from is kept beside the build (the server serves no dotfiles).
ensure_console_built() {
  built_from=apps/web/dist/.built-from
  sources=$(node scripts/console-sources-hash.mjs)
  if [ "$sources" != "$(cat "$built_from" 2>/dev/null)" ]; then
    pnpm_ --filter @tessera/web build
    echo "$sources" >"$built_from"
  fi
}

# Run straight from node, without pnpm in between, the server and the command line start sooner and
# Ctrl-C reaches the server itself.
run_api() {
  cd apps/api
  exec node --import tsx "$@"
}

ensure_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ] || command -v chromium >/dev/null 2>&1; then return 0; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Chromium for the browser tests…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH." >&2
  fi
}

task=${1:-}
[ $# -gt 0 ] && shift
case "$task" in
  start)
    ensure_installed
    ensure_console_built
    run_api src/server.ts
    ;;
  test)
    ensure_installed
    ensure_chromium
    node scripts/run-tests.mjs
    ;;
  quick)
    # The inner loop: unit and integration tests, once, on the PostgreSQL server if one answers.
    ensure_installed
    pnpm_ exec vitest run --project domain --project db --project api --project web "$@"
    ;;
  cli)
    # What the command line prints is for scripts to read: the install tells its progress on stderr.
    ensure_installed >&2
    run_api src/cli.ts "$@"
    ;;
  bench)
    ensure_installed
    pnpm_ --filter @tessera/bench bench "$@"
    ;;
  turbo)
    # turbo runs each package's script with pnpm, which may be on PATH only inside pnpm.
    ensure_installed
    pnpm_ exec turbo run "$@"
    ;;
  *)
    echo "usage: sh scripts/tessera.sh start | test | quick | cli <command> | bench | turbo <task>" >&2
    exit 2
    ;;
esac
