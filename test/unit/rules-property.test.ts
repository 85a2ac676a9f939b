// Property: on any archive the schema accepts, with or without links and under any valid parameters,
// the engine never throws, returns well-formed findings, and is deterministic.
import { describe, expect, it } from 'vitest';
import { ArchiveDocument } from '../../shared/archive/schema.js';
import { PAPER_PAGE_TAGS } from '../../shared/attachments/slots.js';
import { runPack } from '../../shared/rules/engine.js';
import { DEFAULT_PARAMS_2020, PACK_2020, Params2020 } from '../../shared/rules/pack2020/index.js';
import { STATUSES, type RuleLink } from '../../shared/rules/types.js';
import { randomArchive, rng } from '../helpers/randomArchive.js';

const SLOTS = [
  'M-3/publicity',
  'M-5/pension/2019',
  'M-7/ce/2020',
  'M-11/f3',
  'M-12/f4',
  'M-4/main-contributor',
  ...PAPER_PAGE_TAGS.map((t) => `M-10/paper/${t}`),
];

function randomLinks(seed: number, archive: ArchiveDocument): RuleLink[] | null {
  const r = rng(seed * 7 + 1);
  if (r() < 0.2) return null;
  const ids = [null, ...archive.works.map((w) => w.id), ...archive.educations.map((e) => e.id)];
  return Array.from({ length: Math.floor(r() * 12) }, (_, i) => ({
    attachmentId: `a${i}`,
    slot: r() < 0.1 ? null : SLOTS[Math.floor(r() * SLOTS.length)]!,
    recordId: ids[Math.floor(r() * ids.length)] ?? null,
  }));
}

function randomParams(seed: number): Params2020 {
  const r = rng(seed * 13 + 5);
  const midYear = r() < 0.2;
  return Params2020.parse({
    ...DEFAULT_PARAMS_2020,
    ...(midYear ? { asOfDate: '2020-06-30', deadline: '2020-06-01' } : {}),
    countingConvention: r() < 0.5 ? 'anniversary' : 'calendarYear',
    seniorityStart: r() < 0.5 ? 'qualification' : 'appointment',
    juniorCollegeRoute: r() < 0.5,
    publicityStart: r() < 0.5 ? '' : '2020-09-28',
    publicityEnd: r() < 0.5 ? '' : '2021-11-30',
    ceYears: r() < 0.5 ? [2018, 2019, 2020] : [2020],
  });
}

describe('engine properties', () => {
  it('never throws and is deterministic on 500 random archives the schema accepts', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const archive = ArchiveDocument.parse(randomArchive(seed));
      const links = randomLinks(seed, archive);
      const params = randomParams(seed);
      const today = seed % 2 ? '2020-09-01' : '2021-03-01';
      const input = { archive, links, params, today };
      const first = runPack(PACK_2020, input);
      const again = runPack(PACK_2020, structuredClone(input));
      expect(JSON.stringify(again)).toBe(JSON.stringify(first));
      // No rule broke (a broken rule would report "failed to run").
      expect(first.findings.filter((f) => f.message.en.includes('failed to run'))).toEqual([]);
      const ids = first.findings.map((f) => f.id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const f of first.findings) {
        expect(STATUSES).toContain(f.status);
        expect(f.status === 'fail' && f.confidence === 'assumed').toBe(false);
        // English sentences start with a capital (issue 15: "the 2017 assessment record…" did not).
        expect(f.message.en, f.id).toMatch(/^[^a-z]/);
      }
      for (const rule of PACK_2020.rules)
        expect(ids.some((id) => id === rule.id || id.startsWith(`${rule.id}#`))).toBe(true);
    }
  });

  it('reports a rule that throws as review, and still runs the others', () => {
    const broken = {
      ...PACK_2020,
      rules: [
        {
          ...PACK_2020.rules[0]!,
          check: () => {
            throw new Error('boom');
          },
        },
        PACK_2020.rules[1]!,
      ],
    };
    const report = runPack(broken, { archive: randomArchive(1), links: [], today: '2020-09-01' });
    expect(report.findings[0]).toMatchObject({ status: 'review' });
    expect(report.findings).toHaveLength(2);
  });
});
