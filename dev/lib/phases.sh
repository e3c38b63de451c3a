# shellcheck shell=bash
# Timed, labelled steps for the dev scripts. Source it; needs bash.

# Prints "==> label" now and "<== label: N.Ns" when run_phase's command ends.
# Usage: run_phase "label" command args...   (returns the command's status)
run_phase() {
  local label=$1
  shift
  local started=$EPOCHREALTIME status=0
  printf '\n==> %s\n' "$label"
  "$@" || status=$?
  local seconds
  seconds=$(awk -v a="$started" -v b="$EPOCHREALTIME" 'BEGIN { printf "%.1f", b - a }')
  PHASE_TIMES+=("$(printf '%-34s %7ss  %s' "$label" "$seconds" "$([[ $status == 0 ]] && echo ok || echo "FAILED ($status)")")")
  printf '<== %s: %ss%s\n' "$label" "$seconds" "$([[ $status == 0 ]] || echo ", failed with status $status")"
  return "$status"
}

print_phase_times() {
  printf '\nPhase timings:\n'
  local line
  for line in "${PHASE_TIMES[@]}"; do printf '  %s\n' "$line"; done
}

PHASE_TIMES=()

die() {
  printf 'error: %s\n' "$*" >&2
  exit 1
}
