#!/usr/bin/env bash
# DEV-ONLY: starts the real Keycloak (dev mode, its own H2 database) with the retail-hub realm export imported, on
# http://localhost:${KEYCLOAK_PORT:-8180}. Maven fetches and caches the distribution zip; nothing else is needed.
# Then: java -Dloader.path=app/embedded-kit/target/kit -jar app/target/retail-hub.jar --dev --hub.security.mode=keycloak   (docs/security.md)
set -euo pipefail
cd "$(dirname "$0")/../.."
version=$(sed -n 's:.*<keycloak.version>\(.*\)</keycloak.version>.*:\1:p' pom.xml)
port=${KEYCLOAK_PORT:-8180}
dist=.hub-data/keycloak
./mvnw -q dependency:copy -Dartifact="org.keycloak:keycloak-quarkus-dist:${version}:zip" -DoutputDirectory="$dist"
[ -d "$dist/keycloak-$version" ] || unzip -q "$dist/keycloak-quarkus-dist-$version.zip" -d "$dist"
home="$dist/keycloak-$version"
# a fresh dev database, so the realm is imported as the export says now
rm -rf "$home/data" && mkdir -p "$home/data/import"
cp security/src/main/resources/keycloak/retail-hub-realm.json "$home/data/import/"
export KC_BOOTSTRAP_ADMIN_USERNAME=${KC_BOOTSTRAP_ADMIN_USERNAME:-admin} KC_BOOTSTRAP_ADMIN_PASSWORD=${KC_BOOTSTRAP_ADMIN_PASSWORD:-admin-dev-only}
exec "$home/bin/kc.sh" start-dev --http-port="$port" --import-realm
