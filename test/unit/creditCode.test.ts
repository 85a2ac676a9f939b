// Unified social credit code, GB 32100-2015.
import { describe, expect, it } from 'vitest';
import { checkCreditCode, creditCodeCheckCharacter } from '../../shared/checks/creditCode.js';

const CHARSET = '0123456789ABCDEFGHJKLMNPQRTUWXY';

describe('checkCreditCode (GB 32100-2015)', () => {
  it('91350100M000100Y43 is valid, and the check character agrees with a hand computation', () => {
    expect(checkCreditCode('91350100M000100Y43')).toEqual({ ok: true, value: '91350100M000100Y43' });
    // Values in the code set: M = 21, Y = 30. Products cᵢ·Wᵢ for 9 1 3 5 0 1 0 0 M 0 0 0 1 0 0 Y 4:
    const products = [9 * 1, 1 * 3, 3 * 9, 5 * 27, 0, 1 * 26, 0, 0, 21 * 20, 0, 0, 0, 1 * 8, 0, 0, 30 * 30, 4 * 28];
    const sum = products.reduce((a, b) => a + b, 0);
    expect(sum).toBe(1640);
    expect(sum % 31).toBe(28);
    expect(31 - 28).toBe(3); // the 18th character
    expect(creditCodeCheckCharacter('91350100M000100Y4')).toBe('3');
  });

  // Codes published on the National Enterprise Credit Information Publicity System (华为技术有限公司,
  // 深圳市腾讯计算机系统有限公司, 阿里巴巴（中国）有限公司). Each also passes the independent GB 11714
  // check of the organisation code embedded in characters 9–17, so they are not merely self-consistent.
  it.each(['914403001922038216', '9144030071526726XG', '91330100799655058B', '91330800MA28F3K64R'])(
    '%s is valid',
    (code) => expect(checkCreditCode(code)).toEqual({ ok: true, value: code }),
  );

  it('normalises: trims, upper-cases, reads full-width characters', () => {
    expect(checkCreditCode(' 9144030071526726xg ')).toEqual({ ok: true, value: '9144030071526726XG' });
    expect(checkCreditCode('９１３５０１００Ｍ０００１００Ｙ４３').ok).toBe(true);
  });

  it.each([
    ['', 'empty'],
    ['91350100M000100Y4', 'length'],
    ['91350100M000100Y433', 'length'],
    ['91350100O000100Y43', 'characters'], // O is not in the code set
    ['9135010IM000100Y43', 'characters'], // neither is I
    ['91350100M000100Y4-', 'characters'],
  ])('%j is refused as %s', (raw, reason) => {
    expect(checkCreditCode(raw)).toMatchObject({ ok: false, reason });
  });

  it('a wrong check character names the expected one', () => {
    expect(checkCreditCode('91350100M000100Y44')).toEqual({
      ok: false,
      value: '91350100M000100Y44',
      reason: 'check_character',
      expected: '3',
    });
  });

  it('every single-character substitution in the first 17 is detected', () => {
    const valid = '91330800MA28F3K64R';
    for (let i = 0; i < 17; i++) {
      for (const ch of CHARSET) {
        if (ch === valid[i]) continue;
        const altered = valid.slice(0, i) + ch + valid.slice(i + 1);
        expect(checkCreditCode(altered).ok, altered).toBe(false);
      }
    }
  });
});
