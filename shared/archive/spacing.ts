// Chinese texts put one space between Chinese and Latin letters or digits ("缺少 2018 年", "缺少 ISSN/CN 页").
// Messages built from parts (a verb and a label) get that space where the parts meet.

const HAN = /[\u3400-\u9fff]/;
const LATIN_OR_DIGIT = /[A-Za-z0-9]/;

const needsSpace = (left: string, right: string): boolean =>
  (HAN.test(left) && LATIN_OR_DIGIT.test(right)) || (LATIN_OR_DIGIT.test(left) && HAN.test(right));

/** Concatenate parts of a Chinese text, adding a space where Chinese meets a Latin letter or digit. */
export function zhJoin(...parts: string[]): string {
  let out = '';
  for (const part of parts) {
    if (out && part && needsSpace(out.charAt(out.length - 1), part.charAt(0))) out += ' ';
    out += part;
  }
  return out;
}
