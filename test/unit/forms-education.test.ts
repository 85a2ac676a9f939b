// Educations without a graduation date are under way everywhere (R-1, issue 12): F-3's 何年何校何专业毕业 names
// the highest **completed** education, and F-1 and F-3 print the period as 「…—在读」 alike.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { formatPeriod, IN_PROGRESS } from '../../electron/core/forms/facts.js';
import { graduation, resume } from '../../electron/core/forms/f3.js';
import { ArchiveDocument } from '../../shared/archive/schema.js';

const sample = () => ArchiveDocument.parse(JSON.parse(readFileSync('resources/sample/applicant.json', 'utf8')));

describe('an education under way', () => {
  it('never answers 何年何校何专业毕业: the highest completed one does', () => {
    const a = sample();
    const before = graduation(a, '2020-12-31');
    a.educations.push({
      ...a.educations[1]!,
      id: 'edu-phd',
      level: 'doctorate',
      school: '浙江大学',
      startDate: '2019-09-01',
      graduationDate: '',
    });
    expect(graduation(a, '2020-12-31')).toBe(before);
    expect(before).not.toContain('博士');
  });

  it('prints as 在读 on F-3 as on F-1 (the same formatter)', () => {
    const a = sample();
    a.educations.push({
      ...a.educations[1]!,
      id: 'edu-phd',
      level: 'doctorate',
      startDate: '2019-09-01',
      graduationDate: '',
    });
    expect(resume(a).some((line) => line.startsWith('2019.09.01—在读'))).toBe(true);
    expect(formatPeriod('2019-09-01', '', IN_PROGRESS)).toBe('2019.09.01—在读');
  });
});
