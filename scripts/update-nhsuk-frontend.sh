#!/usr/bin/env bash
# Refreshes the vendored NHS.UK frontend (the public site's styles, ADR-0024) from npm.
# Usage: bash scripts/update-nhsuk-frontend.sh [version]   (default: the latest on npm)
# CI never runs this: the compiled files are committed under src/CoCommissioning.Web/wwwroot/lib/nhsuk-frontend/.
# The stylesheet is adjusted so the Content-Security-Policy holds (font-src 'self'): the @font-face rules that load
# Frutiger from assets.nhs.uk are removed (the stack falls back to Arial), and the icons' root-relative /assets/
# addresses point at the vendored copy.
set -euo pipefail

version="${1:-$(npm view nhsuk-frontend version)}"
root="$(cd "$(dirname "$0")/.." && pwd)"
target="$root/src/CoCommissioning.Web/wwwroot/lib/nhsuk-frontend"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

(cd "$work" && npm pack --silent "nhsuk-frontend@$version" >/dev/null && tar xzf nhsuk-frontend-*.tgz)
dist="$work/package/dist/nhsuk"

rm -rf "$target"
mkdir -p "$target/assets/images"
cp "$dist"/assets/images/*.svg "$dist"/assets/images/*.png "$dist"/assets/images/favicon.ico "$target/assets/images/"
node -e '
  const fs = require("fs");
  let css = fs.readFileSync(process.argv[1], "utf8");
  css = css.replace(/@font-face\{[^}]*\}/g, "").replace(/url\(\/assets\//g, "url(/lib/nhsuk-frontend/assets/");
  if (/assets\.nhs\.uk|url\(\/assets\//.test(css)) { console.error("external or unmapped url left in the stylesheet"); process.exit(1); }
  fs.writeFileSync(process.argv[2], css);
' "$dist/nhsuk-frontend.min.css" "$target/nhsuk-frontend.min.css"
echo "$version" > "$target/VERSION"
cat > "$target/LICENSE" <<'LICENCE'
nhsuk-frontend (https://github.com/nhsuk/nhsuk-frontend), from the npm package nhsuk-frontend; see VERSION.

MIT License

Copyright (c) 2019 NHS.UK

Permission is hereby granted, free of charge, to any person obtaining a copy
of this software and associated documentation files (the "Software"), to deal
in the Software without restriction, including without limitation the rights
to use, copy, modify, merge, publish, distribute, sublicense, and/or sell
copies of the Software, and to permit persons to whom the Software is
furnished to do so, subject to the following conditions:

The above copyright notice and this permission notice shall be included in all
copies or substantial portions of the Software.

THE SOFTWARE IS PROVIDED "AS IS", WITHOUT WARRANTY OF ANY KIND, EXPRESS OR
IMPLIED, INCLUDING BUT NOT LIMITED TO THE WARRANTIES OF MERCHANTABILITY,
FITNESS FOR A PARTICULAR PURPOSE AND NONINFRINGEMENT. IN NO EVENT SHALL THE
AUTHORS OR COPYRIGHT HOLDERS BE LIABLE FOR ANY CLAIM, DAMAGES OR OTHER
LIABILITY, WHETHER IN AN ACTION OF CONTRACT, TORT OR OTHERWISE, ARISING FROM,
OUT OF OR IN CONNECTION WITH THE SOFTWARE OR THE USE OR OTHER DEALINGS IN THE
SOFTWARE.
LICENCE
echo "nhsuk-frontend $version vendored into $target"
