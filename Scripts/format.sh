#!/usr/bin/env bash
# Formats the Swift sources with the toolchain's swift-format and .swift-format.
# Scripts/format.sh          rewrites files in place
# Scripts/format.sh --check  only reports what it would change
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "${1:-}" = "--check" ]; then
    exec swift format lint --recursive Sources Tests Package.swift
fi
exec swift format --in-place --recursive Sources Tests Package.swift
