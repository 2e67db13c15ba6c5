#!/usr/bin/env bash
# Decodes one EPC from a tag's hex, or encodes one from a tag, pure identity or GS1 Digital Link URI, and prints it in
# all its forms as JSON, as GET /api/rfid/epc/{hex} answers it (docs/rfid.md). Runs the hub's jar without starting the
# hub; build it first with ./mvnw -q -DskipTests package. Exit code 1: invalid EPC (its problem is printed), 2: usage.
#   ops/scripts/epc.sh 3074257BF7194E4000001A85
#   ops/scripts/epc.sh urn:epc:id:sgtin:0614141.812345.6789 --filter 3
#   ops/scripts/epc.sh https://id.gs1.org/01/80614141123458/21/6789 --company-prefix-digits 7
set -euo pipefail
jar="$(cd "$(dirname "$0")/../.." && pwd)/app/target/retail-hub.jar"
if [ ! -f "$jar" ]; then
  echo "epc.sh: $jar is missing; build it first: ./mvnw -q -DskipTests package" >&2
  exit 2
fi
# the jar's own launcher puts its nested libraries on the class path and runs the EPC command instead of the hub
exec "${JAVA_HOME:+$JAVA_HOME/bin/}java" -cp "$jar" -Dloader.main=org.retailhub.rfid.epc.EpcCommand \
  org.springframework.boot.loader.launch.PropertiesLauncher "$@"
