// The unit's type against its applicants' archives (shared/unit/unitType.ts, issue 19 item 10): who is
// named, grouped by what their archives say, a long list cut short, nothing said when all agree.
import { describe, expect, it } from 'vitest';
import { unitTypeConflict, type ArchiveUnitType } from '../../shared/unit/unitType.js';

const person = (n: number, type: ArchiveUnitType['type'], name = `申报人${n}`): ArchiveUnitType => ({
  applicantId: `a${n}`,
  name,
  type,
});

describe('unitTypeConflict', () => {
  it('says nothing when every archive agrees, when there are none, or when the unit has no type yet', () => {
    expect(unitTypeConflict('enterprise', [person(1, 'enterprise'), person(2, 'enterprise')])).toBeNull();
    expect(unitTypeConflict('public_institution', [])).toBeNull();
    expect(unitTypeConflict('', [person(1, 'enterprise')])).toBeNull();
  });

  it('names those who differ, grouped by what their archives say, at unit.type', () => {
    const c = unitTypeConflict('enterprise', [
      person(1, 'enterprise'),
      person(2, 'public_institution'),
      person(3, 'other'),
      person(4, 'public_institution', '  '),
    ])!;
    expect(c.path).toBe('unit.type');
    // A blank name falls back to the applicant's id, so nobody goes unnamed.
    expect(c.message.zh).toContain('而 3 位申报人的档案中是“事业单位”（申报人2、a4）、“其他”（申报人3）');
    expect(c.message.en).toContain(`3 applicants' archives say "Public institution" (申报人2, a4), "Other" (申报人3)`);
    expect(c.message.zh).not.toContain('申报人1');
  });

  it('lists ten names, then how many more', () => {
    const many = Array.from({ length: 13 }, (_, i) => person(i + 1, 'public_institution'));
    const c = unitTypeConflict('enterprise', many)!;
    expect(c.message.zh).toContain('13 位申报人');
    expect(c.message.zh).toContain('申报人10 等，另 3 人）');
    expect(c.message.zh).not.toContain('申报人11');
    expect(c.message.en).toContain('申报人10 and 3 more)');
  });
});
