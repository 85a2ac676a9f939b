// One timed step of benchBackup (bench.ts) in a fresh process, so that its peak RSS is its own:
//   node benchChild.js backup <dataDir> <file>    |    node benchChild.js restore <file> <newDataDir>
// Prints one JSON line: { ms, maxRssMb }.
import { performance } from 'node:perf_hooks';
import { closeWorkspace, openWorkspace } from '../workspace.js';
import { createBackup } from './create.js';
import { restoreBackup } from './restore.js';

const [mode, from, to] = process.argv.slice(2);
if (!from || !to || (mode !== 'backup' && mode !== 'restore')) {
  throw new Error('usage: benchChild backup DATA_DIR FILE | restore FILE NEW_DATA_DIR');
}
let ms: number;
if (mode === 'backup') {
  const w = openWorkspace(from);
  const t = performance.now();
  await createBackup(w, to);
  ms = performance.now() - t;
  closeWorkspace(w);
} else {
  const t = performance.now();
  await restoreBackup(from, to);
  ms = performance.now() - t;
}
process.stdout.write(`${JSON.stringify({ ms, maxRssMb: process.resourceUsage().maxRSS / 1024 })}\n`);
