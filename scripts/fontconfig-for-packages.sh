#!/usr/bin/env bash
# Writes a fontconfig file that sees only the font files of the given Debian packages (and the system's rendering
# rules from /etc/fonts/conf.d), and prints its path. Chromium honours FONTCONFIG_FILE, so
#   FONTCONFIG_FILE=$(scripts/fontconfig-for-packages.sh fonts-dejavu-core) npm run test:visual
# renders as a machine would that has only those fonts installed, whatever else this machine has.
set -euo pipefail
[ "$#" -gt 0 ] || { echo "usage: $0 <debian font package>..." >&2; exit 2; }
dir=$(mktemp -d "${TMPDIR:-/tmp}/fontconfig.XXXXXX")
mkdir -p "$dir/fonts" "$dir/cache"
dpkg -L "$@" | grep -E '\.(ttf|otf|ttc|pfb|pcf(\.gz)?)$' | while read -r file; do
  ln -sf "$file" "$dir/fonts/$(basename "$file")"
done
cat >"$dir/fonts.conf" <<CONF
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <dir>$dir/fonts</dir>
  <cachedir>$dir/cache</cachedir>
  <include ignore_missing="yes">/etc/fonts/conf.d</include>
</fontconfig>
CONF
echo "$dir/fonts.conf"
