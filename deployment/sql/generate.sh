#!/usr/bin/env bash
# Regenerates deployment/sql/ccapbot.sql, the idempotent production script, from the SQL Server migration set.
# Run it after adding a migration; CcapBot.Tests/Persistence/MigrationTests fails while the committed script lags.
set -euo pipefail
cd "$(dirname "$0")/../.."
dotnet tool restore >/dev/null
dotnet ef migrations script --idempotent --project CcapBot --context SqlServerCcapDbContext --output deployment/sql/ccapbot.sql
