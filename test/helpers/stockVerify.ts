// The verify-package.sh block of docs/package-format.md ("Verifying with stock tools"), run exactly as
// printed there: unzip, sha256sum, jq and openssl dgst -sm3 -verify, none of this app's code.
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { tempDir } from './workspace.js';

/** OpenSSL with SM3 and jq are on this machine. */
export const hasStockTools =
  spawnSync('openssl', ['dgst', '-sm3'], { input: '' }).status === 0 && spawnSync('jq', ['--version']).status === 0;

export function stockScript(): string {
  const doc = readFileSync(path.join(import.meta.dirname, '../../docs/package-format.md'), 'utf8');
  const block = /<!-- verify-package\.sh: begin -->\s*```sh\n([\s\S]*?)```\s*<!-- verify-package\.sh: end -->/.exec(
    doc,
  );
  if (!block) throw new Error('the verify-package.sh block is missing from docs/package-format.md');
  return block[1]!;
}

/** Runs the documented script on `pkg`: its exit status and everything it printed. */
export function stockVerify(pkg: string): { status: number | null; out: string } {
  const script = path.join(tempDir(), 'verify-package.sh');
  writeFileSync(script, stockScript());
  const r = spawnSync('sh', [script, pkg]);
  return { status: r.status, out: r.stdout.toString() + r.stderr.toString() };
}
