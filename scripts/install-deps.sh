#!/usr/bin/env bash
# Installs the Debian packages guifan's tests and tools use, when they are missing:
#   poppler-utils               pdftotext / pdftoppm (PDF fallback and OCR rendering)
#   tesseract-ocr(-chi-sim)     OCR of scanned PDFs
#   chromium, chromium-driver   browser tests (headless)
#   fonts-noto-cjk              Chinese glyphs in browser screenshots
#   nginx, wrk                  the replica demo and load tests
set -euo pipefail
need=()
command -v pdftotext >/dev/null || need+=(poppler-utils)
command -v tesseract >/dev/null || need+=(tesseract-ocr)
[ -e /usr/share/tesseract-ocr/5/tessdata/chi_sim.traineddata ] || ls /usr/share/tesseract-ocr/*/tessdata/chi_sim.traineddata >/dev/null 2>&1 || need+=(tesseract-ocr-chi-sim)
command -v chromium >/dev/null || need+=(chromium chromium-driver)
# grep without -q reads all of fc-list: -q would quit early, fc-list would die of SIGPIPE and pipefail would
# count the font as missing.
fc-list 2>/dev/null | grep -i "noto.*cjk" >/dev/null || need+=(fonts-noto-cjk)
command -v nginx >/dev/null || [ -x /usr/sbin/nginx ] || need+=(nginx)
command -v wrk >/dev/null || need+=(wrk)
if [ ${#need[@]} -eq 0 ]; then
  exit 0
fi
echo "installing: ${need[*]}" >&2
sudo=""
[ "$(id -u)" -eq 0 ] || sudo="sudo"
export DEBIAN_FRONTEND=noninteractive
$sudo apt-get update -qq
$sudo apt-get install -y -qq --no-install-recommends "${need[@]}" >/dev/null
