// The desk's remit (issue 17, N-9; electron/core/desk/profile.ts outsideRemit): a city bureau takes its
// city's units (衢州 and 衢州市 are one city), a competent department the units naming it, the personnel
// agency route its city's units without a competent department — everything else is named as outside.
import { describe, expect, it } from 'vitest';
import type { Unit } from '../../shared/archive/schema.js';
import type { DeskProfile } from '../../shared/desk/schema.js';
import { outsideRemit } from '../../electron/core/desk/profile.js';

const unit: Unit = {
  name: '浙江衢江清能热电有限公司',
  creditCode: '91330800MA28F3K64R',
  type: 'enterprise',
  competentDepartment: '',
  personnelAgency: '衢州市人才服务中心（人事代理）',
  city: '衢州市',
};
const city: DeskProfile = {
  kind: 'city_bureau',
  name: '衢州市经济和信息化局',
  city: '衢州',
  department: '',
  responsible: '王',
};

describe('outsideRemit', () => {
  it('a city bureau takes the units of its city only', () => {
    expect(outsideRemit(city, unit)).toBeNull();
    expect(outsideRemit(city, { ...unit, city: '杭州市' })!.zh).toContain('不属于本机构受理范围');
    expect(outsideRemit(city, { ...unit, city: '' })!.zh).toContain('（未填写）');
  });

  it('a competent department takes the units that name it (spaces and full-width brackets aside)', () => {
    const dept: DeskProfile = {
      ...city,
      kind: 'competent_department',
      city: '',
      department: '浙江省能源集团（有限公司）',
    };
    expect(outsideRemit(dept, { ...unit, competentDepartment: '浙江省能源集团(有限公司) ' })).toBeNull();
    expect(outsideRemit(dept, unit)!.en).toContain('outside this desk');
  });

  it('the personnel agency route takes its city’s units without a competent department', () => {
    const agency: DeskProfile = { ...city, kind: 'personnel_agency' };
    expect(outsideRemit(agency, unit)).toBeNull();
    expect(outsideRemit(agency, { ...unit, competentDepartment: '衢州市国资委' })!.zh).toContain('应经主管部门报送');
    expect(outsideRemit(agency, { ...unit, personnelAgency: '' })!.zh).toContain('未填写人事代理机构');
  });
});
