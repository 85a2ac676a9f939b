// F-4's figures as an official checks them (shared/forms/postInfo.ts), the applicant's own row of its list
// (shared/forms/applicant.ts) and how 岗位信息表 reads what is typed (renderer/src/forms/postInfoForm.ts).
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { ArchiveDocument } from '../../shared/archive/schema.js';
import { appointedLevel, applicantAsRecommended, postGrade, seniorGradeOf } from '../../shared/forms/applicant.js';
import {
  emptyPostInfo,
  mergeRecommended,
  postInfoBlanks,
  postInfoDraftReason,
  postInfoEntered,
  postInfoProblems,
  type PostInfo,
  type RecommendedPerson,
} from '../../shared/forms/postInfo.js';
import { part2Sentence, readDraft, toDraft } from '../../renderer/src/forms/postInfoForm.js';
import { postFigures } from '../helpers/postInfo.js';

const sample = (): ArchiveDocument =>
  ArchiveDocument.parse(JSON.parse(readFileSync('resources/sample/applicant.json', 'utf8')));
const OWN_ID = '330802197805160138';

/** A unit whose figures an official accepts: the applicant (from the sample) and one colleague recommended. */
function good(): PostInfo {
  return {
    ...emptyPostInfo(),
    ...postFigures(),
    offered: { senior: 1, deputySenior: 2, middle: 3 },
    alreadyQualified: 0,
    recommendedCount: 2,
    recommended: [
      { ...applicantAsRecommended(sample()), postLevel: '专业技术九级' },
      {
        name: '陈珺燊',
        idNumber: '33080219850301018X',
        currentQualification: '工程师',
        appointedGrade: '中级',
        appointedDate: '2012-09-01',
        postLevel: '专业技术十级',
        titleApplied: '高级工程师',
      },
    ],
  };
}

const paths = (info: PostInfo, id?: string) => postInfoProblems(info, id).map((p) => p.path);

describe('postInfoProblems', () => {
  it('accepts figures that add up, with the applicant on the list', () => {
    expect(postInfoProblems(good(), OWN_ID)).toEqual([]);
    // Lower-case x and spaces around an ID number are the same number.
    const info = good();
    info.recommended[1]!.idNumber = ' 33080219850301018x ';
    expect(postInfoProblems(info, OWN_ID)).toEqual([]);
  });

  it('refuses a negative vacancy at the appointed count of its grade', () => {
    const info = good();
    info.grades.junior.appointed = 36; // 34 approved
    info.offered.middle = 2; // the intermediate grade's 2 vacancies remain
    const problems = postInfoProblems(info, OWN_ID);
    expect(problems.map((p) => p.path)).toEqual(['grades.junior.appointed']);
    expect(problems[0]!.message.zh).toBe('初级及未定级实聘 36 人，超过核准的 34 人（空缺为负）');
  });

  it('refuses posts offered beyond the vacancies of their grade (N-14)', () => {
    const info = good();
    info.offered = { senior: 2, deputySenior: 3, middle: 7 }; // vacancies 1, 2, 2 + 4
    const problems = postInfoProblems(info, OWN_ID);
    expect(problems.map((p) => p.path)).toEqual(['offered.senior', 'offered.deputySenior', 'offered.middle']);
    expect(problems[1]!.message.zh).toBe('推出 3 个副高级岗位，超过该级空缺（2 个）：竞聘岗位须来自空缺岗位（N-14）');
    // A grade over its approved count has no vacancy to offer (and says so at its own field).
    info.offered = { senior: 1, deputySenior: 1, middle: 3 };
    info.grades.deputySenior.appointed = 20;
    expect(paths(info, OWN_ID)).toEqual(['grades.deputySenior.appointed', 'offered.deputySenior']);
    // Unknown vacancies are not judged.
    info.grades.deputySenior.approved = null;
    expect(paths(info, OWN_ID)).toEqual([]);
  });

  it('refuses people recommended for a 副高 (正高) title when no such post is offered', () => {
    const info = good();
    info.offered.deputySenior = 0;
    const problems = postInfoProblems(info, OWN_ID);
    expect(problems.map((p) => p.path)).toEqual(['recommended.0.titleApplied', 'recommended.1.titleApplied']);
    expect(problems[0]!.message.zh).toBe('本次推出 0 个副高级岗位，不能推荐申报高级工程师（副高级）');
    // Not entered is not zero.
    info.offered.deputySenior = null;
    expect(paths(info, OWN_ID)).toEqual([]);
  });

  it('names an invalid or missing ID number at its field', () => {
    const info = good();
    info.recommended[1]!.idNumber = '33080219850301002X'; // the check character is 4
    info.recommended.push({ ...info.recommended[1]!, idNumber: '' });
    info.recommendedCount = 3;
    const problems = postInfoProblems(info, OWN_ID);
    expect(problems.map((p) => p.path)).toEqual(['recommended.1.idNumber', 'recommended.2.idNumber']);
    expect(problems[0]!.message.zh).toContain('校验位应为 4');
    expect(problems[1]!.message.zh).toBe('请填写身份证号码');
  });

  it('wants the applicant on a list that names people; an empty list prints the applicant', () => {
    const info = good();
    info.recommended = info.recommended.slice(1);
    info.recommendedCount = 1;
    const problems = postInfoProblems(info, OWN_ID);
    expect(problems.map((p) => p.path)).toEqual(['recommended']);
    expect(problems[0]!.message.zh).toBe(`申报人本人（身份证号码 ${OWN_ID}）不在推荐名单中`);
    // Without the archive's ID number (postInfo:set) the list is not judged against the applicant.
    expect(paths(info)).toEqual([]);
    info.recommended = [];
    expect(paths(info, OWN_ID)).toEqual([]);
  });

  it('F-4 waits while none of its essential figures is entered', () => {
    const info = emptyPostInfo();
    expect(postInfoEntered(info)).toBe(false);
    info.offered.senior = 1; // part 2 alone is no post information
    info.recommended = [applicantAsRecommended(sample())];
    expect(postInfoEntered(info)).toBe(false);
    info.grades.junior.appointed = 3;
    expect(postInfoEntered(info)).toBe(true);
    expect(postInfoEntered({ ...emptyPostInfo(), establishment: 0 })).toBe(true);
  });
});

describe('the applicant’s own row', () => {
  it('takes the level of the appointment as 聘任专业技术职级 and only a real post grade as 在聘岗位等级', () => {
    const a = sample();
    // The sample: appointed 工程师 (中级) since 2010-04-01, its grade kept as 中级.
    expect(applicantAsRecommended(a)).toEqual({
      name: '吴𠮷喆',
      idNumber: OWN_ID,
      currentQualification: '工程师',
      appointedGrade: '中级',
      appointedDate: '2010-04-01',
      postLevel: '',
      titleApplied: '高级工程师',
    });
    const current = a.appointments.find((p) => p.endDate === '')!;
    current.grade = '专业技术十级';
    expect(postGrade(current)).toBe('专业技术十级');
    expect(appointedLevel(a, current)).toBe('中级');
    // A post no title is named after: the level of the title held.
    current.post = '主任工程师';
    expect(appointedLevel(a, current)).toBe('中级');
    expect(appointedLevel(a, null)).toBe('');
  });

  it('knows which titles are 副高 and 正高', () => {
    expect(seniorGradeOf('高级工程师')).toBe('deputySenior');
    expect(seniorGradeOf('副研究员')).toBe('deputySenior');
    expect(seniorGradeOf('正高级工程师')).toBe('senior');
    expect(seniorGradeOf('教授级高级工程师')).toBe('senior');
    expect(seniorGradeOf('工程师')).toBe(null);
  });
});

describe('岗位信息表 as typed', () => {
  it('reads a ratio typed with a percent sign', () => {
    const draft = toDraft(emptyPostInfo());
    draft.numbers['grades.senior.ratio'] = '25%';
    draft.numbers['grades.deputySenior.ratio'] = '１２.５ ％';
    draft.numbers['grades.intermediate.ratio'] = '40';
    draft.numbers['grades.junior.ratio'] = '二十%';
    const { info, errors } = readDraft(draft, emptyPostInfo());
    expect(info.grades.senior.ratio).toBe(25);
    expect(info.grades.deputySenior.ratio).toBe(12.5);
    expect(info.grades.intermediate.ratio).toBe(40);
    expect([...errors.keys()]).toEqual(['grades.junior.ratio']);
  });

  it('spaces the part-2 sentence as Chinese text: no space after full-width punctuation', () => {
    const text = part2Sentence({ ...good(), offered: { senior: 1, deputySenior: 2, middle: null } }, 2020);
    expect(text).toContain('2020 年我单位共推出 1 个正高级专业技术岗位，2 个副高级专业技术岗位，＿个中（初）级');
    expect(text).not.toMatch(/[，。、；：] /);
  });
});

describe('the unit’s F-4: complete or a draft (issue 19)', () => {
  it('a sheet with every cell filled and figures that add up is complete', () => {
    expect(postInfoBlanks(good())).toEqual([]);
    expect(postInfoDraftReason(good())).toBeNull();
    // Zero is a figure, not a blank.
    expect(
      postInfoDraftReason({ ...good(), alreadyQualified: 0, offered: { ...good().offered, senior: 0 } }),
    ).toBeNull();
  });

  it('names the blanks in the order of the sheet, the first five, then how many', () => {
    const reason = postInfoDraftReason(emptyPostInfo())!;
    expect(reason.zh).toBe(
      '尚未填写：编制数、专业技术岗位总数、正高级核准比例、正高级核准人数、正高级实聘人数 等 20 项',
    );
    expect(reason.en).toBe(
      'not filled in yet: establishment, professional posts in total, senior approved ratio, senior approved count, senior appointed count and 15 more',
    );
    const info = good();
    info.recommended[1]!.appointedDate = '';
    info.recommended[1]!.postLevel = ' ';
    expect(postInfoBlanks(info).map((b) => b.path)).toEqual(['recommended.1.appointedDate', 'recommended.1.postLevel']);
    expect(postInfoDraftReason(info)!.zh).toBe('尚未填写：第 2 人的聘任时间、第 2 人的在聘岗位等级');
    expect(postInfoBlanks({ ...good(), recommended: [] }).map((b) => b.path)).toEqual(['recommended']);
  });

  it('figures that do not add up keep it a draft, naming the first', () => {
    const info = { ...good(), totalPosts: 60 };
    expect(postInfoDraftReason(info)).toEqual({
      zh: '1 处需要更正：各级核准人数之和（96）超过专业技术岗位总数（60）',
      en: '1 figure needs correcting: The approved counts add up to 96, more than the 60 professional posts',
    });
    info.establishment = null;
    expect(postInfoDraftReason(info)!.zh).toBe(
      '尚未填写：编制数；1 处需要更正：各级核准人数之和（96）超过专业技术岗位总数（60）',
    );
  });
});

describe('从审核通过的申报人填入: merged, never overwriting (issue 19)', () => {
  const person = (name: string, idNumber: string, more: Partial<RecommendedPerson> = {}): RecommendedPerson => ({
    name,
    idNumber,
    currentQualification: '工程师',
    appointedGrade: '中级',
    appointedDate: '2012-09-01',
    postLevel: '',
    titleApplied: '高级工程师',
    ...more,
  });
  const wu = person('吴𠮷喆', OWN_ID);
  const chen = person('陈珺燊', '33080219850301018X');

  it('adds the accepted who are missing; keeps what the unit entered, fills only blanks', () => {
    const listed = { ...wu, idNumber: '330802197805160138 ', postLevel: '专业技术九级', currentQualification: '' };
    const merged = mergeRecommended({ recommendedCount: 1, recommended: [listed] }, [
      { ...wu, postLevel: '专业技术十级', currentQualification: '工程师' },
      chen,
    ]);
    expect(merged.kept).toEqual([{ ...listed, currentQualification: '工程师' }]);
    expect(merged.added).toEqual([chen]);
    expect(merged.completed).toHaveLength(1);
    expect(merged.others).toEqual([]);
    // The count agreed with the list: it follows it.
    expect(merged.recommendedCount).toBe(2);
  });

  it('keeps people who are not accepted (named for the officer) and a count that was typed otherwise', () => {
    const hand = person('张三', '');
    const merged = mergeRecommended({ recommendedCount: 5, recommended: [hand] }, [chen]);
    expect(merged.kept).toEqual([hand]);
    expect(merged.others).toEqual([hand]);
    expect(merged.added).toEqual([chen]);
    expect(merged.recommendedCount).toBe(5);
    // Without an ID number on the list, the same name is the same person (and gets the number).
    const byName = mergeRecommended({ recommendedCount: null, recommended: [{ ...chen, idNumber: '' }] }, [chen]);
    expect(byName.kept).toEqual([chen]);
    expect(byName.added).toEqual([]);
    expect(byName.recommendedCount).toBe(1);
  });

  it('nothing accepted, or everyone listed as entered: nothing changes', () => {
    const merged = mergeRecommended({ recommendedCount: 2, recommended: [wu, chen] }, [chen, wu]);
    expect(merged.kept).toEqual([wu, chen]);
    expect(merged.added).toEqual([]);
    expect(merged.completed).toEqual([]);
    expect(mergeRecommended({ recommendedCount: null, recommended: [] }, []).kept).toEqual([]);
  });
});
