#!/usr/bin/env bash
# Runs every test: installs what the tests need, then vet, unit, corpus and browser
# tests (corpus tests read ../shared beside the checkout and skip when it is absent).
set -euo pipefail
cd "$(dirname "$0")/.."
scripts/install-deps.sh
go vet ./...
go test -count=1 -timeout 30m ./...
