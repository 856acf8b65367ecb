// Validates an unpacked Teams app package against Microsoft's official manifest and localization JSON
// schemas, offline: the schemas ship in @microsoft/app-manifest (one folder per manifest version), and
// they are checked as that package's own validator does (ajv draft-04, formats uri/email/regex). The
// package's entry point is not loaded: it needs modules it does not declare and fetches schemas online.
//
//   node validate-teams-package.cjs <Js dir with node_modules> <package dir>
//
// Prints {"schemaVersion": "1.25", "files": {"manifest.json": [errors...], "vi.json": [...], ...}}.
"use strict";
const fs = require("fs");
const path = require("path");
const { createRequire } = require("module");

const [jsDir, packageDir] = process.argv.slice(2);
const requireJs = createRequire(path.join(path.resolve(jsDir), "package.json"));
const Ajv04 = requireJs("ajv-draft-04");
const addFormats = requireJs("ajv-formats");
const schemaRoot = path.join(path.dirname(requireJs.resolve("@microsoft/app-manifest/package.json")), "build", "json-schemas", "teams");

const readJson = (file) => JSON.parse(fs.readFileSync(file, "utf8").replace(/^\uFEFF/, ""));

// The localization schema has patterns that are valid ECMAScript regular expressions only without the
// "u" flag (an unescaped "]"), so those are compiled as plain ECMAScript patterns, as JSON Schema draft-04 defines them.
function validate(schemaFile, document, unicodeRegExp = true) {
  const ajv = new Ajv04({ allErrors: true, strictTypes: false, unicodeRegExp });
  addFormats(ajv, ["uri", "email", "regex"]);
  const check = ajv.compile(readJson(schemaFile));
  return check(document) ? [] : check.errors.map((e) => `${e.instancePath || "/"} ${e.message} ${JSON.stringify(e.params)}`);
}

const manifest = readJson(path.join(packageDir, "manifest.json"));
const version = manifest.manifestVersion;
const schemaDir = path.join(schemaRoot, `v${version}`);
if (!fs.existsSync(schemaDir)) {
  console.error(`@microsoft/app-manifest ships no schema for manifestVersion ${version}`);
  process.exit(2);
}

const files = { "manifest.json": validate(path.join(schemaDir, "MicrosoftTeams.schema.json"), manifest) };
const localization = manifest.localizationInfo || {};
const languageFiles = [localization.defaultLanguageFile, ...(localization.additionalLanguages || []).map((l) => l.file)].filter(Boolean);
for (const file of languageFiles) {
  files[file] = validate(path.join(schemaDir, "MicrosoftTeams.Localization.schema.json"), readJson(path.join(packageDir, file)), false);
}
console.log(JSON.stringify({ schemaVersion: version, files }));
