#!/usr/bin/env bash
# stress_load.sh - tests/stress/load.sh scaled for CI: 8 processes marking
# 200 incidents each at once (the full size, 8 x 2000, is in the README).
exec bash "$(dirname "$0")/../stress/load.sh" "${CF_STRESS_PROCS:-8}" \
	"${CF_STRESS_MARKS:-200}"
