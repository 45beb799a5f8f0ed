#!/usr/bin/env bash
# Formats the Swift sources with the toolchain's swift-format and .swift-format.
# Scripts/format.sh          rewrites files in place
# Scripts/format.sh --check  fails (--strict) on any finding: what CI runs
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--check" ]; then
    exec swift format lint --strict --recursive Sources Tests Package.swift
fi
exec swift format --in-place --recursive Sources Tests Package.swift
