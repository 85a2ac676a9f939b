// A long-lived child process (node --import jiti/register) for test/integration/one-writer.test.ts: loaded
// once, it waits for lines on stdin so that two of them start racing at the same instant, warm.
//   import DIR FILE  → the real `dossier import-json FILE --data DIR` (cli.ts main, lock included)
//   create DIR       → archive:create through the dispatcher, as the app makes it — without the folder's lock,
//                      so that the race reaches the database and the transaction alone has to keep it one archive
// Each answers one line: "done <exit code | ok | error code>".
import { createInterface } from 'node:readline';
import { main } from '../../electron/cli.js';
import { dispatch } from '../../electron/core/dispatcher.js';
import { closeWorkspace, openWorkspace } from '../../electron/core/workspace.js';

// stdout carries the answers only: what the command says goes to stderr.
console.log = console.error;

for await (const line of createInterface({ input: process.stdin })) {
  const [verb, dir, file] = line.split('\t');
  if (verb === 'import') {
    const code = await main(['import-json', file!, '--data', dir!]);
    process.stdout.write(`done ${code}\n`);
  } else if (verb === 'create') {
    const w = openWorkspace(dir!);
    try {
      const result = await dispatch(w, 'archive:create', {});
      process.stdout.write(`done ${result.ok ? 'ok' : result.error.code}\n`);
    } finally {
      closeWorkspace(w);
    }
  }
}
