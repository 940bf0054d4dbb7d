#!/usr/bin/env bash
# The end-to-end tests drive Debian's Chromium: Playwright cannot download its own browser here.
set -euo pipefail
[ -x /usr/bin/chromium ] && exit 0
if [ "$(id -u)" = "0" ] && command -v apt-get >/dev/null; then
  echo "Installing Debian's chromium for the end-to-end tests…"
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium >/dev/null
  exit 0
fi
echo "The end-to-end tests need Chromium at /usr/bin/chromium: install Debian's 'chromium' package (sudo apt-get install chromium) and run the tests again." >&2
exit 1
