#!/usr/bin/env bash
# Makes sure a fresh machine can build and test the hub: a JDK 17+ (the Maven wrapper fetches Maven itself),
# Prometheus with promtool (Debian's prometheus package), Node.js with npm (Debian's nodejs and npm packages) and
# Chromium with its ChromeDriver (Debian's chromium and chromium-driver packages).
# PostgreSQL and Kafka need no install: the hub and its tests start them from Maven artifacts.
set -euo pipefail

java_major() {
  java -version 2>&1 | sed -n 's/.*version "\([0-9]*\).*/\1/p' | head -1
}

# Installs Debian packages, as root only: install_packages WHAT PACKAGE...
install_packages() {
  local what="$1"
  shift
  echo "ensure-prerequisites: installing $what (none found)"
  if [ "$(id -u)" -ne 0 ]; then
    echo "ensure-prerequisites: need root (or sudo) to install $*" >&2
    exit 1
  fi
  apt-get update -qq
  DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "$@"
}

if ! command -v java >/dev/null 2>&1 || [ "$(java_major)" -lt 17 ]; then
  install_packages "a JDK 17" openjdk-17-jdk-headless
fi

# Prometheus and promtool (Debian's package): the alert and recording rules are unit-tested with `promtool test rules`
# (PrometheusRulesTest) and an integration test scrapes a running hub with a real Prometheus (PrometheusAlertIT).
# The package's service is not started: the tests run their own Prometheus on a free port.
if ! command -v promtool >/dev/null 2>&1 || ! command -v prometheus >/dev/null 2>&1; then
  install_packages "Prometheus and promtool" prometheus
fi

# Node.js and npm (Debian's packages): the processes build installs bpmnlint from npm and lints every BPMN model,
# and checks the Modeler element templates against Camunda's schema (docs/promotions.md, "Model checks in the build").
if ! command -v node >/dev/null 2>&1 || ! command -v npm >/dev/null 2>&1; then
  install_packages "Node.js and npm" nodejs npm
fi

# Chromium and ChromeDriver (Debian's packages, /usr/bin/chromium and /usr/bin/chromedriver): OperatorBrowserIT drives
# Tasklist and the hub's Cockpit plugin in headless Chromium through Selenium, which is given these two paths and never
# downloads a browser or driver of its own.
if ! command -v chromium >/dev/null 2>&1 || ! command -v chromedriver >/dev/null 2>&1; then
  install_packages "Chromium and ChromeDriver" chromium chromium-driver
fi

# The embedded PostgreSQL unpacks its binaries under the temp dir and must be able to execute them there.
tmp="${TMPDIR:-/tmp}"
probe="$(mktemp "$tmp/hub-exec-probe.XXXXXX")"
printf '#!/bin/sh\nexit 0\n' > "$probe"
chmod +x "$probe"
if ! "$probe"; then
  echo "ensure-prerequisites: $tmp is mounted noexec; set TMPDIR to an executable folder" >&2
  rm -f "$probe"
  exit 1
fi
rm -f "$probe"
echo "ensure-prerequisites: java $(java_major) ok, $(promtool --version 2>&1 | head -1), node $(node --version), $(chromedriver --version 2>&1 | head -1)"
