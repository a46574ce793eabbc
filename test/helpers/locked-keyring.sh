#!/usr/bin/env bash
# Runs a command in the D-Bus session it is started in (wrap it in dbus-run-session) with a GNOME
# Keyring whose login keyring exists but is locked, and no prompt to unlock it: what a user sees
# when the desktop did not unlock the keychain. Its own folders, so it never meets the test
# session's keyring.
set -euo pipefail
eval "$(printf 'locked-keyring-test' | gnome-keyring-daemon --unlock --components=secrets)"
export GNOME_KEYRING_CONTROL
dbus-send --session --print-reply --dest=org.freedesktop.secrets /org/freedesktop/secrets \
  org.freedesktop.Secret.Service.Lock array:objpath:/org/freedesktop/secrets/collection/login >/dev/null
exec "$@"
