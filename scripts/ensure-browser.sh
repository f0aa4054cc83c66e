#!/usr/bin/env bash
# Browser tests drive Debian's Chromium (never a downloaded browser) and need CJK fonts,
# or Chinese renders as boxes. Installs both when missing; safe to run repeatedly.
set -euo pipefail
need=()
command -v chromium >/dev/null 2>&1 || [ -x /usr/bin/chromium ] || need+=(chromium)
# dpkg, not fc-list: fontconfig's tools are not a dependency of either package.
dpkg -s fonts-noto-cjk >/dev/null 2>&1 || need+=(fonts-noto-cjk)
[ ${#need[@]} -eq 0 ] && exit 0
echo "installing ${need[*]} for the browser tests (apt-get)…"
sudo_cmd=""
[ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
$sudo_cmd apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
