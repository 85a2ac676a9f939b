// Declared specialty → committee (notice N-1, 附件1; rules R-8 row "specialty").
import { describe, expect, it } from 'vitest';
import type { CommitteeId } from '../../shared/archive/committees.js';
import { COMMITTEES } from '../../shared/archive/schema.js';
import {
  COMMITTEE_KEYWORDS,
  OUTSIDE_KEYWORDS,
  SPECIALTIES,
  matchSpecialty,
  normalizeSpecialty,
  proposeCommittee,
  searchSpecialties,
} from '../../shared/archive/specialties.js';

describe('normalizeSpecialty (R-8 specialty)', () => {
  it.each([
    ['  高分子材料 ', '高分子材料'],
    ['ＰＶＣ　管材', 'PVC管材'],
    ['热能\u3000与\t动力 工程\n', '热能与动力工程'],
    ['纺织工程（丝绸）', '纺织工程(丝绸)'],
    ['纺织工程', '纺织工程'],
    ['   ', ''],
  ])('%j → %j', (raw, normalized) => expect(normalizeSpecialty(raw)).toBe(normalized));
});

describe('matchSpecialty against the 附件1 scopes (N-1, R-8 specialty)', () => {
  it.each<[string, CommitteeId[]]>([
    ['纺织工程', ['light_textile']],
    ['建筑材料', ['materials']],
    ['  高分子材料 ', ['materials']],
    ['高分子\u3000材料', ['materials']],
    ['热能与动力工程', ['energy']],
    ['电力系统及其自动化', ['energy']],
    ['电气自动化', ['energy']],
    ['石油天然气开采', ['energy']],
    ['核电站运行', ['energy']],
    ['精细化工', ['petrochemical']],
    ['石油化工', ['petrochemical']],
    ['化工机械', ['petrochemical']],
    ['轻化工程', ['light_textile']],
    ['日用化工', ['light_textile']],
    ['食品科学与工程', ['light_textile']],
    ['印染', ['light_textile']],
    ['纺织材料', ['light_textile', 'materials']],
    ['化工材料', ['petrochemical', 'materials']],
    ['石油工程', ['energy', 'petrochemical']],
  ])('%j is in %j', (text, committees) => {
    expect(matchSpecialty(text)).toMatchObject({ kind: 'in', committees });
  });

  it('names the words it matched, longest first where they overlap', () => {
    expect(matchSpecialty('建筑材料')).toEqual({ kind: 'in', committees: ['materials'], matched: ['建筑材料'] });
    expect(matchSpecialty('石油天然气开采')).toEqual({ kind: 'in', committees: ['energy'], matched: ['石油天然气'] });
    expect(matchSpecialty('纺织材料')).toEqual({
      kind: 'in',
      committees: ['light_textile', 'materials'],
      matched: ['纺织', '材料'],
    });
  });

  it.each([
    ['建筑工程', ['建筑']],
    ['自动化', ['自动化']],
    ['计算机科学与技术', ['计算机']],
    ['给排水工程', ['给排水']],
    ['建筑电气', ['建筑电气']],
    ['供热通风与空调工程', ['供热通风', '空调']],
    ['水利水电工程', ['水利水电']],
    ['新能源汽车', ['新能源汽车']],
  ])('R-8: %j is a specialty outside all four committees', (text, matched) => {
    expect(matchSpecialty(text)).toEqual({ kind: 'outside', matched });
  });

  it.each(['量子引力', '企业管理', '核算', 'PVC'])('R-8: %j is unclear (review, not fail)', (text) => {
    expect(matchSpecialty(text)).toEqual({ kind: 'unclear' });
  });

  it.each(['', '   ', '\u3000\u3000'])('%j is empty', (text) => {
    expect(matchSpecialty(text)).toEqual({ kind: 'empty' });
  });
});

describe('proposeCommittee (N-1: exactly one committee)', () => {
  it.each<[string, CommitteeId | null]>([
    ['纺织工程', 'light_textile'],
    ['精细化工', 'petrochemical'],
    ['纺织材料', null],
    ['建筑工程', null],
    ['量子引力', null],
    ['', null],
  ])('%j → %j', (text, committee) => expect(proposeCommittee(text)).toBe(committee));
});

describe('the specialty catalogue (N-1, 附件1)', () => {
  it('has no duplicate names', () => {
    const names = SPECIALTIES.map((s) => s.name);
    expect(new Set(names).size).toBe(names.length);
  });

  it.each(COMMITTEES)('offers a fair list for %s', (id) => {
    expect(SPECIALTIES.filter((s) => s.committee === id).length).toBeGreaterThanOrEqual(15);
  });

  it('every entry is read back as its own committee', () => {
    for (const s of SPECIALTIES) {
      const match = matchSpecialty(s.name);
      expect(match, s.name).toMatchObject({ kind: 'in' });
      if (match.kind === 'in') expect(match.committees, s.name).toContain(s.committee);
    }
  });

  it('every entry has an English name and is already normalised', () => {
    for (const s of SPECIALTIES) {
      expect(s.en.trim(), s.name).not.toBe('');
      expect(normalizeSpecialty(s.name)).toBe(s.name);
    }
  });

  it('no word is both a committee keyword and an outside keyword', () => {
    const committeeWords = new Set(COMMITTEES.flatMap((id) => COMMITTEE_KEYWORDS[id]));
    expect(OUTSIDE_KEYWORDS.filter((w) => committeeWords.has(w))).toEqual([]);
  });
});

describe('searchSpecialties (R-8: a list with free text as a fallback)', () => {
  it('finds entries containing the normalised query, committees in the order of 附件1', () => {
    const found = searchSpecialties(' 材料 ');
    expect(found.map((s) => s.name)).toContain('纺织材料');
    expect(found.map((s) => s.name)).toContain('建筑材料');
    expect(found.every((s) => s.name.includes('材料'))).toBe(true);
    const order = found.map((s) => COMMITTEES.indexOf(s.committee));
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(found.at(-1)?.committee).toBe('light_textile');
  });

  it('an empty query lists the whole catalogue; the limit cuts it', () => {
    expect(searchSpecialties('')).toHaveLength(SPECIALTIES.length);
    expect(searchSpecialties('', 5)).toEqual(SPECIALTIES.slice(0, 5));
    expect(searchSpecialties('工程', 0)).toEqual([]);
  });

  it('nothing matches an unknown word', () => {
    expect(searchSpecialties('量子引力')).toEqual([]);
  });
});
