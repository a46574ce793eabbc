#!/usr/bin/env bash
# Runs a command inside a private D-Bus session with GNOME Keyring unlocked (a throw-away keyring in
# a temporary folder), so keychain tests hit a real Secret Service without touching the user's own.
set -euo pipefail
for cmd in dbus-run-session gnome-keyring-daemon; do
  if ! command -v "$cmd" >/dev/null 2>&1; then
    echo "The keychain tests need a Secret Service: install dbus and gnome-keyring (Debian/Ubuntu: sudo apt-get install dbus gnome-keyring libsecret-tools), or run the tests inside a desktop session." >&2
    exit 1
  fi
done
if [[ "${TETHER_IN_KEYCHAIN_SESSION:-}" != "1" ]]; then
  export TETHER_IN_KEYCHAIN_SESSION=1
  exec dbus-run-session -- "$0" "$@"
fi
keyring_home="$(mktemp -d)"
trap 'rm -rf "$keyring_home"' EXIT
export XDG_DATA_HOME="$keyring_home/data"
mkdir -p "$XDG_DATA_HOME"
# The password only unlocks this temporary keyring; it goes to the daemon on stdin.
eval "$(printf 'tether-test-keyring' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
"$@"
