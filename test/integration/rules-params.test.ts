// rules:getParams / rules:setParams / rules:paramLog through the dispatcher (the path IPC and HTTP take):
// values validated by zod, stored in the setting table, every change logged with who/when/old/new.
import { describe, expect, it } from 'vitest';
import { dispatch } from '../../electron/core/dispatcher.js';
import { getParams } from '../../electron/core/rulesService.js';
import { DEFAULT_PARAMS_2020 } from '../../shared/rules/pack2020/index.js';
import { tempWorkspace } from '../helpers/workspace.js';

describe('rule-pack parameters', () => {
  it('starts at the defaults, with the pack id, version and hash', async () => {
    const w = tempWorkspace();
    const result = await dispatch(w, 'rules:getParams', {});
    expect(result).toMatchObject({
      ok: true,
      value: { packId: 'zj-senior-engineer-2020', params: DEFAULT_PARAMS_2020, defaults: DEFAULT_PARAMS_2020 },
    });
  });

  it('changes values, keeps them, and logs each change with who, when, old and new', async () => {
    const w = tempWorkspace();
    const set = await dispatch(w, 'rules:setParams', {
      params: { ceOnlineCap: 40, publicityStart: '2020-09-28' },
      who: '人事专员',
    });
    expect(set.ok).toBe(true);
    expect(getParams(w.db).ceOnlineCap).toBe(40);
    await dispatch(w, 'rules:setParams', { params: { ceOnlineCap: 40 } }); // no change, no log entry
    await dispatch(w, 'rules:setParams', { params: { ceOnlineCap: 36 }, who: 'x' });
    const log = await dispatch(w, 'rules:paramLog', {});
    expect(log).toMatchObject({
      ok: true,
      value: {
        entries: [
          { who: '人事专员', key: 'ceOnlineCap', old: 36, new: 40 },
          { who: '人事专员', key: 'publicityStart', old: '', new: '2020-09-28' },
          { who: 'x', key: 'ceOnlineCap', old: 40, new: 36 },
        ],
      },
    });
    const entries = (log as { value: { entries: { at: string }[] } }).value.entries;
    expect(entries.every((e) => !Number.isNaN(Date.parse(e.at)))).toBe(true);
  });

  it('refuses bad values, unknown keys and inconsistent sets, changing nothing', async () => {
    const w = tempWorkspace();
    for (const params of [
      { ceOnlineCap: -1 },
      { asOfDate: '2020-02-30' },
      { nope: 1 },
      { deadline: '2021-06-01' }, // after the as-of date
      { publicityStart: '2020-10-10', publicityEnd: '2020-10-01' },
    ]) {
      const result = await dispatch(w, 'rules:setParams', { params });
      expect(result.ok, JSON.stringify(params)).toBe(false);
    }
    expect(getParams(w.db)).toEqual(DEFAULT_PARAMS_2020);
    expect(await dispatch(w, 'rules:paramLog', {})).toMatchObject({ ok: true, value: { entries: [] } });
  });
});
