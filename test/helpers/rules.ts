// Shared by the rule-pack tests: the sample applicant, a run of the 2020 pack with a fixed day, the
// links that attach every proof the sample needs, and lookups of findings.
import { readFileSync } from 'node:fs';
import { ArchiveDocument } from '../../shared/archive/schema.js';
import { materialsOfLinks } from '../../shared/materials/requirements.js';
import { runPack } from '../../shared/rules/engine.js';
import { DEFAULT_PARAMS_2020, PACK_2020, type Params2020 } from '../../shared/rules/pack2020/index.js';
import type { Finding, Report, RuleLink } from '../../shared/rules/types.js';

export const sampleArchive = (): ArchiveDocument =>
  ArchiveDocument.parse(JSON.parse(readFileSync('resources/sample/applicant.json', 'utf8')));

/** The calendar day of the check: before the deadline, so that the round is open unless a test says otherwise. */
export const TODAY = '2020-09-01';

export function check(
  archive: ArchiveDocument,
  opts: {
    links?: readonly RuleLink[] | null;
    params?: Partial<Params2020>;
    today?: string;
    applicationDate?: string;
  } = {},
): Report {
  return runPack(PACK_2020, {
    archive,
    links: opts.links === undefined ? [] : opts.links,
    params: { ...DEFAULT_PARAMS_2020, ...opts.params },
    today: opts.today ?? TODAY,
    applicationDate: opts.applicationDate,
  });
}

export function finding(report: Report, id: string): Finding {
  const found = report.findings.find((f) => f.id === id);
  if (!found) throw new Error(`no finding ${id} in ${report.findings.map((f) => f.id).join(', ')}`);
  return found;
}

export const statusOf = (report: Report, id: string) => finding(report, id).status;

let n = 0;
export const link = (slot: string | null, recordId: string | null = null): RuleLink => ({
  attachmentId: `att-${++n}`,
  slot,
  recordId,
});

/** Every proof the sample applicant's rules ask for, so that only the case under test can fail. */
export function sampleLinks(archive: ArchiveDocument): RuleLink[] {
  const links: RuleLink[] = [link('M-3/publicity')];
  // Every scan of M-4 and M-10 the materials view asks for (issue 19: each one missing is a failure), for the
  // record it names; the exceptional (M-11) and public-institution (M-12) scans are the tests' own to add.
  for (const item of materialsOfLinks(archive, [], DEFAULT_PARAMS_2020).flatMap((m) => m.items)) {
    if (item.status === 'missing' && (item.material === 'M-4' || item.material === 'M-10')) {
      links.push(link(item.slot, item.recordId));
    }
  }
  const p = DEFAULT_PARAMS_2020;
  for (const y of p.ceYears) links.push(link(`M-7/ce/${y}`));
  for (const y of p.pensionYears) links.push(link(`M-5/pension/${y}`));
  for (const y of p.assessmentYears) links.push(link(`M-9/assessment/${y}`));
  for (const w of archive.works) {
    if (w.type === 'paper')
      for (const tag of ['cover', 'issn', 'toc', 'article']) links.push(link(`M-10/paper/${tag}`, w.id));
    if (w.type === 'report') links.push(link('M-10/authorship', w.id));
    if (w.collective) links.push(link('M-4/main-contributor', w.id));
  }
  for (const e of archive.educations) {
    links.push(link('M-4/graduate-form', e.id), link('M-4/chsi-record', e.id), link('M-4/degree-certification', e.id));
  }
  return links;
}

/** Adds a secondary-school education (中专, 1996) as edu-3: its diploma is all the materials view asks of it. */
export function addSecondarySchool(a: ArchiveDocument): void {
  a.educations.push({ ...a.educations[0]!, id: 'edu-3', level: 'secondary', degree: '', graduationDate: '1996-07-01' });
}
