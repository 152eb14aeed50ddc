#!/usr/bin/env bash
# Makes every size of the app icon from resources/icon.svg: the window's and the Linux
# packages' PNGs (resources/icons/NxN.png, as electron-builder reads a folder), the 1024 px
# PNG electron-builder turns into the macOS .icns, the Windows .ico, and the favicon that
# browser mode serves. Needs rsvg-convert (librsvg2-bin) and icotool (icoutils); the
# results are committed, so neither building nor CI runs this.
set -euo pipefail
cd "$(dirname "$0")/.."
src=resources/icon.svg
mkdir -p resources/icons src/renderer/public
for size in 16 24 32 48 64 128 256 512 1024; do
  rsvg-convert -w "$size" -h "$size" "$src" -o "resources/icons/${size}x${size}.png"
done
cp resources/icons/1024x1024.png resources/icon.png
# 256 px goes in as PNG (-r), as Windows reads it; the rest as bitmaps.
icotool -c -o resources/icon.ico resources/icons/{16x16,24x24,32x32,48x48,64x64}.png -r resources/icons/256x256.png
cp "$src" src/renderer/public/favicon.svg
icotool -c -o src/renderer/public/favicon.ico resources/icons/{16x16,32x32,48x48}.png
