// The desk's status line (issue 17, shared/desk/pipeline.ts): every status labelled in both languages, the
// moves allowed and refused, what a unit's newer package does to each status, and where the file waits.
import { describe, expect, it } from 'vitest';
import {
  canMove,
  DESK_STATUS_LABELS,
  DESK_STATUSES,
  DESK_TRANSITIONS,
  statusOnArrival,
  WAITS_AT,
} from '../../shared/desk/pipeline.js';
import { deskProfileProblems } from '../../shared/desk/schema.js';

describe('desk statuses', () => {
  it('labels every status in Chinese and English, as the issue names them', () => {
    expect(DESK_STATUSES.map((s) => DESK_STATUS_LABELS[s].zh)).toEqual([
      '待接收',
      '待审查',
      '审查中',
      '退回补正',
      '已补正待复核',
      '通过待报送',
      '已报送',
      '不予推荐',
      '撤回',
      '逾期视为放弃',
    ]);
    for (const s of DESK_STATUSES) expect(DESK_STATUS_LABELS[s].en).not.toBe('');
  });

  it('allows the line forward and refuses skipping or undoing a final step', () => {
    expect(canMove('awaiting', 'to_review')).toBe(true);
    expect(canMove('to_review', 'in_review')).toBe(true);
    expect(canMove('in_review', 'returned')).toBe(true);
    expect(canMove('returned', 'corrected')).toBe(true);
    expect(canMove('corrected', 'passed')).toBe(true);
    expect(canMove('passed', 'submitted')).toBe(true);
    // Not passed on without review, nothing after 已报送 or 撤回, a return not returned twice.
    expect(canMove('awaiting', 'passed')).toBe(false);
    expect(canMove('awaiting', 'submitted')).toBe(false);
    expect(canMove('to_review', 'submitted')).toBe(false);
    expect(canMove('returned', 'returned')).toBe(false);
    expect(canMove('returned', 'passed')).toBe(false);
    for (const to of DESK_STATUSES) {
      expect(canMove('submitted', to)).toBe(false);
      expect(canMove('withdrawn', to)).toBe(false);
    }
    // 逾期视为放弃 is reversible by the reviewer: back to 退回补正 (or a late correction taken).
    expect(canMove('returned', 'lapsed')).toBe(true);
    expect(canMove('lapsed', 'returned')).toBe(true);
    expect(canMove('in_review', 'lapsed')).toBe(false);
  });

  it('names only known statuses as targets', () => {
    for (const s of DESK_STATUSES) for (const t of DESK_TRANSITIONS[s]) expect(DESK_STATUSES).toContain(t);
  });

  it('a newer package makes a returned applicant 已补正待复核, any other 待审查, and is refused after 已报送', () => {
    expect(statusOnArrival(null)).toBe('to_review');
    expect(statusOnArrival('returned')).toBe('corrected');
    expect(statusOnArrival('lapsed')).toBe('corrected');
    expect(statusOnArrival('in_review')).toBe('to_review');
    expect(canMove('in_review', statusOnArrival('in_review'))).toBe(true);
    expect(canMove('submitted', statusOnArrival('submitted'))).toBe(false);
    expect(canMove('withdrawn', statusOnArrival('withdrawn'))).toBe(false);
  });

  it('says where each file waits', () => {
    expect(WAITS_AT.returned).toBe('unit');
    expect(WAITS_AT.to_review).toBe('desk');
    expect(WAITS_AT.submitted).toBe('province');
  });
});

describe('the desk’s data', () => {
  const base = {
    kind: 'city_bureau' as const,
    name: '衢州市经济和信息化局',
    city: '衢州市',
    department: '',
    responsible: '王建国',
  };
  it('asks for the city of a city bureau and the department of a competent department, naming the field', () => {
    expect(deskProfileProblems(base)).toEqual([]);
    expect(deskProfileProblems({ ...base, city: ' ' }).map((p) => [p.path, p.message.zh])).toEqual([
      ['desk.city', '所在市未填写：本机构受理哪个市的单位'],
    ]);
    const dept = { ...base, kind: 'competent_department' as const, city: '' };
    expect(deskProfileProblems(dept).map((p) => p.path)).toEqual(['desk.department']);
    expect(deskProfileProblems({ ...dept, department: '浙江省经济和信息化厅' })).toEqual([]);
    expect(deskProfileProblems({ ...base, name: '', responsible: '' }).map((p) => p.path)).toEqual([
      'desk.name',
      'desk.responsible',
    ]);
  });
});
