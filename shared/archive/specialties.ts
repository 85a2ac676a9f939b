// Declared specialty → committee (notice N-1, 附件1; rules R-8 row "specialty"). An applicant belongs to the
// committee whose scope covers the specialty (专业对口), so the app offers a catalogue to pick from and, for free
// text, reads the words to propose a committee or to flag a mismatch.
//
// The confirmed part is 附件1's scope wording (COMMITTEE_INFO[...].scope): 能源的开发、转换、输送、利用; 材料及相关
// 专业; 轻工、造纸、纺织、丝绸、化纤、印染、家具、皮塑、食品; 无机化工、有机化工、农用化工、石油化工、精细化工、橡胶.
// Everything else below is our reading, mostly following the groupings of the national undergraduate
// catalogue (能源动力类, 电气类, 材料类, 轻工类, 纺织类, 食品类, 化工与制药类); entries that rest on such a
// reading rather than on the scope's own words are marked "reading". Where the words are ambiguous the
// matcher says 'unclear' rather than guessing, because R-8 then asks for a human review, not a fail.
import type { CommitteeId } from './committees.js';
import { COMMITTEES } from './schema.js';

export interface Specialty {
  /** Chinese, as offered in the select list. */
  name: string;
  committee: CommitteeId;
  /** Short English name. */
  en: string;
}

export type SpecialtyMatch =
  | { kind: 'empty' }
  /** committees in the order the text names them; matched: the committee keywords found. */
  | { kind: 'in'; committees: CommitteeId[]; matched: string[] }
  /** A known engineering specialty that none of the four committees covers. */
  | { kind: 'outside'; matched: string[] }
  | { kind: 'unclear' };

const e = (name: string, en: string): Specialty => ({ name, committee: 'energy', en });
const m = (name: string, en: string): Specialty => ({ name, committee: 'materials', en });
const l = (name: string, en: string): Specialty => ({ name, committee: 'light_textile', en });
const p = (name: string, en: string): Specialty => ({ name, committee: 'petrochemical', en });

/** Grouped by committee in the order of 附件1. */
export const SPECIALTIES: readonly Specialty[] = [
  // 能源: development, conversion, transmission and use of energy.
  e('能源与动力工程', 'Energy and power engineering'),
  e('热能与动力工程', 'Thermal energy and power engineering'),
  e('热能工程', 'Thermal energy engineering'),
  e('工程热物理', 'Engineering thermophysics'),
  e('电力系统及其自动化', 'Power systems and automation'),
  e('电气工程及其自动化', 'Electrical engineering and automation'),
  e('输配电工程', 'Power transmission and distribution'),
  e('发电厂及电力系统', 'Power plants and power systems'),
  e('高电压与绝缘技术', 'High voltage and insulation'),
  // reading: power electronics sits in the 电气 discipline, which converts and transmits energy.
  e('电力电子技术', 'Power electronics'),
  e('火力发电', 'Thermal power generation'),
  e('水力发电工程', 'Hydropower engineering'),
  e('核电工程', 'Nuclear power engineering'),
  e('新能源科学与工程', 'New energy science and engineering'),
  e('风力发电', 'Wind power'),
  e('光伏发电', 'Photovoltaic power'),
  e('太阳能利用', 'Solar energy use'),
  e('储能科学与工程', 'Energy storage'),
  e('氢能技术', 'Hydrogen energy'),
  e('生物质能利用', 'Biomass energy use'),
  e('节能工程', 'Energy conservation'),
  e('供热工程', 'District heating'),
  e('燃气工程', 'Gas supply engineering'),
  e('石油天然气开发', 'Oil and gas development'),
  e('油气储运工程', 'Oil and gas storage and transport'),

  // 材料: materials and related products and technology.
  m('材料科学与工程', 'Materials science and engineering'),
  m('金属材料工程', 'Metallic materials'),
  m('高分子材料与工程', 'Polymer materials'),
  m('无机非金属材料工程', 'Inorganic non-metallic materials'),
  m('复合材料与工程', 'Composite materials'),
  m('建筑材料', 'Building materials'),
  m('磁性材料', 'Magnetic materials'),
  m('新材料', 'New materials'),
  m('功能材料', 'Functional materials'),
  m('纳米材料与技术', 'Nanomaterials'),
  m('半导体材料', 'Semiconductor materials'),
  m('稀土材料', 'Rare-earth materials'),
  m('材料检测', 'Materials testing'),
  m('材料成型及控制工程', 'Materials forming and control'),
  m('冶金工程', 'Metallurgical engineering'),
  m('钢铁冶金', 'Iron and steel metallurgy'),
  m('有色金属冶金', 'Non-ferrous metallurgy'),
  m('铸造', 'Foundry'),
  m('热处理', 'Heat treatment'),
  m('粉末冶金', 'Powder metallurgy'),
  // reading: 焊接技术与工程 is in the undergraduate 材料类, though welding is also taught as mechanical.
  m('焊接技术与工程', 'Welding'),
  m('陶瓷材料', 'Ceramic materials'),
  m('玻璃工程', 'Glass engineering'),
  m('耐火材料', 'Refractories'),
  // reading: cement is a 建材 / inorganic non-metallic product.
  m('水泥工程', 'Cement engineering'),
  // reading: corrosion and surface treatment are materials technology, not a scope word.
  m('金属腐蚀与防护', 'Corrosion and protection'),
  m('表面工程', 'Surface engineering'),

  // 轻纺: light industry, paper, textiles, silk, chemical fibre, printing and dyeing, furniture, leather and
  // plastics, food.
  l('轻工技术与工程', 'Light industry technology'),
  // reading: 轻化工程 (pulp, leather, dyeing chemistry) is in the undergraduate 轻工类.
  l('轻化工程', 'Light chemical engineering'),
  l('制浆造纸工程', 'Pulp and paper'),
  l('纺织工程', 'Textile engineering'),
  l('纺织材料', 'Textile materials'),
  l('针织工程', 'Knitting'),
  l('非织造材料与工程', 'Nonwovens'),
  l('丝绸设计与工程', 'Silk'),
  l('化学纤维', 'Chemical fibres'),
  l('印染技术', 'Printing and dyeing'),
  l('染整工程', 'Dyeing and finishing'),
  l('服装设计与工程', 'Apparel design and engineering'),
  l('家具设计与制造', 'Furniture'),
  l('皮革工程', 'Leather'),
  l('塑料制品', 'Plastic products'),
  l('制鞋工程', 'Footwear'),
  l('食品科学与工程', 'Food science and engineering'),
  l('食品质量与安全', 'Food quality and safety'),
  // reading: grain, dairy, brewing and fermentation are in the undergraduate 食品类 / traditional 轻工.
  l('粮食工程', 'Grain engineering'),
  l('乳品工程', 'Dairy engineering'),
  l('酿酒工程', 'Brewing'),
  l('发酵工程', 'Fermentation'),
  // reading: printing, packaging, household chemicals, fragrances and cosmetics are in the undergraduate 轻工类.
  l('印刷工程', 'Printing'),
  l('包装工程', 'Packaging'),
  l('日用化学品', 'Household chemicals'),
  l('香料香精技术与工程', 'Flavours and fragrances'),
  l('化妆品技术与工程', 'Cosmetics'),

  // 石化: petroleum and chemical industry.
  p('化学工程与工艺', 'Chemical engineering and technology'),
  p('化学工程', 'Chemical engineering'),
  p('化工工艺', 'Chemical process technology'),
  p('化工设备与机械', 'Chemical equipment and machinery'),
  p('无机化工', 'Inorganic chemicals'),
  p('有机化工', 'Organic chemicals'),
  p('农用化工', 'Agricultural chemicals'),
  p('农药', 'Pesticides'),
  p('化肥', 'Fertilisers'),
  p('石油化工', 'Petrochemicals'),
  p('精细化工', 'Fine chemicals'),
  p('橡胶工程', 'Rubber'),
  p('涂料', 'Coatings'),
  p('染料', 'Dyes'),
  p('颜料', 'Pigments'),
  // reading: adhesives are a fine-chemical product.
  p('胶粘剂', 'Adhesives'),
  p('石油炼制', 'Petroleum refining'),
  p('煤化工', 'Coal chemicals'),
  p('天然气化工', 'Natural-gas chemicals'),
  p('盐化工', 'Salt chemicals'),
  p('氯碱化工', 'Chlor-alkali'),
  p('氟化工', 'Fluorochemicals'),
  p('生物化工', 'Biochemical engineering'),
  p('医药化工', 'Pharmaceutical chemicals'),
  // reading: 制药工程 and 应用化学 are in the undergraduate 化工与制药类 / chemistry groupings.
  p('制药工程', 'Pharmaceutical engineering'),
  p('应用化学', 'Applied chemistry'),
];

/**
 * Words that place a specialty in a committee. A word listed under two committees names both. Every catalogue
 * name must contain one of its committee's words (the unit test checks it), so free text and picked entries are
 * read the same way.
 */
export const COMMITTEE_KEYWORDS: Readonly<Record<CommitteeId, readonly string[]>> = {
  energy: [
    ...['能源', '新能源', '可再生能源', '电力', '电气', '电网', '发电', '输电', '变电', '配电', '供电', '用电'],
    ...['电厂', '电站', '高电压', '热能', '热力', '热电', '热工', '工程热物理', '供热', '热网'],
    // '核' alone would catch 核算, 核查, 审核.
    ...['核能', '核电', '核动力', '核反应堆', '核燃料'],
    ...['风电', '风能', '风力发电', '光伏', '太阳能', '光热', '储能', '节能', '氢能', '生物质能', '地热'],
    ...['海洋能', '潮汐能', '水电', '水力发电', '火电', '火力发电', '汽轮机'],
    ...['燃气', '天然气', '石油天然气', '油气', '石油开采', '油田', '气田'],
    // reading: coal is a primary energy source, so its development belongs with 能源的开发; 煤化工 is 石化.
    '煤炭',
    // '石油' alone names both oil development (energy) and the 石油和化学工业 (petrochemicals).
    '石油',
  ],
  materials: [
    ...['材料', '金属', '无机非金属', '高分子', '复合材料', '建筑材料', '建材', '磁性', '磁材'],
    ...['冶金', '冶炼', '钢铁', '铸造', '热处理', '焊接', '陶瓷', '玻璃', '耐火', '水泥', '硅酸盐', '稀土'],
    ...['金相', '腐蚀', '表面处理', '表面工程'],
  ],
  light_textile: [
    ...['轻工', '轻化工', '造纸', '制浆', '纸制品'],
    ...['纺织', '纺纱', '织造', '非织造', '无纺', '针织', '丝绸', '缫丝', '真丝', '化纤', '化学纤维'],
    ...['印染', '染整', '家纺', '服装', '服饰', '家具', '皮革', '制革', '毛皮', '皮塑', '塑料', '制鞋', '鞋业'],
    ...['食品', '粮食', '粮油', '乳品', '乳制品', '酿酒', '酿造', '发酵', '饮料', '制糖'],
    // reading: processing farm and fishery produce into food is 食品 (农产品加工及贮藏工程).
    ...['农产品加工', '水产品加工'],
    // reading: undergraduate 轻工类; 日用化工 is household chemicals, not the 石化 industry.
    ...['印刷', '包装', '日用化学', '日用化工', '日化', '化妆品', '香料', '香精', '洗涤'],
  ],
  petrochemical: [
    ...['化工', '石化', '石油化工', '无机化工', '有机化工', '农用化工', '农化', '农药', '化肥', '精细化工'],
    ...['橡胶', '涂料', '染料', '颜料', '油墨', '胶粘剂', '助剂', '催化剂', '化学工程', '化学工艺'],
    ...['炼油', '炼化', '石油炼制', '煤化工', '天然气化工', '盐化工', '氯碱', '氟化工', '合成氨'],
    ...['医药化工', '化学制药', '制药工程', '应用化学', '石油'],
  ],
};

/**
 * Engineering specialties that none of the four committees covers; they decide only when no committee word is
 * left after the longest-match rule. Some are longer than a committee word inside them on purpose: 建筑电气,
 * 建筑节能, 供热通风 (HVAC), 水利水电, 水电安装, 新能源汽车 and 印刷电路 belong to construction, water,
 * automotive and electronics practice, not to 能源 or 轻纺.
 */
export const OUTSIDE_KEYWORDS: readonly string[] = [
  ...['建筑', '土木', '结构', '岩土', '建设工程', '工程管理', '工程造价', '造价', '消防', '安全工程'],
  ...['建筑电气', '建筑节能', '给排水', '给水排水', '暖通', '供热通风', '空调', '城市规划', '城乡规划', '园林'],
  ...['机械', '机电', '数控', '模具', '车辆', '汽车', '新能源汽车', '机器人'],
  ...['电子', '微电子', '集成电路', '印刷电路', '通信', '电信', '计算机', '软件', '信息', '网络', '人工智能'],
  // 自动化 alone is control engineering; 电气自动化 and 电力系统自动化 stay 能源 through their committee word.
  ...['大数据', '物联网', '自动化', '控制工程', '测控', '仪器仪表', '仪表'],
  ...['水利', '水利水电', '水电安装', '水运', '港口', '航道', '交通', '道路', '公路', '铁路', '铁道', '桥梁', '隧道'],
  ...['测绘', '遥感', '地质', '勘察', '采矿', '矿业', '环境', '环保', '物流'],
  ...['农业', '农学', '林业', '畜牧', '水产', '医疗器械', '医学', '生物医学', '船舶', '航空', '航天', '海洋'],
];

const OUTSIDE = 'outside';
type Target = CommitteeId | typeof OUTSIDE;

const TARGETS: ReadonlyMap<string, readonly Target[]> = (() => {
  const map = new Map<string, Target[]>();
  const add = (word: string, target: Target) => {
    const list = map.get(word) ?? [];
    if (!list.includes(target)) list.push(target);
    map.set(word, list);
  };
  for (const id of COMMITTEES) for (const word of COMMITTEE_KEYWORDS[id]) add(word, id);
  for (const word of OUTSIDE_KEYWORDS) add(word, OUTSIDE);
  return map;
})();

/** NFKC folds full-width letters, digits and punctuation; whitespace (U+3000 included) never carries meaning. */
export function normalizeSpecialty(text: string): string {
  return text.normalize('NFKC').replace(/\s+/gu, '');
}

interface Hit {
  start: number;
  end: number;
  word: string;
}

/** All keyword occurrences, then the longest first wins each stretch of text, so 建筑材料 hides 建筑. */
function hits(text: string): Hit[] {
  const all: Hit[] = [];
  for (const word of TARGETS.keys()) {
    for (let at = text.indexOf(word); at >= 0; at = text.indexOf(word, at + 1)) {
      all.push({ start: at, end: at + word.length, word });
    }
  }
  all.sort((a, b) => b.word.length - a.word.length || a.start - b.start);
  const kept: Hit[] = [];
  for (const hit of all) {
    if (kept.every((k) => hit.end <= k.start || hit.start >= k.end)) kept.push(hit);
  }
  return kept.sort((a, b) => a.start - b.start);
}

export function matchSpecialty(text: string): SpecialtyMatch {
  const normalized = normalizeSpecialty(text);
  if (normalized === '') return { kind: 'empty' };
  const committees: CommitteeId[] = [];
  const matched: string[] = [];
  const outside: string[] = [];
  for (const { word } of hits(normalized)) {
    for (const target of TARGETS.get(word) ?? []) {
      if (target === OUTSIDE) {
        if (!outside.includes(word)) outside.push(word);
        continue;
      }
      if (!committees.includes(target)) committees.push(target);
      if (!matched.includes(word)) matched.push(word);
    }
  }
  if (committees.length > 0) return { kind: 'in', committees, matched };
  if (outside.length > 0) return { kind: 'outside', matched: outside };
  return { kind: 'unclear' };
}

/** Only a single committee is proposed; a specialty naming two is the applicant's choice. */
export function proposeCommittee(text: string): CommitteeId | null {
  const match = matchSpecialty(text);
  return match.kind === 'in' && match.committees.length === 1 ? match.committees[0]! : null;
}

/** For the select-with-search: an empty query lists everything, committees in the order of 附件1. */
export function searchSpecialties(query: string, limit?: number): Specialty[] {
  const q = normalizeSpecialty(query);
  const found = SPECIALTIES.filter((s) => s.name.includes(q)).sort(
    (a, b) => COMMITTEES.indexOf(a.committee) - COMMITTEES.indexOf(b.committee),
  );
  return limit === undefined ? found : found.slice(0, Math.max(0, limit));
}
