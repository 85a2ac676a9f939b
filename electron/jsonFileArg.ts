// A `--set FILE.json` argument read for a command (unit-profile, post-info): the file's JSON object, or a
// refusal naming the file — unreadable, not JSON, or not an object of fields (exit 2: invalid input).
import { readFileSync } from 'node:fs';
import type { Localized } from '../shared/api/contract.js';
import { DossierError } from './core/errors.js';

const usage = (zh: string, en: string) => new DossierError('wrong_usage', { zh, en });

/** `what`: the fields the object holds, named in the refusal (「单位信息的各字段」). */
export function readJsonObjectFile(file: string, what: Localized): Record<string, unknown> {
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    const reason = (e as NodeJS.ErrnoException).code ?? String(e);
    throw usage(`无法读取文件 ${file}（${reason}）`, `Cannot read ${file} (${reason})`);
  }
  let value: unknown;
  try {
    // A BOM from a Windows editor is no part of the JSON.
    value = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch (e) {
    const detail = e instanceof Error ? e.message : String(e);
    throw usage(`${file} 不是有效的 JSON（${detail}）`, `${file} is not valid JSON (${detail})`);
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw usage(`${file} 应为一个 JSON 对象（${what.zh}）`, `${file} must be a JSON object (${what.en})`);
  }
  return value as Record<string, unknown>;
}
