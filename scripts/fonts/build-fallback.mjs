// Rebuilds resources/fonts/HanaMin{A,B}-subset.ttf: the HanaMin glyphs that Source Han Sans SC lacks.
// Run once by a maintainer (needs Debian's fonts-hanazono and python3-fonttools); the app only reads the
// result. Usage: node scripts/fonts/build-fallback.mjs /usr/share/fonts/truetype/hanazono
import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import * as fontkit from 'fontkit';

const hanazonoDir = process.argv[2] ?? '/usr/share/fonts/truetype/hanazono';
const primary = fontkit.openSync(path.resolve('node_modules/node-source-han-sans-sc/SourceHanSansSC-Regular.otf'));
const tmp = mkdtempSync(path.join(os.tmpdir(), 'fallback-'));
const covered = (font, cp) => font.hasGlyphForCodePoint(cp);

let earlier = null;
for (const face of ['HanaMinA', 'HanaMinB']) {
  const font = fontkit.openSync(path.join(hanazonoDir, `${face}.ttf`));
  // A code point goes to the first font of the chain that has it: primary, then A, then B.
  const wanted = font.characterSet.filter((cp) => !covered(primary, cp) && !(earlier && covered(earlier, cp)));
  const list = path.join(tmp, `${face}.txt`);
  writeFileSync(list, wanted.map((cp) => 'U+' + cp.toString(16)).join('\n'));
  execFileSync(
    '/usr/bin/python3',
    [
      '-m',
      'fontTools.subset',
      path.join(hanazonoDir, `${face}.ttf`),
      `--unicodes-file=${list}`,
      `--output-file=resources/fonts/${face}-subset.ttf`,
      '--no-hinting',
      '--name-IDs=*',
      '--name-legacy',
    ],
    { stdio: 'inherit' },
  );
  console.log(face, wanted.length, 'code points');
  earlier = font;
}
