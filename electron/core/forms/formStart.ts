// The parts every form shares: a FormDoc with the form's title and the footer in Chinese (the forms are
// official Chinese documents whatever the UI language), and the result of a finished document.
import { FORMS, type FormId } from '../../../shared/forms/catalog.js';
import { FormDoc, type FormMeta } from './pdf/formDoc.js';
import type { BuiltForm, FormContext } from './types.js';

/** `meta` overrides the footer's fingerprint (a unit's form is tied to the unit's data, not an archive) or marks a draft. */
export function startForm(id: FormId, ctx: FormContext, meta: Partial<FormMeta> = {}): Promise<FormDoc> {
  return FormDoc.create({
    title: FORMS[id].title.zh,
    fingerprint: ctx.fingerprint,
    fingerprintLabel: '档案指纹',
    pageLabel: (page, pages) => `第 ${page} 页 共 ${pages} 页`,
    ...meta,
  });
}

export async function finishForm(doc: FormDoc): Promise<BuiltForm> {
  const bytes = await doc.finish();
  return { bytes, pages: doc.pdf.getPageCount(), missing: [...doc.missing] };
}
