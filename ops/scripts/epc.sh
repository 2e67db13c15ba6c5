#!/usr/bin/env bash
# Decodes one EPC from a tag's hex, or encodes one from a tag, pure identity or GS1 Digital Link URI, and prints it in
# all its forms as JSON, as GET /api/rfid/epc/{hex} answers it (docs/rfid.md). Exit code 1: invalid EPC (its problem
# is printed), 2: wrong command line.
#   ops/scripts/epc.sh 3074257BF7194E4000001A85
#   ops/scripts/epc.sh urn:epc:id:sgtin:0614141.812345.6789 --filter 3
#   ops/scripts/epc.sh https://id.gs1.org/01/80614141123458/21/6789 --company-prefix-digits 7
# Runs the hub's jar of a built checkout (./mvnw -q -DskipTests package) without starting the hub; builds it first if
# it is missing or older than the codec's sources.
set -euo pipefail
root="$(cd "$(dirname "$0")/../.." && pwd)"
jar="$root/app/target/retail-hub.jar"
if [ ! -f "$jar" ] || [ -n "$(find "$root/rfid-routes/src/main" -newer "$jar" -print -quit)" ]; then
  echo "[epc] building the hub's jar first" >&2
  (cd "$root" && ./mvnw -q -DskipTests -pl app -am package) >&2
fi
# the jar's own main class starts the hub: Spring Boot's PropertiesLauncher starts the EPC command instead
exec java -cp "$jar" -Dloader.main=org.retailhub.rfid.epc.EpcCommand \
  org.springframework.boot.loader.launch.PropertiesLauncher "$@"
