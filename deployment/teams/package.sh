#!/usr/bin/env bash
# Builds the Teams app package: fills in the bot's Microsoft App ID (and the service's domain) and
# zips manifest.json, the two icons and the two localization files, flat, as Teams requires.
#
#   bash deployment/teams/package.sh <bot-app-id> [<domain>]
#
#   <bot-app-id>  Bot:AppId of the deployed service: the Azure Bot's Microsoft App ID (with the
#                 Bicep template's default identity, its output botAppId). A GUID.
#   <domain>      Host name of the service, e.g. ccapbot-abc123.azurewebsites.net (output webAppHostName),
#                 listed in validDomains. Optional.
#
# Writes deployment/out/ccapbot-teams.zip, or the path in CCAPBOT_TEAMS_ZIP. Needs jq, and zip or python3.
set -euo pipefail

usage() {
  echo "usage: bash deployment/teams/package.sh <bot-app-id> [<domain>]" >&2
  exit 2
}

[ $# -ge 1 ] && [ $# -le 2 ] || usage
app_id=$1
domain=${2:-}

guid='^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$'
if ! [[ $app_id =~ $guid ]] || [[ $app_id == 00000000-0000-0000-0000-000000000000 ]]; then
  echo "error: '$app_id' is not a bot app id: expected the Azure Bot's Microsoft App ID, a GUID like 6f1c2d3e-4b5a-4c6d-8e7f-901a2b3c4d5e" >&2
  exit 2
fi
app_id=$(tr '[:upper:]' '[:lower:]' <<<"$app_id")

# A bare host name: no scheme, port or path (Teams matches validDomains against host names).
host='^([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$'
domain=$(tr '[:upper:]' '[:lower:]' <<<"$domain")
if [ -n "$domain" ] && ! [[ $domain =~ $host ]]; then
  echo "error: '$domain' is not a host name: give the service's domain only, e.g. ccapbot-abc123.azurewebsites.net" >&2
  exit 2
fi

here=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
zip_path=${CCAPBOT_TEAMS_ZIP:-$here/../out/ccapbot-teams.zip}
mkdir -p "$(dirname "$zip_path")"
zip_path="$(cd "$(dirname "$zip_path")" && pwd)/$(basename "$zip_path")"

stage=$(mktemp -d)
trap 'rm -rf "$stage"' EXIT

# Placeholders are replaced wherever they appear; a validDomains entry left empty (no domain) is dropped.
jq --arg id "$app_id" --arg domain "$domain" '
  walk(if type == "string" then gsub("\\{\\{BOT_APP_ID\\}\\}"; $id) | gsub("\\{\\{BOT_DOMAIN\\}\\}"; $domain) else . end)
  | .validDomains |= map(select(. != ""))
' "$here/manifest.json" >"$stage/manifest.json"

if grep -q '{{' "$stage/manifest.json"; then
  echo "error: manifest.json still has a placeholder after filling in: $(grep -o '{{[A-Z_]*}}' "$stage/manifest.json" | sort -u | tr '\n' ' ')" >&2
  exit 1
fi

files=(manifest.json color.png outline.png en.json vi.json)
for f in "${files[@]:1}"; do cp "$here/$f" "$stage/$f"; done

rm -f "$zip_path"
if command -v zip >/dev/null 2>&1; then
  (cd "$stage" && zip -q -X "$zip_path" "${files[@]}")
else
  (cd "$stage" && python3 -m zipfile -c "$zip_path" "${files[@]}")
fi
echo "$zip_path"
