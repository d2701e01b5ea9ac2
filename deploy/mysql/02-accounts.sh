#!/bin/bash
# Run by the mysql image on first start: one account per subgraph, privileges on its own schema only.
set -euo pipefail
for subgraph in licensing enforcement credit safety statistics; do
  variable="$(echo "$subgraph" | tr '[:lower:]' '[:upper:]')_DB_PASSWORD"
  password="${!variable:?$variable must be set}"
  mysql -uroot -p"$MYSQL_ROOT_PASSWORD" <<SQL
CREATE USER IF NOT EXISTS '$subgraph'@'%' IDENTIFIED BY '$password';
GRANT SELECT, INSERT, UPDATE, DELETE, CREATE, ALTER, INDEX, DROP, REFERENCES ON \`$subgraph\`.* TO '$subgraph'@'%';
SQL
done
# The gateway's account may add and prune audit records but never change one (no UPDATE).
password="${GATEWAY_DB_PASSWORD:?GATEWAY_DB_PASSWORD must be set}"
mysql -uroot -p"$MYSQL_ROOT_PASSWORD" <<SQL
CREATE USER IF NOT EXISTS 'gateway'@'%' IDENTIFIED BY '$password';
GRANT SELECT, INSERT, DELETE, CREATE, ALTER, INDEX, DROP, REFERENCES ON \`gateway\`.* TO 'gateway'@'%';
SQL
# Keycloak manages its own schema (Liquibase migrations at start): all privileges there, none elsewhere.
password="${KEYCLOAK_DB_PASSWORD:?KEYCLOAK_DB_PASSWORD must be set}"
mysql -uroot -p"$MYSQL_ROOT_PASSWORD" <<SQL
CREATE USER IF NOT EXISTS 'keycloak'@'%' IDENTIFIED BY '$password';
GRANT ALL PRIVILEGES ON \`keycloak\`.* TO 'keycloak'@'%';
SQL
