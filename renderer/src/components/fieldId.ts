// The DOM id of an archive field, apart from FieldItem so that plain modules (fixTarget.ts, which the
// node tests import) can name a field without the components.

/** A DOM id for a field path ('educations.<id>.school' → 'f-educations-<id>-school'); stable for tests. */
export const fieldId = (path: string) => `f-${path.replace(/\./g, '-')}`;
