#!/bin/bash
# Demo profile only (docker-compose.demo.yml): sets the machine clients' demo secrets from
# auth/demo/client-secrets.json with Keycloak's admin CLI, the way an operator sets real ones.
set -euo pipefail
kcadm=/opt/keycloak/bin/kcadm.sh
"$kcadm" config credentials --server http://keycloak:8080 --realm master \
  --user "$KC_BOOTSTRAP_ADMIN_USERNAME" --password "$KC_BOOTSTRAP_ADMIN_PASSWORD"
# The file is flat JSON: {"client-id": "secret", ...}; read it without jq, which the image lacks.
grep -o '"[^"]*": *"[^"]*"' /demo/client-secrets.json | while IFS= read -r pair; do
  client_id="$(printf '%s' "$pair" | sed -E 's/^"([^"]*)".*/\1/')"
  secret="$(printf '%s' "$pair" | sed -E 's/.*: *"([^"]*)"$/\1/')"
  id="$("$kcadm" get clients -r transport -q clientId="$client_id" --fields id --format csv --noquotes)"
  "$kcadm" update "clients/$id" -r transport -s "secret=$secret"
  echo "demo secret set for $client_id"
done
