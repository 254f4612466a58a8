#!/bin/sh
# `npm start` and `npm test` land here, on a machine that may have only Node and npm.
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

ensure_chromium() {
  if [ -n "${CHROMIUM_PATH:-}" ] || command -v chromium >/dev/null 2>&1; then return 0; fi
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then
    echo "Installing Chromium for the browser tests…"
    apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  else
    echo "Chromium is missing: install it (Debian: apt-get install chromium) or set CHROMIUM_PATH." >&2
  fi
}

case "${1:-}" in
  start)
    pnpm_ install --frozen-lockfile
    pnpm_ --filter @tessera/web build
    pnpm_ --filter @tessera/api start
    ;;
  test)
    pnpm_ install --frozen-lockfile
    ensure_chromium
    node scripts/run-tests.mjs
    ;;
  *)
    echo "usage: sh scripts/tessera.sh start|test" >&2
    exit 2
    ;;
esac
