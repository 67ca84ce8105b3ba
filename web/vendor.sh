#!/usr/bin/env bash
# Copy the pinned browser libraries into the package's static folder.
# Run after changing package.json (then `npm install --package-lock-only
# --omit-lockfile-registry-resolved` to refresh the lock file) and commit the result:
# the build and CI use the committed files and never need npm.
set -euo pipefail

here="$(cd "$(dirname "$0")" && pwd)"
dest="$here/../src/wirewatch/web/static/vendor"
work="$(mktemp -d)"
trap 'rm -rf "$work"' EXIT

cp "$here/package.json" "$here/package-lock.json" "$work/"
(cd "$work" && npm ci --ignore-scripts --no-audit --no-fund >/dev/null)
mods="$work/node_modules"

rm -rf "$dest"
mkdir -p "$dest/leaflet/images" "$dest/leaflet.markercluster" "$dest/topojson-client" \
         "$dest/world-atlas" "$dest/swagger-ui"
cp "$mods/leaflet/dist/leaflet.js" "$mods/leaflet/dist/leaflet.css" \
   "$mods/leaflet/LICENSE" "$dest/leaflet/"
cp "$mods/leaflet/dist/images/"*.png "$dest/leaflet/images/"
cp "$mods/leaflet.markercluster/dist/leaflet.markercluster.js" \
   "$mods/leaflet.markercluster/dist/MarkerCluster.css" \
   "$mods/leaflet.markercluster/dist/MarkerCluster.Default.css" \
   "$mods/leaflet.markercluster/MIT-LICENCE.txt" "$dest/leaflet.markercluster/"
cp "$mods/topojson-client/dist/topojson-client.min.js" "$mods/topojson-client/LICENSE" \
   "$dest/topojson-client/"
cp "$mods/world-atlas/countries-110m.json" "$mods/world-atlas/LICENSE" "$dest/world-atlas/"
# The API docs page (/docs): the bundle, its stylesheet and their licences only. The
# stylesheet's source-map comment (a line of its own) is dropped: the map is not shipped.
cp "$mods/swagger-ui-dist/swagger-ui-bundle.js" \
   "$mods/swagger-ui-dist/swagger-ui-bundle.js.LICENSE.txt" \
   "$mods/swagger-ui-dist/LICENSE" "$mods/swagger-ui-dist/NOTICE" "$dest/swagger-ui/"
sed '/^\/\*# sourceMappingURL=.*\*\/$/d' "$mods/swagger-ui-dist/swagger-ui.css" \
  > "$dest/swagger-ui/swagger-ui.css"

# A record of what was copied, so a reviewer can check the versions without npm.
node -e '
const lock = require(process.argv[1]);
for (const [path, info] of Object.entries(lock.packages)) {
  if (path) console.log(path.replace("node_modules/", "") + " " + info.version + " " + info.integrity);
}' "$work/package-lock.json" > "$dest/VERSIONS.txt"
echo "vendored into $dest:"
cat "$dest/VERSIONS.txt"
