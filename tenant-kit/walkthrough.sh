#!/usr/bin/env bash
# Runs, in order, every command of docs/policy-developer-guide.md section 1 ("A new Kommune, from
# an empty folder to deciding"), so that the guide cannot rot. GuideWalkthroughIT runs it against a
# started distribution; run it by hand the same way:
#
#   LENKWERK=http://127.0.0.1:8181 LENKWERK_ADMIN_PASSWORD=... GA_PASSWORD=... \
#   LENKWERK_HOME=/srv/lenkwerk LENKWERK_SSH_PORT=8101 CONSOLE_USER=op CONSOLE_PASSWORD=... \
#   tenant-kit/walkthrough.sh /tmp/kommunen
#
# LENKWERK_MAVEN_ARGS is added to every mvn call (the test passes its isolated local repository
# and offline settings); the guide's lines are written without it.
set -euo pipefail
work="${1:?Ordner, in dem die Projekte der Kommune entstehen}"
: "${LENKWERK:?}" "${LENKWERK_ADMIN_PASSWORD:?}" "${GA_PASSWORD:?}" "${LENKWERK_HOME:?}"
: "${LENKWERK_SSH_PORT:?}" "${CONSOLE_USER:?}" "${CONSOLE_PASSWORD:?}"
# shellcheck disable=SC2086
mvn() { command mvn ${LENKWERK_MAVEN_ARGS:-} "$@"; }
client() { "$LENKWERK_HOME/bin/client" -h 127.0.0.1 -r 10 -d 2 "$@"; }
step() { printf '\n== %s\n' "$*"; }

mkdir -p "$work" && cd "$work"

step "1.1 the tenant bundle from the archetype"
mkdir kreis-borken && cd kreis-borken
mvn -B org.apache.maven.plugins:maven-archetype-plugin:3.2.1:generate -DinteractiveMode=false \
  -DarchetypeGroupId=de.lenkwerk -DarchetypeArtifactId=lenkwerk-tenant-archetype -DarchetypeVersion=0.1.0-SNAPSHOT \
  -DgroupId=de.kreis-borken.lenkwerk -DartifactId=kreis-borken-tenant -Dversion=1.0.0-SNAPSHOT \
  -Dpackage=de.kreisborken.lenkwerk -Dtenant=kreis-borken
cd kreis-borken-tenant

step "1.2 the document (here: as generated) and 1.3 its tests"
mvn -B verify

step "1.4 first deploy: the tenant, its admin, the upload, the check"
curl -sSf -u "admin:$LENKWERK_ADMIN_PASSWORD" -H 'Content-Type: application/json' \
  -d '{"id":"kreis-borken","name":"Kreis Borken"}' "$LENKWERK/api/v1/tenants"
curl -sSf -u "admin:$LENKWERK_ADMIN_PASSWORD" -H 'Content-Type: application/json' \
  -d '{"username":"ga-borken","password":"'"$GA_PASSWORD"'","tenant":"kreis-borken","roles":["tenant-admin"]}' \
  "$LENKWERK/api/v1/users"
curl -sSf -u "ga-borken:$GA_PASSWORD" -T target/kreis-borken-tenant-1.0.0-SNAPSHOT.jar \
  -H 'Content-Type: application/java-archive' "$LENKWERK/api/v1/tenants/kreis-borken/bundle"
curl -sSf -u "ga-borken:$GA_PASSWORD" "$LENKWERK/api/v1/tenants/kreis-borken/rules"

step "1.5 a policy bundle, installed by the operator"
cd ../.. && mvn -B org.apache.maven.plugins:maven-archetype-plugin:3.2.1:generate -DinteractiveMode=false \
  -DarchetypeGroupId=de.lenkwerk -DarchetypeArtifactId=lenkwerk-policy-archetype -DarchetypeVersion=0.1.0-SNAPSHOT \
  -DgroupId=de.kreis-borken.lenkwerk -DartifactId=kreis-borken-policy -Dversion=1.0.0-SNAPSHOT \
  -Dpackage=de.kreisborken.lenkwerk.policy -Dtenant=kreis-borken
cd kreis-borken-policy && mvn -B verify
client -a "$LENKWERK_SSH_PORT" -u "$CONSOLE_USER" -p "$CONSOLE_PASSWORD" \
  "bundle:install -s file:$PWD/target/kreis-borken-policy-1.0.0-SNAPSHOT.jar"
echo 'lenkwerk:rules kreis-borken' | client -a "$LENKWERK_SSH_PORT" -u "$CONSOLE_USER" -p "$CONSOLE_PASSWORD" -b
curl -sSf -u "ga-borken:$GA_PASSWORD" "$LENKWERK/api/v1/tenants/kreis-borken/rules"
