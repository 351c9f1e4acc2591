#!/usr/bin/env bash
# stress_crash.sh - tests/stress/crash.sh as CI runs it: 200 trials of
# SIGKILL at random moments, integrity and every printed id checked.
exec bash "$(dirname "$0")/../stress/crash.sh" "${CF_CRASH_TRIALS:-200}"
