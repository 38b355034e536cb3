#!/usr/bin/env bash
# Installs what FundLedger needs on Debian when it is missing.
#   scripts/install-deps.sh build   libraries the package links against
#   scripts/install-deps.sh test    plus the independent readers the tests use
set -euo pipefail
what=${1:-build}

debian=(libxlsxwriter-dev libsqlite3-dev zlib1g-dev pkg-config python3)
if [ "$what" = test ]; then
  # postgresql: Debian's server, for the throwaway server the PostgreSQL tests run against;
  # openssl makes its test certificates.
  debian+=(hledger python3-pip unzip libreoffice-calc-nogui fonts-noto-cjk chromium chromium-driver poppler-utils postgresql openssl)
fi

missing=()
for package in "${debian[@]}"; do
  dpkg -s "$package" >/dev/null 2>&1 || missing+=("$package")
done
if [ ${#missing[@]} -gt 0 ]; then
  sudo=""
  [ "$(id -u)" -ne 0 ] && sudo="sudo"
  echo "installing Debian packages: ${missing[*]}"
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if [ "$what" = test ]; then
  python3 -c "import openpyxl" 2>/dev/null || python3 -m pip install -q openpyxl
  # The desk's browser test drives Debian's chromium through chromium-driver.
  python3 -c "import selenium" 2>/dev/null || python3 -m pip install -q selenium || python3 -m pip install -q --break-system-packages selenium
fi
