// The colour and headline of a batch import follow what its files came to (issue 19, item 10): the
// officer who saw a green "导入完成" over eight refusals believed the batch was in.
import { describe, expect, it } from 'vitest';
import type { UnitImportResult } from '../../shared/unit/schema.js';
import { importOutcome } from '../../renderer/src/unit/importBatch.js';

const result = (status: UnitImportResult['status']): UnitImportResult => ({
  file: `${status}.zcpkg`,
  status,
  applicantId: status === 'refused' ? null : 'a1',
  name: status === 'refused' ? null : '申报人1',
  revision: status === 'refused' ? null : 1,
  reason: status === 'refused' || status === 'held' ? { zh: '原因', en: 'why' } : null,
});

describe('importOutcome', () => {
  it.each([
    ['every file taken in', ['imported', 'replaced', 'imported'], 'success'],
    ['taken in, some already here', ['imported', 'unchanged'], 'success'],
    ['some refused', ['imported', 'refused'], 'warning'],
    ['some refused, the rest already here', ['unchanged', 'refused'], 'warning'],
    ['one held for the officer (a new key)', ['imported', 'held'], 'warning'],
    ['every file refused', ['refused', 'refused', 'refused'], 'error'],
    ['one file, refused', ['refused'], 'error'],
    ['nothing new: every package already here', ['unchanged', 'unchanged'], 'info'],
    ['no file at all', [], 'info'],
  ] as const)('%s: %s', (_, statuses, outcome) => {
    expect(importOutcome(statuses.map(result))).toBe(outcome);
  });
});
