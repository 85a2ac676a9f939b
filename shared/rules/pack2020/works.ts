// R-7 Papers and the representative work (M-10), and proof of main contribution to collective projects
// (M-4). Counts of papers are unknown for Zhejiang: no count rule.
import { PAPER_PAGE_LABELS, PAPER_PAGE_TAGS } from '../../attachments/slots.js';
import { isRealDate } from '../../checks/dates.js';
import { checkCn, checkIssn } from '../../checks/issn.js';
import type { Outcome, Rule } from '../types.js';
import { field, LINKS_UNKNOWN, proofOutcome, recordEvidence, scanState, screen, slot, t } from './helpers.js';
import type { Params2020 } from './params.js';
import { engineerTitle } from './seniority.js';

const NONE = (why: string, whyEn: string): Outcome[] => [{ status: 'n/a', message: t(why, whyEn) }];

export const representativeRule: Rule<Params2020> = {
  id: 'R-7.representative',
  clause: ['R-7', 'M-10'],
  severity: 'blocker',
  confidence: 'confirmed',
  title: t('有且只有一项代表作', 'Exactly one representative work'),
  params: ['covidAntiEpidemicWork'],
  check({ archive, params }) {
    const reps = archive.works.filter((w) => w.representative);
    const evidence = reps.map((w) => recordEvidence(archive, 'works', w.id));
    const covid =
      archive.application.covidFrontline && params.covidAntiEpidemicWork
        ? t('（疫情一线：抗疫成果也可作代表作）', ' (COVID-19 frontline: an anti-epidemic result may serve)')
        : t('', '');
    if (reps.length === 1) {
      return [
        {
          status: 'pass',
          message: t(
            `代表作：${evidence[0]!.label.zh}。${covid.zh}`,
            `Representative work: ${evidence[0]!.label.en}.${covid.en}`,
          ),
          evidence,
        },
      ];
    }
    return [
      {
        status: 'fail',
        message:
          reps.length === 0
            ? t(
                `尚未标记代表作：须在业绩成果中标记且只标记一项。${covid.zh}`,
                `No representative work marked: mark exactly one.${covid.en}`,
              )
            : t(
                `标记了 ${reps.length} 项代表作：只能标记一项。`,
                `${reps.length} works are marked representative: mark exactly one.`,
              ),
        evidence,
        fix: reps.length > 1 ? field(`works.${reps[1]!.id}.representative`) : screen('works'),
      },
    ];
  },
};

export const journalRule: Rule<Params2020> = {
  id: 'R-7.journal-numbers',
  clause: ['R-7', 'M-10'],
  severity: 'blocker',
  confidence: 'confirmed',
  title: t('论文刊物的 ISSN 与 CN 刊号', "ISSN and CN numbers of a paper's journal"),
  params: [],
  check({ archive }) {
    const papers = archive.works.filter((w) => w.type === 'paper');
    if (papers.length === 0) return NONE('没有论文。', 'No papers.');
    return papers.map((w): Outcome => {
      const evidence = [recordEvidence(archive, 'works', w.id)];
      const base = { key: w.id, evidence };
      const issn = w.issn.trim() ? checkIssn(w.issn) : null;
      const cn = w.cn.trim() ? checkCn(w.cn) : null;
      if (issn && !issn.ok) {
        return {
          ...base,
          status: 'fail',
          message: t(
            `ISSN ${issn.value} 无效（格式或校验位错误）。`,
            `ISSN ${issn.value} is not valid (format or check digit).`,
          ),
          fix: field(`works.${w.id}.issn`),
        };
      }
      if (cn && !cn.ok) {
        return {
          ...base,
          status: 'fail',
          message: t(
            `CN 刊号 ${cn.value} 格式不正确（应如 CN 33-1080/TM）。`,
            `CN number ${cn.value} is malformed (e.g. CN 33-1080/TM).`,
          ),
          fix: field(`works.${w.id}.cn`),
        };
      }
      if (!issn && !cn) {
        return {
          ...base,
          status: 'review',
          confidence: 'inferred',
          message: t(
            '未填写 ISSN 和 CN 刊号：无正式刊号的出版物通常不被认可。',
            'Neither ISSN nor CN entered: publications without formal numbers are commonly not recognised.',
          ),
          fix: field(`works.${w.id}.issn`),
        };
      }
      if (cn?.ok && cn.warnings.length > 0) {
        return {
          ...base,
          status: 'review',
          confidence: 'inferred',
          message: t(
            `CN 刊号 ${cn.value} 属于${cn.warnings.includes('newspaper') ? '报纸' : cn.warnings.includes('not_print') ? '网络或电子出版物' : '未知地区'}：此类发表通常不被认可，请核对。`,
            `CN ${cn.value} is ${cn.warnings.includes('newspaper') ? 'a newspaper' : cn.warnings.includes('not_print') ? 'a web or electronic publication' : 'of an unknown region'}: commonly not recognised; check.`,
          ),
          fix: field(`works.${w.id}.cn`),
        };
      }
      return { ...base, status: 'pass', message: t('刊号校验通过。', 'Journal numbers check out.') };
    });
  },
};

export const paperPagesRule: Rule<Params2020> = {
  id: 'R-7.paper-pages',
  clause: ['R-7', 'M-10'],
  severity: 'blocker',
  confidence: 'confirmed',
  title: t(
    '论文扫描件含封面、ISSN/CN 页、目录和正文',
    "A paper's scans show cover, ISSN/CN page, contents and article",
  ),
  params: [],
  check(input) {
    const { archive, links } = input;
    const papers = archive.works.filter((w) => w.type === 'paper');
    if (papers.length === 0) return NONE('没有论文。', 'No papers.');
    return papers.map((w): Outcome => {
      const evidence = [recordEvidence(archive, 'works', w.id)];
      if (links === null) return { key: w.id, status: 'review', message: LINKS_UNKNOWN, evidence };
      // Each page as every required scan is judged (helpers.ts scanState): a page handed in on paper with
      // its reason is not missing. Linked to this paper itself: a page of another paper proves nothing here.
      const states = PAPER_PAGE_TAGS.map((tag) => ({
        tag,
        state: links.some((l) => l.slot === `M-10/paper/${tag}` && l.recordId === w.id)
          ? ('attached' as const)
          : scanState({ ...input, links: [] }, `M-10/paper/${tag}`, { recordId: w.id }),
      }));
      const missing = states.filter((s) => s.state === 'missing').map((s) => s.tag);
      const paper = states.flatMap((s) => (typeof s.state === 'object' ? [{ tag: s.tag, reason: s.state.paper }] : []));
      if (missing.length === 0 && paper.length > 0) {
        return {
          key: w.id,
          status: 'review',
          severity: 'info',
          message: t(
            `提交纸质件：${paper.map((p) => `${PAPER_PAGE_LABELS[p.tag].zh}（理由：${p.reason.trim()}）`).join('；')}。`,
            `Handed in on paper: ${paper.map((p) => `${PAPER_PAGE_LABELS[p.tag].en} (reason: ${p.reason.trim()})`).join('; ')}.`,
          ),
          evidence,
          fix: slot(`M-10/paper/${paper[0]!.tag}`, w.id),
        };
      }
      if (missing.length === 0) {
        return {
          key: w.id,
          status: 'pass',
          message: t('四类页面均已上传。', 'All four pages are attached.'),
          evidence,
        };
      }
      return {
        key: w.id,
        status: 'fail',
        message: t(
          `缺少论文扫描页：${missing.map((m) => PAPER_PAGE_LABELS[m].zh).join('、')}。`,
          `Paper pages missing: ${missing.map((m) => PAPER_PAGE_LABELS[m].en).join(', ')}.`,
        ),
        evidence,
        fix: slot(`M-10/paper/${missing[0]!}`, w.id),
      };
    });
  },
};

export const afterTitleRule: Rule<Params2020> = {
  id: 'R-7.since-current-title',
  clause: ['R-7', 'M-10'],
  severity: 'warning',
  confidence: 'inferred',
  title: t('业绩成果取得于任现职之后', 'Works date from after the current title'),
  params: [],
  check({ archive }) {
    const title = engineerTitle(archive.titles);
    const dated = archive.works.filter((w) => isRealDate(w.date));
    if (!title || dated.length === 0)
      return NONE('无法核对（缺职称或成果日期）。', 'Nothing to compare (no title or no dated work).');
    const early = dated.filter((w) => w.date < title.obtainedDate);
    if (early.length === 0)
      return [
        {
          status: 'pass',
          message: t(`所有成果均在 ${title.obtainedDate} 之后。`, `Every work dates from after ${title.obtainedDate}.`),
        },
      ];
    return early.map((w) => ({
      key: w.id,
      status: 'review' as const,
      message: t(
        `${w.date} 早于取得工程师（${title.obtainedDate}）：M-10 要求任现职以来的成果，通常不计入。`,
        `${w.date} is before the engineer title (${title.obtainedDate}): M-10 asks for works since the current title; usually not counted.`,
      ),
      evidence: [recordEvidence(archive, 'works', w.id, 'date')],
      fix: field(`works.${w.id}.date`),
    }));
  },
};

export const authorshipRule: Rule<Params2020> = {
  id: 'R-7.report-authorship',
  clause: ['R-7', 'M-10'],
  severity: 'blocker',
  confidence: 'confirmed',
  title: t('可研/设计报告的执笔依据', 'Proof of authorship of a feasibility or design report'),
  params: [],
  check(input) {
    const reports = input.archive.works.filter((w) => w.type === 'report');
    if (reports.length === 0) return NONE('没有可研或设计报告。', 'No feasibility or design reports.');
    return reports.map((w) => {
      const evidence = [recordEvidence(input.archive, 'works', w.id)];
      if (!w.isLeadWriter) {
        return {
          key: w.id,
          status: 'review' as const,
          message: t(
            '未勾选“执笔”：非执笔人的报告通常不能作为本人业绩，请核对。',
            'Not marked as lead writer: a report the applicant did not write usually does not count.',
          ),
          evidence,
          fix: field(`works.${w.id}.isLeadWriter`),
        };
      }
      return proofOutcome(input, {
        slot: 'M-10/authorship',
        recordId: w.id,
        key: w.id,
        what: t('执笔依据', 'proof of authorship'),
        evidence,
      });
    });
  },
};

export const mainContributorRule: Rule<Params2020> = {
  id: 'M-4.main-contributor',
  clause: ['M-4', 'R-8'],
  severity: 'blocker',
  confidence: 'confirmed',
  title: t('集体项目的主要完成人证明', 'Proof of main contribution to a collective project'),
  params: [],
  check(input) {
    const collective = input.archive.works.filter((w) => w.collective);
    if (collective.length === 0) return NONE('没有集体项目。', 'No collective projects.');
    return collective.map((w) =>
      proofOutcome(input, {
        slot: 'M-4/main-contributor',
        recordId: w.id,
        key: w.id,
        what: t('主要完成人证明', 'proof of main contribution'),
        evidence: [recordEvidence(input.archive, 'works', w.id)],
      }),
    );
  },
};
