// The four senior evaluation committees (高评委) of the 2020 evaluation and their scopes (notice N-1,
// 附件1). An applicant belongs to exactly one, chosen by specialty (专业对口). The full names and the
// Chinese scopes are quoted from 附件1; the English texts are our translations.
import type { Localized } from '../api/contract.js';
import { COMMITTEES } from './schema.js';

export type CommitteeId = (typeof COMMITTEES)[number];

export interface Committee {
  id: CommitteeId;
  /** Number in 附件1. */
  no: number;
  /** As printed in 附件1 ("省" is Zhejiang province). */
  fullName: string;
  shortName: Localized;
  scope: Localized;
}

export const COMMITTEE_INFO: Readonly<Record<CommitteeId, Committee>> = {
  energy: {
    id: 'energy',
    no: 1,
    fullName: '省能源工程技术人员高级工程师职务任职资格评审委员会',
    shortName: { zh: '能源', en: 'Energy' },
    scope: {
      zh: '能源的开发、转换、输送、利用等领域相关专业',
      en: 'Specialties in the development, conversion, transmission and use of energy',
    },
  },
  materials: {
    id: 'materials',
    no: 2,
    fullName: '省材料工程技术人员高级工程师职务任职资格评审委员会',
    shortName: { zh: '材料', en: 'Materials' },
    scope: {
      zh: '材料及相关专业产品与技术研发、产品生产与检测、技术推广与服务等',
      en: 'Materials and related products and technology: research and development, production and testing, technology promotion and service',
    },
  },
  light_textile: {
    id: 'light_textile',
    no: 3,
    fullName: '省轻纺工程技术人员高级工程师职务任职资格评审委员会',
    shortName: { zh: '轻纺', en: 'Light industry & textiles' },
    scope: {
      zh: '轻工、造纸、纺织、丝绸、化纤、印染、家具、皮塑、食品等专业',
      en: 'Light industry, paper, textiles, silk, chemical fibre, printing and dyeing, furniture, leather and plastics, food',
    },
  },
  petrochemical: {
    id: 'petrochemical',
    no: 4,
    fullName: '省石化工程技术人员高级工程师职务任职资格评审委员会',
    shortName: { zh: '石化', en: 'Petrochemicals' },
    scope: {
      zh: '无机化工、有机化工、农用化工、石油化工、精细化工、橡胶等石油和化学工业工程技术类专业或相近专业',
      en: 'Engineering specialties of the petroleum and chemical industry — inorganic, organic, agricultural, petroleum and fine chemicals, rubber — or close specialties',
    },
  },
};

/** In the order of 附件1, for pickers. */
export const COMMITTEE_LIST: readonly Committee[] = COMMITTEES.map((id) => COMMITTEE_INFO[id]);
