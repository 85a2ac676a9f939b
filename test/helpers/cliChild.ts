// The `dossier` command in a child process of its own (node --import jiti/register), run from the sources:
// for tests that kill it with SIGKILL half-way (test/integration/leftovers.test.ts) or keep it serving.
import { main } from '../../electron/cli.js';

process.exitCode = await main(process.argv.slice(2));
