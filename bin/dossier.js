#!/usr/bin/env node
// The `dossier` command. Runs the compiled core (npm run build:node writes dist/).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = new URL('../dist/electron/cli.js', import.meta.url);
if (!existsSync(fileURLToPath(cli))) {
  console.error('dossier: 尚未编译，请先运行 npm run build / Not built yet: run npm run build');
  process.exit(1);
}
const { main } = await import(cli.href);
process.exitCode = await main(process.argv.slice(2));
