// M-2 《专业技术职务任职资格评审材料真实性保证书》: the applicant guarantees that the materials are true, standard
// and complete (N-13: the applicant and the unit answer for their truth) and accepts the discipline of
// N-15 (浙人专〔2006〕351号, quoted in section 四 of the notice): materials returned, no application for a higher
// title for 3 years counted from the year after the evaluation, a title so obtained revoked. The unit
// confirms below. When the applicant has a signing key (issue 6), its fingerprint ties this paper to the
// signed electronic package, the pledge's digital counterpart.
import { FORMS } from '../../../shared/forms/catalog.js';
import { finishForm, startForm } from './formStart.js';
import { opinionRow, opinionRowHeight, signOff, signOffHeight } from './pdf/blocks.js';
import type { Cell } from './pdf/formDoc.js';
import type { FormBuilder } from './types.js';

const label = (text: string, span: number): Cell => ({ text, span, label: true, align: 'center' });
const value = (text: string, span: number): Cell => ({ text, span, align: 'center' });

/** The pledge in the words of Zhejiang's pledges; the bar's length comes from the pack (N-15). */
export function pledgeText(titleApplied: string, barYears: number): string[] {
  return [
    `　　本人自愿申报${titleApplied}专业技术职务任职资格评审，现郑重承诺：`,
    '　　一、本人提交的全部申报评审材料，包括个人业绩档案、身份证明、学历学位证书、专业技术职务任职资格证书和聘任证书、' +
      '养老保险缴费证明、工作经历、继续教育学时证明、专业技术工作总结、年度考核材料、论文著作及业绩成果等，均真实、准确、完整，' +
      '不存在伪造、变造、冒用、虚报、抄袭、剽窃等弄虚作假行为。',
    '　　二、本人已知悉《浙江省专业技术资格评审工作实施细则（试行）》（浙人专〔2006〕351号）规定的申报纪律：' +
      `对在申报过程中有弄虚作假行为的申报对象，其申报材料一律予以退回，并从评审次年起 ${barYears} 年内不得申报高一级专业技术资格；` +
      '已参加评审取得资格的，取消其资格。',
    '　　三、如有弄虚作假行为，本人自愿取消申报和评审资格，接受上述处理，并承担由此产生的一切责任。',
    '　　四、本人同意所在单位对申报材料进行审核和公示，并接受评审委员会及有关部门的核查。',
  ];
}

export const buildPledge: FormBuilder = async (ctx) => {
  const { profile, unit, application } = ctx.archive;
  const doc = await startForm('M-2', ctx);
  await doc.title(FORMS['M-2'].title.zh);
  const titleApplied = application.specialty
    ? `${application.titleApplied}（${application.specialty}）`
    : application.titleApplied;
  await doc.row([label('姓　名', 16), value(profile.name, 30), label('身份证号码', 18), value(profile.idNumber, 36)], {
    minHeight: 28,
  });
  await doc.row([label('工作单位', 16), value(unit.name, 84)], { minHeight: 28 });
  await doc.row([label('申报职称', 16), value(titleApplied, 84)], { minHeight: 28 });
  doc.gap(14);
  const sign = ['申报人（签名）：＿＿＿＿＿＿＿＿', '年　　月　　日'];
  const fingerprint = ctx.signerFingerprint
    ? [`电子签名密钥指纹：${ctx.signerFingerprint}`, '申报人的电子申报包使用此密钥签名，收件方可凭上述指纹核验签名。']
    : [];
  // N-13: the unit answers for the materials too; it reviews them and confirms with its seal.
  const unitBox = [{ label: '单位审核意见', labelSpan: 16, span: 84, signature: '单位负责人（签字）：' }];
  // The signatures and the unit's box never stand alone on a page: the pledge's last lines come with them.
  const tail =
    signOffHeight(doc, sign.length) +
    (fingerprint.length ? 6 + 3 * doc.lineHeight() : 0) +
    14 +
    opinionRowHeight(doc, unitBox, 130);
  const paragraphs = pledgeText(application.titleApplied, ctx.params.disciplineBarYears);
  for (const [i, paragraph] of paragraphs.entries()) {
    await doc.paragraph(paragraph, i === paragraphs.length - 1 ? { keepWith: tail } : {});
    doc.gap(4);
  }
  await signOff(doc, sign);
  if (fingerprint.length) {
    doc.gap(6);
    await doc.paragraph(fingerprint[0]!);
    await doc.paragraph(fingerprint[1]!, { size: 9, grey: true });
  }
  doc.gap(14);
  await opinionRow(doc, unitBox, 130);
  return finishForm(doc);
};
