#!/usr/bin/env bash
# Adds a migration to both providers' assemblies. Usage: scripts/add-migration.sh NameOfChange
set -euo pipefail
name=${1:?usage: scripts/add-migration.sh NameOfChange}
cd "$(dirname "$0")/.."
command -v dotnet-ef >/dev/null || export PATH="$PATH:$HOME/.dotnet/tools"
command -v dotnet-ef >/dev/null || dotnet tool install --global dotnet-ef
for provider in Postgres Sqlite; do
  project=src/CoCommissioning.Migrations.$provider
  dotnet ef migrations add "$name" --project "$project" --startup-project "$project" --output-dir Migrations
done
