#!/usr/bin/env sh
# Installs the Debian packages a system test suite needs, if they are missing.
#
#   sh tests/system/ensure_debian_packages.sh chromium slurm-wlm munge …
#
# Runs apt-get as root (or through passwordless sudo). On a machine where neither is possible,
# fails with a message naming the missing packages, so the suite never silently skips.
set -eu
missing=""
for package in "$@"; do
  if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
    missing="$missing $package"
  fi
done
[ -z "$missing" ] && exit 0
if [ "$(id -u)" = "0" ]; then
  as_root=""
elif command -v sudo >/dev/null 2>&1 && sudo -n true 2>/dev/null; then
  as_root="sudo -n"
else
  echo "The system tests need these Debian packages:$missing" >&2
  echo "Install them (apt-get install -y$missing) or run the tests as root." >&2
  exit 1
fi
# One apt-get update per machine boot is enough; its lists live under /var/lib/apt/lists.
stamp=/tmp/partnership-sim-apt-updated
if [ ! -e "$stamp" ]; then
  $as_root apt-get update -qq
  touch "$stamp"
fi
echo "Installing Debian packages:$missing" >&2
DEBIAN_FRONTEND=noninteractive $as_root apt-get install -y -qq --no-install-recommends $missing >/dev/null
