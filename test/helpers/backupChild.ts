// Run in a child process (node --import jiti/register) by test/integration/backup.test.ts: backs up the
// workspace DATA_DIR to OUT_FILE, printing "progress <done> <total>" lines, so that the test can kill -9 it
// half-way through.
import { createBackup } from '../../electron/core/backup/create.js';
import { closeWorkspace, openWorkspace } from '../../electron/core/workspace.js';

const [dataDir, outFile] = process.argv.slice(2);
if (!dataDir || !outFile) throw new Error('usage: backupChild DATA_DIR OUT_FILE');
const w = openWorkspace(dataDir);
let last = { phase: '', bytes: 0 };
await createBackup(w, outFile, {
  onProgress: ({ phase, doneBytes, totalBytes }) => {
    // One line per 4 MB is enough to know where the writer is.
    if (phase === last.phase && doneBytes - last.bytes < 4e6 && doneBytes !== totalBytes) return;
    last = { phase, bytes: doneBytes };
    process.stdout.write(`progress ${phase} ${doneBytes} ${totalBytes}\n`);
  },
});
closeWorkspace(w);
process.stdout.write('done\n');
