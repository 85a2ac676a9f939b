// `dossier params` on real temp workspaces: every parameter printed (Chinese by default, English with
// --lang en, --json with values, defaults, meta and the log); --set changes one or several values, validated
// together and logged with who, old and new; every bad input refused at once (exit 2, each key named,
// nothing changed); no workspace is never created by it. Generic over PARAM_META: no key's default is assumed.
import { existsSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { getParams, paramLog } from '../../electron/core/rulesService.js';
import { closeWorkspace, openWorkspace } from '../../electron/core/workspace.js';
import { DEFAULT_PARAMS_2020, PARAM_META, type ParamKey } from '../../shared/rules/pack2020/params.js';
import { dossier } from '../helpers/cli.js';
import { tempDir } from '../helpers/workspace.js';

const KEYS = Object.keys(PARAM_META) as ParamKey[];
const WHO = os.userInfo().username;

async function workspace(): Promise<string> {
  const dir = path.join(tempDir(), 'ws');
  expect((await dossier('init', '--data', dir)).code).toBe(0);
  return dir;
}

/** What the workspace stores: the parameters and their change log. */
function stored(dir: string) {
  const w = openWorkspace(dir);
  try {
    return { params: getParams(w.db), log: paramLog(w.db) };
  } finally {
    closeWorkspace(w);
  }
}

/** Three years that are not the default of `key` (a 'years' parameter). */
function otherYears(key: ParamKey): number[] {
  const years = [2011, 2012, 2013];
  expect(years).not.toEqual(DEFAULT_PARAMS_2020[key]);
  return years;
}

/** The first parameter of a kind (the test does not name keys the pack may rename). */
function firstOf(kind: (typeof PARAM_META)[ParamKey]['kind']): ParamKey {
  const key = KEYS.find((k) => PARAM_META[k].kind === kind);
  expect(key, `a parameter of kind ${kind}`).toBeDefined();
  return key!;
}

/** A number parameter with a plain numeric default, and a different value its schema accepts. */
function numberChange(): { key: ParamKey; from: number; to: number } {
  const key = KEYS.find(
    (k) => PARAM_META[k].kind === 'number' && typeof DEFAULT_PARAMS_2020[k] === 'number' && DEFAULT_PARAMS_2020[k] > 1,
  )!;
  const from = DEFAULT_PARAMS_2020[key] as number;
  return { key, from, to: from - 1 };
}

describe('dossier params: printing', () => {
  it('lists every parameter with key, label, value, confidence and source (Chinese by default)', async () => {
    const data = await workspace();
    const result = await dossier('params', '--data', data);
    expect(result.code).toBe(0);
    const lines = result.out.split('\n');
    for (const key of KEYS) {
      const meta = PARAM_META[key];
      const line = lines.find((l) => l.slice(2).startsWith(`${key} `));
      expect(line, key).toBeDefined();
      expect(line).toContain(meta.label.zh);
      expect(line).toContain(meta.source);
      expect(line).toContain({ confirmed: '已确认', inferred: '推断', assumed: '假设' }[meta.confidence]);
      expect(line!.startsWith('*')).toBe(false);
    }
    const years = firstOf('years');
    expect(lines.find((l) => l.slice(2).startsWith(`${years} `))).toContain(
      (DEFAULT_PARAMS_2020[years] as number[]).join(','),
    );
    const bool = firstOf('boolean');
    expect(lines.find((l) => l.slice(2).startsWith(`${bool} `))).toMatch(/= (是|否) /);
    const enumKey = firstOf('enum');
    const option = PARAM_META[enumKey].options!.find((o) => o.value === DEFAULT_PARAMS_2020[enumKey])!;
    expect(lines.find((l) => l.slice(2).startsWith(`${enumKey} `))).toContain(`${option.value}（${option.label.zh}）`);
    expect(result.out).toContain(`共 ${KEYS.length} 项`);
  });

  it('marks the values that differ from the default, with the default; English with --lang en', async () => {
    const data = await workspace();
    const years = firstOf('years');
    await dossier('params', '--data', data, '--set', `${years}=${otherYears(years).join(',')}`);
    const result = await dossier('params', '--data', data, '--lang', 'en');
    expect(result.code).toBe(0);
    const line = result.out.split('\n').find((l) => l.slice(2).startsWith(`${years} `))!;
    expect(line.startsWith('*')).toBe(true);
    expect(line).toContain(PARAM_META[years].label.en);
    expect(line).toContain('= 2011,2012,2013');
    expect(line).toContain(`default ${(DEFAULT_PARAMS_2020[years] as number[]).join(',')}`);
    const bool = firstOf('boolean');
    expect(result.out.split('\n').find((l) => l.slice(2).startsWith(`${bool} `))).toMatch(/= (true|false) /);
    expect(result.out.split('\n').filter((l) => l.startsWith('*'))).toHaveLength(1);
    expect(result.out).toContain('1 marked * differ from the default');
  });

  it('--json: params, defaults, meta (kind, label, source, confidence) and the log', async () => {
    const data = await workspace();
    const result = await dossier('params', '--data', data, '--json');
    expect(result.code).toBe(0);
    const body = JSON.parse(result.out);
    expect(Object.keys(body)).toEqual(['params', 'defaults', 'meta', 'log']);
    expect(body.params).toEqual(DEFAULT_PARAMS_2020);
    expect(body.defaults).toEqual(DEFAULT_PARAMS_2020);
    expect(Object.keys(body.meta)).toEqual(KEYS);
    for (const key of KEYS) {
      const { kind, label, source, confidence } = PARAM_META[key];
      expect(body.meta[key]).toMatchObject({ kind, label, source, confidence });
    }
    expect(body.log).toEqual([]);
  });

  it('a missing workspace: a clear message, exit 2, and no workspace created', async () => {
    const nowhere = path.join(tempDir(), 'nowhere');
    const text = await dossier('params', '--data', nowhere);
    expect(text.code).toBe(2);
    expect(text.err).toContain('没有工作区');
    expect(text.err).toContain(nowhere);
    const json = await dossier('params', '--data', nowhere, '--json', '--set', 'x=1');
    expect(json.code).toBe(2);
    expect(JSON.parse(json.out)).toMatchObject({ ok: false, error: { code: 'no_workspace' } });
    expect(existsSync(nowhere)).toBe(false);
  });
});

describe('dossier params --set', () => {
  it('sets a list of years (spaces, full-width digits and commas allowed) and logs it with old and new', async () => {
    const data = await workspace();
    const years = firstOf('years');
    const before = DEFAULT_PARAMS_2020[years] as number[];
    const result = await dossier('params', '--data', data, '--set', `${years}=２０１１，2012, 2013`);
    expect(result.code).toBe(0);
    expect(result.out).toContain(`${years}（${PARAM_META[years].label.zh}）：${before.join(',')} → 2011,2012,2013`);
    const after = stored(data);
    expect(after.params[years]).toEqual(otherYears(years));
    expect(after.log).toEqual([{ at: expect.any(String), who: WHO, key: years, old: before, new: [2011, 2012, 2013] }]);

    const json = JSON.parse((await dossier('params', '--data', data, '--json')).out);
    expect(json.params[years]).toEqual([2011, 2012, 2013]);
    expect(json.defaults[years]).toEqual(before);
    expect(json.log).toEqual(after.log);
  });

  it('sets several at once (one log entry each); the same value again changes nothing', async () => {
    const data = await workspace();
    const years = firstOf('years');
    const number = numberChange();
    const bool = firstOf('boolean');
    const enumKey = firstOf('enum');
    const otherOption = PARAM_META[enumKey].options!.find((o) => o.value !== DEFAULT_PARAMS_2020[enumKey])!.value;
    const flipped = !DEFAULT_PARAMS_2020[bool];
    const set = [
      `${years}=2011,2012,2013`,
      `${number.key}=${number.to}`,
      `${bool}=${flipped ? '是' : '否'}`,
      `${enumKey}=${otherOption}`,
    ];
    const result = await dossier('params', '--data', data, ...set.flatMap((s) => ['--set', s]), '--lang', 'en');
    expect(result.code).toBe(0);
    expect(result.out).toContain('Changed 4 parameter(s)');
    expect(result.out).toContain(`${number.key} (${PARAM_META[number.key].label.en}): ${number.from} → ${number.to}`);
    expect(result.out).toContain(`${bool} (${PARAM_META[bool].label.en}): ${!flipped} → ${flipped}`);
    const { params, log } = stored(data);
    expect(params).toEqual({
      ...DEFAULT_PARAMS_2020,
      [years]: [2011, 2012, 2013],
      [number.key]: number.to,
      [bool]: flipped,
      [enumKey]: otherOption,
    });
    expect(log.map((e) => [e.key, e.old, e.new])).toEqual(
      expect.arrayContaining([
        [years, DEFAULT_PARAMS_2020[years], [2011, 2012, 2013]],
        [number.key, number.from, number.to],
        [bool, !flipped, flipped],
        [enumKey, DEFAULT_PARAMS_2020[enumKey], otherOption],
      ]),
    );
    expect(log).toHaveLength(4);
    expect(new Set(log.map((e) => e.who))).toEqual(new Set([WHO]));

    const again = await dossier('params', '--data', data, '--set', `${number.key}=${number.to}`);
    expect(again.code).toBe(0);
    expect(again.out).toContain('未作修改');
    expect(stored(data).log).toHaveLength(4);
  });

  describe('bad input: exit 2, the key named, nothing changed', () => {
    const years = () => firstOf('years');
    const cases: [string, () => string[], RegExp | string][] = [
      ['an unknown key', () => ['noSuchParameter=1'], 'noSuchParameter'],
      ['a number that is not one', () => [`${numberChange().key}=abc`], "'abc'"],
      ['an empty list', () => [`${years()}=`], 'empty'],
      ['a year twice', () => [`${years()}=2018,2019,2018`], 'twice'],
      ['a year the schema bounds refuse', () => [`${years()}=1800,2019`], '1800'],
      ['a boolean that is not one', () => [`${firstOf('boolean')}=maybe`], "'maybe'"],
      ['a date that is not one', () => [`${firstOf('date')}=2020/01/01`], "'2020/01/01'"],
      ['a date that does not exist', () => [`${firstOf('date')}=2020-02-30`], '2020-02-30'],
      ['an enum value that is not an option', () => [`${firstOf('enum')}=sideways`], "'sideways'"],
      ['a cross-field check (ageMin above ageMax)', () => ['ageMin=70', 'ageMax=60'], 'ageMin'],
    ];
    for (const [what, args, detail] of cases) {
      it(what, async () => {
        const data = await workspace();
        await dossier('params', '--data', data, '--set', `${numberChange().key}=${numberChange().to}`);
        const before = stored(data);
        const set = args();
        const result = await dossier('params', '--data', data, ...set.flatMap((s) => ['--set', s]), '--lang', 'en');
        expect(result.code).toBe(2);
        expect(result.err).toContain('nothing was changed');
        expect(result.err).toContain(set[0]!.split('=')[0]);
        expect(result.err).toContain(detail);
        expect(stored(data)).toEqual(before);
      });
    }

    it('every problem at once, Chinese by default, the good values in the same call not saved either', async () => {
      const data = await workspace();
      const before = stored(data);
      const number = numberChange();
      const y = years();
      const result = await dossier(
        'params',
        '--data',
        data,
        '--set',
        `${number.key}=${number.to}`,
        '--set',
        'noSuchParameter=1',
        '--set',
        `${firstOf('date')}=2020/01/01`,
        '--set',
        `${y}=`,
        '--set',
        `${firstOf('boolean')}=maybe`,
      );
      expect(result.code).toBe(2);
      const lines = result.err.split('\n');
      expect(lines[0]).toBe('参数无效，未作修改：');
      expect(lines).toHaveLength(5);
      expect(result.err).toContain('noSuchParameter');
      expect(result.err).toContain(
        `${firstOf('date')}（${PARAM_META[firstOf('date')].label.zh}）：“2020/01/01” 不是日期`,
      );
      expect(result.err).toContain(`${y}（${PARAM_META[y].label.zh}）：年份列表为空`);
      expect(result.err).toContain('“maybe”');
      expect(stored(data)).toEqual(before);
    });

    it('--json: { ok: false, error } with one issue per problem, path = the key', async () => {
      const data = await workspace();
      const y = years();
      const result = await dossier('params', '--data', data, '--json', '--set', `${y}=2018,2018`, '--set', 'nope=1');
      expect(result.code).toBe(2);
      const body = JSON.parse(result.out);
      expect(body).toMatchObject({ ok: false, error: { code: 'invalid_params' } });
      expect(body.error.issues.map((i: { path: string }) => i.path)).toEqual([y, 'nope']);
      expect(body.error.issues[0].message.zh).toContain(PARAM_META[y].label.zh);
      expect(stored(data).log).toEqual([]);
    });
  });
});
