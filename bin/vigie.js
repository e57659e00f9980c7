#!/usr/bin/env node
// `vigie` command: runs the bundled CLI, building it first from a fresh checkout.
const fs = require('node:fs');
const path = require('node:path');
const cli = path.join(__dirname, '..', 'dist', 'host', 'cli.js');
if (!fs.existsSync(cli)) {
  require('node:child_process').execFileSync(
    process.execPath,
    [path.join(__dirname, '..', 'scripts', 'build.mjs')],
    {
      cwd: path.join(__dirname, '..'),
      stdio: 'inherit',
    },
  );
}
require(cli);
