#!/usr/bin/env bash
# Proves (or disproves) the promise of README.md: on a fresh, minimal Debian 12 machine, as root, with
# nothing but bash and a clone of this repository, `./test.sh` is green (and, with --run, `./run.sh` works).
#
# How: a minimal bookworm chroot (`debootstrap --variant=minbase`) stands in for the fresh machine.
#   1. The chroot is created once and kept as a pristine snapshot (a tar file next to it). Every run starts
#      from that snapshot again, so packages installed by an earlier run never hide a missing one.
#      Apt inside uses the same mirror as the host (/etc/apt/sources.list.d/debian.sources), with the suites
#      bookworm, bookworm-updates and bookworm-security, and the host's /etc/resolv.conf.
#   2. /proc, /sys, /dev and /dev/pts are mounted into it and unmounted on exit (trap), even on failure.
#   3. The committed HEAD of this repository is cloned on the host (the chroot has no git) into
#      <chroot>/root/spoorboek; uncommitted changes of the working tree are deliberately NOT tested.
#   4. `cd /root/spoorboek && ./test.sh` runs inside the chroot in a clean environment (env -i); the full log
#      goes to a file, its tail is printed, and the script exits with test.sh's exit code.
#   5. With --run, `./run.sh` runs afterwards as well (with a timeout): it must serve /healthz, let a demo
#      user log in and list cases, and exit 0 on SIGTERM.
#
# Usage: scripts/fresh-machine-check.sh [--run] [--keep]
#   --run    also run ./run.sh in the chroot (after test.sh) and check that it exits 0
#   --keep   reuse the chroot as the previous run left it (packages installed, build dir kept) instead of
#            restoring the pristine snapshot: quicker for iterating, but no longer a fresh-machine proof
#
# Environment (all optional):
#   SPOORBOEK_CHROOT            chroot directory (default /var/tmp/spoorboek-chroot; must be outside the repo)
#   SPOORBOEK_CHROOT_SNAPSHOT   pristine snapshot of the chroot (default <chroot>.base.tar)
#   SPOORBOEK_CHECK_LOGS        directory of the logs (default <chroot>.logs)
#   SPOORBOEK_APT_CACHE         host directory bind-mounted on the chroot's /var/cache/apt/archives so .deb
#                               files are downloaded once (default <chroot>.apt-archives; set it empty to
#                               download everything every time, exactly like a fresh machine)
#   SPOORBOEK_MIRROR            Debian mirror (default: the host's, else http://deb.debian.org/debian)
#   SPOORBOEK_SECURITY_MIRROR   security mirror (default: the host's, else http://deb.debian.org/debian-security)
#   SPOORBOEK_TEST_TIMEOUT      seconds allowed for ./test.sh (default 7200)
#   SPOORBOEK_RUN_TIMEOUT       seconds allowed for ./run.sh with --run (default 900)
#   SPOORBOEK_EGRESS_CA         a CA bundle the host's network needs for TLS (an intercepting proxy),
#                               given to npm in the chroot as NODE_EXTRA_CA_CERTS (default: the host's
#                               /usr/local/share/ca-certificates/*.crt when there are any; empty: none).
#                               Only the network differs from a fresh machine's, not what is installed.
#
# Exit code: test.sh's exit code; if test.sh passed, run.sh's (with --run; 124 means it timed out);
# 125 when the check itself could not be set up (not root, debootstrap or clone failed, ...).
#
# Must run as root on a Debian host with debootstrap, git, mount and chroot. Idempotent: run it as often as
# you like; only one run at a time per chroot (a lock file next to the chroot).
set -euo pipefail

readonly SUITE=bookworm
readonly CHROOT_PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin
readonly BASE_MARKER=/etc/spoorboek-fresh-check.base   # inside the chroot: written once debootstrap succeeded

say() { printf 'fresh-machine-check: %s\n' "$*" >&2; }
die() { say "ERROR: $*"; exit 125; }

usage() { sed -n '/^# Usage:/,/^# *$/p' "$0" | sed 's/^# \{0,1\}//'; }

run_too=0
keep=0
while [ $# -gt 0 ]; do
  case $1 in
    --run) run_too=1 ;;
    --keep) keep=1 ;;
    -h | --help) usage; exit 0 ;;
    *) usage >&2; die "unknown argument: $1" ;;
  esac
  shift
done

[ "$(id -u)" -eq 0 ] || die "must run as root (debootstrap, mount and chroot need it)"
for tool in debootstrap git chroot mount umount timeout flock tar awk; do
  command -v "$tool" >/dev/null || die "the host lacks '$tool'"
done

# The repository is the one this script lives in, whatever the current directory.
REPO=$(git -C "$(dirname "$(readlink -f "$0")")" rev-parse --show-toplevel) || die "not inside a git repository"
CHROOT=${SPOORBOEK_CHROOT:-/var/tmp/spoorboek-chroot}
CHROOT=${CHROOT%/}
SNAPSHOT=${SPOORBOEK_CHROOT_SNAPSHOT:-$CHROOT.base.tar}
LOG_DIR=${SPOORBOEK_CHECK_LOGS:-$CHROOT.logs}
APT_CACHE=${SPOORBOEK_APT_CACHE-$CHROOT.apt-archives}
TEST_TIMEOUT=${SPOORBOEK_TEST_TIMEOUT:-7200}
if [ -z "${SPOORBOEK_EGRESS_CA+set}" ] && compgen -G "/usr/local/share/ca-certificates/*.crt" >/dev/null; then
  EGRESS_CA=/usr/local/share/ca-certificates
else
  EGRESS_CA=${SPOORBOEK_EGRESS_CA:-}
fi
RUN_TIMEOUT=${SPOORBOEK_RUN_TIMEOUT:-900}

# The chroot gets `rm -rf`: refuse anything that is not clearly a directory of its own.
case $CHROOT in
  /*) ;;
  *) die "SPOORBOEK_CHROOT must be an absolute path: $CHROOT" ;;
esac
case $CHROOT/ in
  / | /bin/ | /boot/ | /dev/ | /etc/ | /home/ | /lib/ | /opt/ | /proc/ | /root/ | /sbin/ | /srv/ | /sys/ | /tmp/ | \
    /usr/ | /var/ | /var/tmp/ | /work/)
    die "refusing to use $CHROOT as the chroot directory" ;;
  "$REPO"/*) die "the chroot must be outside the repository ($REPO)" ;;
esac
case $REPO/ in
  "$CHROOT"/*) die "the repository must not be inside the chroot directory" ;;
esac

mkdir -p "$(dirname "$CHROOT")" "$LOG_DIR"
# One run at a time per chroot: a second run would unmount or delete what the first one uses.
exec 9>"$CHROOT.lock"
flock -n 9 || die "another run holds $CHROOT.lock"

# ---------------------------------------------------------------------------------------------------
# Mounts. Everything mounted below $CHROOT is ours (we hold the lock), so cleanup unmounts all of it,
# deepest first, including leftovers of a run that was killed with SIGKILL.

mounts_under() { # prints the mount points at or below $1, deepest first
  awk -v d="$1" '$2 == d || index($2, d "/") == 1 { print $2 }' /proc/self/mounts | sort -r
}

unmount_under() {
  local m
  for m in $(mounts_under "$1"); do
    umount "$m" 2>/dev/null || umount -l "$m" || say "warning: could not unmount $m"
  done
}

safe_remove() { # removes a directory tree that may have held the chroot's mounts
  [ -e "$1" ] || return 0
  unmount_under "$1"
  [ -z "$(mounts_under "$1")" ] || die "something is still mounted under $1; not removing it"
  rm -rf --one-file-system -- "$1"
}

mount_into() { # <path inside the chroot> <mount arguments...>
  local target=$CHROOT$1
  shift
  mkdir -p "$target"
  mount "$@" "$target"
}

# ---------------------------------------------------------------------------------------------------
# Timing of each step, printed at the end whatever happens.

step_names=()
step_secs=()
step_t0=0
step_name=""
step_begin() { step_name=$1; step_t0=$SECONDS; say "== $1"; }
step_end() { step_names+=("$step_name"); step_secs+=($((SECONDS - step_t0))); step_name=""; }

print_times() {
  local i
  [ -z "$step_name" ] || { step_names+=("$step_name (interrupted)"); step_secs+=($((SECONDS - step_t0))); }
  say "step times:"
  for i in "${!step_names[@]}"; do
    printf '  %-44s %5ds\n' "${step_names[i]}" "${step_secs[i]}" >&2
  done
  printf '  %-44s %5ds\n' "total" "$SECONDS" >&2
}

child=""   # the pid of the chroot command running in the background, if any

cleanup() {
  local rc=$?
  trap - EXIT INT TERM
  if [ -n "$child" ] && kill -0 "$child" 2>/dev/null; then
    say "stopping the command in the chroot (pid $child)"
    kill -TERM "$child" 2>/dev/null || true   # timeout passes it on to the whole command
    wait "$child" 2>/dev/null || true
  fi
  unmount_under "$CHROOT"
  print_times
  exit "$rc"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# ---------------------------------------------------------------------------------------------------
# Mirrors: the ones the host uses, from its deb822 sources file.

host_uri_for_suite() { # $1 = suite; prints the URIs value of the host stanza listing that suite
  local f=/etc/apt/sources.list.d/debian.sources
  [ -r "$f" ] || return 0
  awk -v want="$1" '
    BEGIN { RS = ""; FS = "\n" }      # one stanza per record
    {
      uri = ""; hit = 0
      for (i = 1; i <= NF; i++) {
        if ($i ~ /^URIs:/) { split($i, a, /[ \t]+/); uri = a[2] }
        if ($i ~ /^Suites:/) { n = split($i, s, /[ \t]+/); for (j = 2; j <= n; j++) if (s[j] == want) hit = 1 }
      }
      if (hit && uri != "") { print uri; exit }
    }' "$f"
}

MIRROR=${SPOORBOEK_MIRROR:-$(host_uri_for_suite "$SUITE")}
MIRROR=${MIRROR:-http://deb.debian.org/debian}
SECURITY_MIRROR=${SPOORBOEK_SECURITY_MIRROR:-$(host_uri_for_suite "$SUITE-security")}
SECURITY_MIRROR=${SECURITY_MIRROR:-http://deb.debian.org/debian-security}

base_is_complete() { # a chroot that debootstrap finished (the marker is written last)
  [ -f "$CHROOT$BASE_MARKER" ] && [ -x "$CHROOT/usr/bin/apt-get" ] && [ -x "$CHROOT/bin/bash" ]
}

bootstrap_base() {
  local log=$LOG_DIR/debootstrap.log
  say "debootstrap --variant=minbase $SUITE $CHROOT $MIRROR (log: $log)"
  safe_remove "$CHROOT"
  mkdir -p "$CHROOT"
  if ! debootstrap --variant=minbase "$SUITE" "$CHROOT" "$MIRROR" >"$log" 2>&1; then
    tail -n 20 "$log" >&2
    die "debootstrap failed (see $log)"
  fi
  echo "debootstrap --variant=minbase $SUITE from $MIRROR on $(date -u +%FT%TZ)" >"$CHROOT$BASE_MARKER"
  # The snapshot: written under a temporary name and renamed, so an existing one is always complete.
  tar -C "$CHROOT" --one-file-system --numeric-owner -cpf "$SNAPSHOT.tmp" .
  mv "$SNAPSHOT.tmp" "$SNAPSHOT"
}

restore_base() {
  safe_remove "$CHROOT"
  mkdir -p "$CHROOT"
  tar -C "$CHROOT" --numeric-owner -xpf "$SNAPSHOT"
  base_is_complete || die "the snapshot $SNAPSHOT is incomplete; delete it and run again"
}

configure_chroot() { # idempotent; done on every run since the host's network settings may change
  # Name resolution as on the host (a fresh machine gets its resolver from DHCP).
  cp --remove-destination -L /etc/resolv.conf "$CHROOT/etc/resolv.conf"
  # The same mirror as the host; sources.list from debootstrap (bookworm only) is replaced.
  rm -f "$CHROOT/etc/apt/sources.list"
  mkdir -p "$CHROOT/etc/apt/sources.list.d"
  cat >"$CHROOT/etc/apt/sources.list.d/debian.sources" <<EOF
Types: deb
URIs: $MIRROR
Suites: $SUITE $SUITE-updates
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg

Types: deb
URIs: $SECURITY_MIRROR
Suites: $SUITE-security
Components: main
Signed-By: /usr/share/keyrings/debian-archive-keyring.gpg
EOF
  # How the host reaches its mirror: proxies, and the date checks a snapshot mirror needs switched off
  # (its Release files are older than their Valid-Until). Copied so apt in the chroot can reach the same
  # mirror; a real machine with the live mirror needs none of it. Nothing else of the host's apt setup is.
  local acquire
  acquire=$(grep -hE '^[[:space:]]*Acquire::(Check-Valid-Until|Check-Date|https?::Proxy|Proxy)' \
    /etc/apt/apt.conf /etc/apt/apt.conf.d/* 2>/dev/null || true)
  if [ -n "$acquire" ]; then
    printf '// copied from the host by scripts/fresh-machine-check.sh\n%s\n' "$acquire" \
      >"$CHROOT/etc/apt/apt.conf.d/99fresh-check-host-acquire"
  else
    rm -f "$CHROOT/etc/apt/apt.conf.d/99fresh-check-host-acquire"
  fi
  # A chroot runs no init: packages must not try to start services (none of ours has one anyway).
  printf '#!/bin/sh\nexit 101\n' >"$CHROOT/usr/sbin/policy-rc.d"
  chmod 755 "$CHROOT/usr/sbin/policy-rc.d"
}

mount_all() {
  mount_into /proc -t proc proc
  mount_into /sys -t sysfs sysfs
  mount_into /dev --bind /dev
  mount_into /dev/pts --bind /dev/pts
  if [ -n "$APT_CACHE" ]; then
    mkdir -p "$APT_CACHE"
    mount_into /var/cache/apt/archives --bind "$APT_CACHE"
  fi
}

# Runs a command line inside the chroot with a clean environment, in the background so that an
# interrupt can stop it (timeout puts it in its own process group). Output goes to $2.
in_chroot() { # <timeout seconds> <log file> <command line>
  local rc=0
  timeout --kill-after=30 "$1" chroot "$CHROOT" /usr/bin/env -i HOME=/root PATH="$CHROOT_PATH" \
    ${EGRESS_CA:+NODE_EXTRA_CA_CERTS=/root/host-egress-ca.pem} \
    bash -c "$3" </dev/null >>"$2" 2>&1 &
  child=$!
  wait "$child" || rc=$?
  child=""
  return "$rc"
}

log_header() { # <log file> <what>
  {
    echo "# $2"
    echo "# commit $commit ($(git -C "$CHROOT/root/spoorboek" log -1 --format=%s))"
    echo "# chroot $CHROOT ($(cat "$CHROOT$BASE_MARKER")), started $(date -u +%FT%TZ)"
  } >"$1"
}

# ---------------------------------------------------------------------------------------------------

step_begin "1. chroot (debootstrap or snapshot)"
unmount_under "$CHROOT"   # leftovers of a killed run
if [ "$keep" -eq 1 ] && base_is_complete; then
  say "reusing $CHROOT as it is (--keep: not a fresh-machine proof)"
elif [ -f "$SNAPSHOT" ]; then
  say "restoring $CHROOT from the pristine snapshot $SNAPSHOT"
  restore_base
else
  bootstrap_base
fi
configure_chroot
step_end

step_begin "2. mounts"
mount_all
if [ -n "$EGRESS_CA" ]; then
  if [ -d "$EGRESS_CA" ]; then cat "$EGRESS_CA"/*.crt; else cat "$EGRESS_CA"; fi \
    >"$CHROOT/root/host-egress-ca.pem" || die "cannot read the egress CA $EGRESS_CA"
  say "npm in the chroot trusts the host's egress CA ($EGRESS_CA)"
fi
step_end

step_begin "3. clone of HEAD"
safe_remove "$CHROOT/root/spoorboek"
git clone --quiet --no-hardlinks "$REPO" "$CHROOT/root/spoorboek" || die "git clone of $REPO failed"
commit=$(git -C "$CHROOT/root/spoorboek" rev-parse HEAD)
say "testing commit $commit ($(git -C "$CHROOT/root/spoorboek" log -1 --format=%s))"
if [ "$commit" != "$(git -C "$REPO" rev-parse HEAD)" ]; then
  say "warning: HEAD of $REPO moved during the clone; testing $commit"
fi
dirty=$(git -C "$REPO" status --porcelain | wc -l)
[ "$dirty" -eq 0 ] || say "note: $dirty uncommitted change(s) in $REPO are not part of this check"
step_end

stamp=$(date -u +%Y%m%d-%H%M%S)
test_log=$LOG_DIR/test-$stamp.log
step_begin "4. ./test.sh in the chroot"
log_header "$test_log" "cd /root/spoorboek && ./test.sh"
ln -sfn "$(basename "$test_log")" "$LOG_DIR/test-latest.log"
say "log: $test_log (follow it with tail -f)"
test_rc=0
in_chroot "$TEST_TIMEOUT" "$test_log" 'cd /root/spoorboek && ./test.sh' || test_rc=$?
step_end
say "tail of $test_log:"
tail -n 40 "$test_log" >&2
say "./test.sh exited with $test_rc$([ "$test_rc" -ne 124 ] || echo " (timed out after ${TEST_TIMEOUT}s)")"

run_rc=0
if [ "$run_too" -eq 1 ]; then
  run_log=$LOG_DIR/run-$stamp.log
  step_begin "5. ./run.sh in the chroot"
  log_header "$run_log" "cd /root/spoorboek && ./run.sh"
  ln -sfn "$(basename "$run_log")" "$LOG_DIR/run-latest.log"
  # run.sh serves until stopped: start it, wait for /healthz, log in as a demo user, read the
  # dashboard, then SIGTERM it and require a clean exit 0. The chroot shares the host's network,
  # so it listens on a port of its own.
  in_chroot "$RUN_TIMEOUT" "$run_log" 'cd /root/spoorboek && export PORT=18480;
    ./run.sh & pid=$!;
    for i in $(seq 1 600); do curl -sf localhost:18480/healthz >/dev/null && break;
      kill -0 $pid 2>/dev/null || exit 1; sleep 1; done;
    curl -sf localhost:18480/healthz || exit 1; echo;
    login="{\"email\":\"casemanager@demo.test\",\"password\":\"demo\"}";
    token=$(curl -sf -X POST -H "Content-Type: application/json" -d "$login" localhost:18480/api/v1/login | sed -e "s/^{\"token\":\"\([^\"]*\)\".*/\1/");
    curl -sf -H "Authorization: Bearer $token" "localhost:18480/api/v1/cases?limit=2"; listed=$?; echo;
    kill -TERM $pid; wait $pid; stopped=$?; echo "listed=$listed stopped=$stopped";
    [ "$listed" -eq 0 ] && [ "$stopped" -eq 0 ]' || run_rc=$?
  step_end
  say "tail of $run_log:"
  tail -n 25 "$run_log" >&2
  say "./run.sh exited with $run_rc$([ "$run_rc" -ne 124 ] || echo " (timed out after ${RUN_TIMEOUT}s)")"
fi

if [ "$test_rc" -ne 0 ]; then
  say "FAILED: ./test.sh on a fresh $SUITE machine (commit $commit)"
  exit "$test_rc"
fi
if [ "$run_rc" -ne 0 ]; then
  say "FAILED: ./run.sh on a fresh $SUITE machine (commit $commit)"
  exit "$run_rc"
fi
say "OK: ./test.sh$([ "$run_too" -eq 0 ] || echo " and ./run.sh") green on a fresh $SUITE machine (commit $commit)"
