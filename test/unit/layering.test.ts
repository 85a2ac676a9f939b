// The lint rule that keeps the layers of docs/architecture apart must actually fail on a violation.
import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

const eslint = new ESLint({ cwd: process.cwd() });

async function errorsFor(filePath: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath });
  return (result?.messages ?? []).filter((m) => m.severity === 2).map((m) => m.ruleId ?? m.message);
}

describe('layering lint', () => {
  it.each([
    ['shared/archive/x.ts', "import { readFileSync } from 'node:fs';\nexport const x = readFileSync;\n"],
    ['shared/archive/x.ts', "import { x } from '../../electron/core/db.js';\nexport const y = x;\n"],
    ['shared/archive/x.ts', 'export const w = window.location;\n'],
    ['renderer/src/x.ts', "import Database from 'better-sqlite3';\nexport const d = Database;\n"],
    [
      'renderer/src/x.ts',
      "import { openDatabase } from '../../electron/core/db.js';\nexport const o = openDatabase;\n",
    ],
    ['electron/core/x.ts', "import { app } from 'electron';\nexport const a = app;\n"],
  ])('refuses %s importing across layers', async (file, code) => {
    expect(await errorsFor(file, code)).not.toEqual([]);
  });

  it('accepts the allowed directions', async () => {
    expect(
      await errorsFor(
        'renderer/src/x.ts',
        "import { contract } from '../../shared/api/contract.js';\nexport const c = contract;\n",
      ),
    ).toEqual([]);
    expect(await errorsFor('electron/main.ts', "import { app } from 'electron';\nexport const a = app;\n")).toEqual([]);
  });
});
