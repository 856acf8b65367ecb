// Puts the official Web Chat bundle (botframework-webchat, pinned by version and integrity) into
// wwwroot/lib. It is not committed: the build runs this when wwwroot/lib/webchat.js is missing.
//   node fetch-webchat.mjs <work folder (obj/…)> <output folder (wwwroot/lib)>
// npm fetches the tarball (through its cache); this script checks the tarball's sha512 against the
// pinned integrity before anything is extracted, and fails the build when they differ.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gunzipSync } from 'node:zlib';

const SPEC = 'botframework-webchat@4.18.1';
const INTEGRITY = 'sha512-7jpEUJ7olT62Xm+8eh7BhhIcXVfU2xD4pZDaeBt8K4XcNy6K/83UGIxE9BFkXmHMZ4hDEVOzs5cre07GWuaXzg==';
const TARBALL = 'botframework-webchat-4.18.1.tgz';
const FILES = ['package/dist/webchat.js', 'package/dist/webchat.js.LICENSE.txt'];

const [workDir, outDir] = process.argv.slice(2).map(p => path.resolve(p));
if (!workDir || !outDir) fail('usage: node fetch-webchat.mjs <work folder> <output folder>');

function fail(message) {
  console.error(`fetch-webchat: error: ${message}`);
  process.exit(1);
}

const sha512 = buffer => 'sha512-' + createHash('sha512').update(buffer).digest('base64');

mkdirSync(workDir, { recursive: true });
const tarballPath = path.join(workDir, TARBALL);
if (!existsSync(tarballPath) || sha512(readFileSync(tarballPath)) !== INTEGRITY) {
  try {
    // npm.cmd on Windows can only be started through a shell.
    execFileSync(process.platform === 'win32' ? 'npm.cmd' : 'npm', ['pack', SPEC, '--pack-destination', workDir, '--silent'], {
      stdio: ['ignore', 'ignore', 'inherit'],
      shell: process.platform === 'win32',
    });
  } catch (e) {
    fail(`npm pack ${SPEC} failed (${e.message}). Node.js/npm and access to the npm registry are needed once.`);
  }
}
if (!existsSync(tarballPath)) fail(`npm pack did not produce ${tarballPath}`);

const tarball = readFileSync(tarballPath);
const actual = sha512(tarball);
if (actual !== INTEGRITY) fail(`${TARBALL} has integrity ${actual}, expected ${INTEGRITY}. Refusing to use it.`);

// A .tgz is a gzip'd tar: 512-byte headers (name at 0, octal size at 124, type at 156, ustar prefix at 345),
// each followed by the file's data padded to 512 bytes.
const tar = gunzipSync(tarball);
const wanted = new Map();
const field = (offset, length) => tar.toString('utf8', offset, offset + length).replace(/\0.*$/s, '');
for (let offset = 0; offset + 512 <= tar.length && tar[offset] !== 0;) {
  const prefix = field(offset + 345, 155);
  const name = (prefix ? prefix + '/' : '') + field(offset, 100);
  const size = parseInt(field(offset + 124, 12).trim() || '0', 8);
  const type = String.fromCharCode(tar[offset + 156] || 48);
  if ((type === '0' || type === '\0') && FILES.includes(name)) wanted.set(name, tar.subarray(offset + 512, offset + 512 + size));
  offset += 512 + Math.ceil(size / 512) * 512;
}

mkdirSync(outDir, { recursive: true });
for (const name of FILES) {
  const data = wanted.get(name);
  if (!data) fail(`${name} is not in ${TARBALL}`);
  const target = path.join(outDir, path.basename(name));
  // Write then rename, so a parallel build never serves half a file.
  writeFileSync(target + '.tmp', data);
  renameSync(target + '.tmp', target);
}
console.log(`fetch-webchat: ${SPEC} (${INTEGRITY.slice(0, 19)}…) → ${path.join(outDir, 'webchat.js')}`);
