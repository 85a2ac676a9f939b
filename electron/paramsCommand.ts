// `dossier params`: the rule pack's parameters on the command line, the same store as the app's 假设与参数
// screen (core/rulesService.ts). Without --set: every parameter with its label, value, confidence and
// source, the ones that differ from the default marked (--json: values, defaults, meta and the change log).
// `--set KEY=VALUE …`: each VALUE read per the parameter's kind, then all changes validated together by
// setParams (so the cross-field checks run) and logged like the UI's; any bad input refuses the whole set,
// naming every problem, exit 2, nothing changed. Never lists keys by hand: everything follows PARAM_META.
import { existsSync } from 'node:fs';
import path from 'node:path';
import type { z } from 'zod';
import type { ApiError, Issue, Localized, ParamChange } from '../shared/api/contract.js';
import { PACK_2020 } from '../shared/rules/pack2020/index.js';
import {
  DEFAULT_PARAMS_2020,
  PARAM_META,
  type Params2020,
  Params2020Shape,
  type ParamKey,
  type ParamMeta,
} from '../shared/rules/pack2020/params.js';
import { CONFIDENCE, reportFailure } from './checkCommand.js';
import { DossierError } from './core/errors.js';
import { getParams, paramLog, setParams } from './core/rulesService.js';
import { closeWorkspace, DATABASE_FILE, openWorkspace } from './core/workspace.js';

type Lang = keyof Localized;

export interface ParamsOptions {
  dataDir: string;
  json: boolean;
  /** The `--set KEY=VALUE` arguments, in order. */
  set: readonly string[];
  /** Positional arguments after `params` (none are expected). */
  extra: readonly string[];
  lang: Lang;
}

/** `dossier params --json` without --set. */
export interface ParamsJson {
  params: Record<string, unknown>;
  defaults: Record<string, unknown>;
  meta: Record<string, Pick<ParamMeta, 'kind' | 'label' | 'source' | 'confidence' | 'options'>>;
  log: ParamChange[];
}

/** `dossier params --json --set …` after a successful set. */
export interface ParamsSetJson {
  changes: ParamChange[];
  params: Record<string, unknown>;
}

const L = (zh: string, en: string): Localized => ({ zh, en });
const keys = () => Object.keys(PARAM_META) as ParamKey[];
const metaOf = (key: string): ParamMeta | undefined => (PARAM_META as Record<string, ParamMeta | undefined>)[key];
const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/** A value as the user reads and types it: years `2017,2018,2019`, 是/否 (true/false), an option with its label. */
export function formatParamValue(key: string, value: unknown, lang: Lang): string {
  if (value === null || value === undefined || value === '') return L('（空）', '(empty)')[lang];
  if (typeof value === 'boolean') return value ? L('是', 'true')[lang] : L('否', 'false')[lang];
  if (Array.isArray(value)) return value.join(',');
  const option = metaOf(key)?.options?.find((o) => o.value === value);
  if (option) return lang === 'zh' ? `${option.value}（${option.label.zh}）` : `${option.value} (${option.label.en})`;
  return String(value);
}

/** `ceYears（核查继续教育的年度）` — how a message names a parameter. */
function fieldName(key: string, lang: Lang): string {
  const meta = metaOf(key);
  if (!meta) return key;
  return lang === 'zh' ? `${key}（${meta.label.zh}）` : `${key} (${meta.label.en})`;
}

/** One refused piece of input: the parameter (or the argument, when no parameter could be read) and why. */
interface Problem {
  key: string;
  message: Localized;
}

/** The value when it parses, else why not (the message does not name the field: the caller does). */
type Parsed = { ok: true; value: unknown } | { ok: false; message: Localized };
const bad = (zh: string, en: string): Parsed => ({ ok: false, message: L(zh, en) });

function fieldSchema(key: ParamKey): z.ZodType {
  return Params2020Shape.shape[key] as z.ZodType;
}

/** An empty VALUE clears a parameter whose schema has an empty value (a date '' or a number null). */
function emptyValue(key: ParamKey): { ok: true; value: unknown } | null {
  for (const candidate of ['', null]) {
    if (fieldSchema(key).safeParse(candidate).success) return { ok: true, value: candidate };
  }
  return null;
}

const NUMBER = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;
const TRUE = ['true', '1', 'yes', '是'];
const FALSE = ['false', '0', 'no', '否'];

/** Reads VALUE per the parameter's kind (full-width digits and commas normalised). */
function parseValue(key: ParamKey, raw: string): Parsed {
  const text = raw.normalize('NFKC').trim();
  const meta = PARAM_META[key];
  switch (meta.kind) {
    case 'years': {
      const parts = text.split(/[,、\s]+/).filter(Boolean);
      if (parts.length === 0) return bad('年份列表为空', 'the list of years is empty');
      const notYears = parts.filter((p) => !/^[+-]?\d+$/.test(p));
      if (notYears.length > 0) {
        const list = notYears.map((p) => `“${p}”`).join('、');
        return bad(`${list} 不是整数年份`, `${notYears.map((p) => `'${p}'`).join(', ')} not a whole year`);
      }
      const years = parts.map(Number);
      const twice = [...new Set(years.filter((y, i) => years.indexOf(y) !== i))];
      if (twice.length > 0) {
        return bad(`年份 ${twice.join('、')} 重复`, `year ${twice.join(', ')} listed twice`);
      }
      return { ok: true, value: years };
    }
    case 'number': {
      if (text === '') return emptyValue(key) ?? bad('值为空，须为数字', 'empty; a number is needed');
      const n = Number(text);
      if (!NUMBER.test(text) || !Number.isFinite(n)) return bad(`“${raw}” 不是数字`, `'${raw}' is not a number`);
      return { ok: true, value: n };
    }
    case 'boolean': {
      const word = text.toLowerCase();
      if (TRUE.includes(word)) return { ok: true, value: true };
      if (FALSE.includes(word)) return { ok: true, value: false };
      return bad(
        `“${raw}” 不是是/否（可写 true/false、1/0、yes/no、是/否）`,
        `'${raw}' is not yes/no (write true/false, 1/0, yes/no, 是/否)`,
      );
    }
    case 'date': {
      if (text === '')
        return emptyValue(key) ?? bad('值为空，须为日期 YYYY-MM-DD', 'empty; a date YYYY-MM-DD is needed');
      if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) {
        return bad(`“${raw}” 不是日期（YYYY-MM-DD）`, `'${raw}' is not a date (YYYY-MM-DD)`);
      }
      return { ok: true, value: text };
    }
    case 'enum': {
      const options = meta.options ?? [];
      if (options.length === 0 || options.some((o) => o.value === text)) return { ok: true, value: text };
      const list = options.map((o) => o.value);
      return bad(
        `“${raw}” 不是可选值（${list.join('、')}）`,
        `'${raw}' is not one of the options (${list.join(', ')})`,
      );
    }
  }
}

/** What the schema says of a value, in both languages (its own English when we have no words for it). */
function issueMessage(issue: z.core.$ZodIssue, value: unknown): Localized {
  // The value refused: the list's element when the issue is about one, the value itself when it is not a list.
  const at = Array.isArray(value) ? (issue.path.length > 0 ? value[Number(issue.path[0])] : undefined) : value;
  const prefix = (m: Localized): Localized =>
    at === undefined ? m : L(`${JSON.stringify(at)}：${m.zh}`, `${JSON.stringify(at)}: ${m.en}`);
  switch (issue.code) {
    case 'too_small':
      return issue.origin === 'array'
        ? L(`至少 ${String(issue.minimum)} 项`, `at least ${String(issue.minimum)} item(s)`)
        : prefix(L(`不能小于 ${String(issue.minimum)}`, `must be at least ${String(issue.minimum)}`));
    case 'too_big':
      return issue.origin === 'array'
        ? L(`最多 ${String(issue.maximum)} 项`, `at most ${String(issue.maximum)} item(s)`)
        : prefix(L(`不能大于 ${String(issue.maximum)}`, `must be at most ${String(issue.maximum)}`));
    case 'invalid_type':
      return issue.expected === 'int'
        ? prefix(L('须为整数', 'must be a whole number'))
        : prefix(L(`类型不对（应为 ${issue.expected}）`, `wrong type (expected ${issue.expected})`));
    default:
      return prefix(
        issue.code === 'custom' ? customMessage(issue.message, issue.params) : L(issue.message, issue.message),
      );
  }
}

/** A refinement's message: its own words (params.ts gives every one `params: { zh, en }`). */
function customMessage(message: string, params?: unknown): Localized {
  const own = params as Partial<Localized> | undefined;
  return typeof own?.zh === 'string' && typeof own.en === 'string' ? L(own.zh, own.en) : L(message, message);
}

/** Reads every `--set` argument; the changes when all are good, else every problem found. */
function readChanges(args: readonly string[]): { changes: Partial<Params2020>; problems: Problem[] } {
  const changes: Record<string, unknown> = {};
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const arg of args) {
    const eq = arg.indexOf('=');
    if (eq < 0) {
      problems.push({ key: arg, message: L(`“${arg}” 应写成 键=值`, `'${arg}' must be KEY=VALUE`) });
      continue;
    }
    const key = arg.slice(0, eq).normalize('NFKC').trim();
    const raw = arg.slice(eq + 1);
    const meta = metaOf(key);
    if (!meta) {
      const near = keys().find((k) => k.toLowerCase() === key.toLowerCase());
      problems.push({
        key,
        message: near
          ? L(`没有参数 “${key}”，是否指 ${near}？`, `no parameter '${key}'; did you mean ${near}?`)
          : L(`没有参数 “${key}”（dossier params 列出全部参数）`, `no parameter '${key}' (dossier params lists them)`),
      });
      continue;
    }
    if (seen.has(key)) {
      problems.push({ key, message: L('--set 给了不止一次', '--set more than once') });
      continue;
    }
    seen.add(key);
    const parsed = parseValue(key as ParamKey, raw);
    if (!parsed.ok) {
      problems.push({ key, message: parsed.message });
      continue;
    }
    const checked = fieldSchema(key as ParamKey).safeParse(parsed.value);
    if (!checked.success) {
      for (const issue of checked.error.issues) problems.push({ key, message: issueMessage(issue, parsed.value) });
      continue;
    }
    changes[key] = checked.data;
  }
  return { changes: changes as Partial<Params2020>, problems };
}

function invalid(problems: Problem[]): ApiError {
  const issues: Issue[] = problems.map((p) => ({
    path: p.key,
    message: metaOf(p.key)
      ? L(`${fieldName(p.key, 'zh')}：${p.message.zh}`, `${fieldName(p.key, 'en')}: ${p.message.en}`)
      : p.message,
  }));
  return {
    code: 'invalid_params',
    message: L('参数无效，未作修改：', 'Invalid parameters; nothing was changed:'),
    issues,
  };
}

/** Refusals: `{ ok: false, error }` on stdout with --json, else the message and one line per problem on stderr. */
function refuse(o: ParamsOptions, error: ApiError): number {
  if (o.json) return reportFailure(o, error, 2);
  console.error(error.message[o.lang]);
  for (const issue of error.issues ?? []) console.error(`  ${issue.message[o.lang]}`);
  return 2;
}

export function runParams(o: ParamsOptions): number {
  const say = (t: Localized) => t[o.lang];
  if (o.extra.length > 0) {
    return refuse(o, {
      code: 'wrong_usage',
      message: L(
        `多余的参数：${o.extra.join(' ')}（修改请用 dossier params --set 键=值）`,
        `Unexpected argument: ${o.extra.join(' ')} (to change one: dossier params --set KEY=VALUE)`,
      ),
    });
  }
  // Reading or setting, the workspace must exist: a parameter is never the reason to make one.
  if (!existsSync(path.join(o.dataDir, DATABASE_FILE))) {
    return refuse(o, {
      code: 'no_workspace',
      message: L(
        `${o.dataDir} 中没有工作区（可先运行 dossier init，或在应用中新建档案）。`,
        `There is no workspace in ${o.dataDir} (run dossier init, or create an archive in the app).`,
      ),
    });
  }
  const { changes, problems } = readChanges(o.set);
  if (problems.length > 0) return refuse(o, invalid(problems));

  // Only --set writes: showing opens the database read-only.
  const workspace = openWorkspace(o.dataDir, { readOnly: o.set.length === 0 });
  try {
    if (o.set.length === 0) return show(o, getParams(workspace.db), paramLog(workspace.db));
    // Every value has passed its own check: what is left are the cross-field checks, which setParams runs
    // (in the pack's own words) before it saves anything.
    let result: ReturnType<typeof setParams>;
    try {
      result = setParams(workspace.db, { params: changes });
    } catch (e) {
      if (!(e instanceof DossierError) || e.code !== 'invalid_params') throw e;
      const issues = (e.issues ?? []).map((i) => ({ key: i.path.split('.')[0] ?? i.path, message: i.message }));
      return refuse(o, invalid(issues));
    }
    if (o.json) {
      const body: ParamsSetJson = { changes: result.changes, params: result.params };
      process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
      return 0;
    }
    if (result.changes.length === 0) {
      console.log(
        say(L('未作修改：所给的值与当前值相同。', 'Nothing changed: the values given are the current ones.')),
      );
      return 0;
    }
    console.log(say(L(`已修改 ${result.changes.length} 项参数：`, `Changed ${result.changes.length} parameter(s):`)));
    for (const c of result.changes) {
      const sep = o.lang === 'zh' ? '：' : ': ';
      console.log(
        `  ${fieldName(c.key, o.lang)}${sep}${formatParamValue(c.key, c.old, o.lang)} → ${formatParamValue(c.key, c.new, o.lang)}`,
      );
    }
    return 0;
  } finally {
    closeWorkspace(workspace);
  }
}

function show(o: ParamsOptions, params: Params2020, log: ParamChange[]): number {
  const say = (t: Localized) => t[o.lang];
  if (o.json) {
    const body: ParamsJson = {
      params,
      defaults: DEFAULT_PARAMS_2020,
      meta: Object.fromEntries(
        keys().map((k) => {
          const m = PARAM_META[k];
          return [
            k,
            {
              kind: m.kind,
              label: m.label,
              source: m.source,
              confidence: m.confidence,
              ...(m.options ? { options: m.options } : {}),
            },
          ];
        }),
      ),
      log,
    };
    process.stdout.write(`${JSON.stringify(body, null, 2)}\n`);
    return 0;
  }
  const width = Math.max(...keys().map((k) => k.length));
  const changed = keys().filter((k) => !same(params[k], DEFAULT_PARAMS_2020[k]));
  const lines = [
    say(
      L(
        `规则包参数：${say(PACK_2020.title)}（${PACK_2020.id} ${PACK_2020.version}）；工作区 ${o.dataDir}`,
        `Rule pack parameters: ${say(PACK_2020.title)} (${PACK_2020.id} ${PACK_2020.version}); workspace ${o.dataDir}`,
      ),
    ),
  ];
  for (const k of keys()) {
    const m = PARAM_META[k];
    const isChanged = changed.includes(k);
    const value = formatParamValue(k, params[k], o.lang);
    const fallback = formatParamValue(k, DEFAULT_PARAMS_2020[k], o.lang);
    const notes = say(
      L(
        `（${CONFIDENCE[m.confidence].zh}；来源 ${m.source}${isChanged ? `；默认 ${fallback}` : ''}）`,
        `(${CONFIDENCE[m.confidence].en}; source ${m.source}${isChanged ? `; default ${fallback}` : ''})`,
      ),
    );
    lines.push(`${isChanged ? '*' : ' '} ${k.padEnd(width)}  ${say(m.label)} = ${value}  ${notes}`);
  }
  lines.push(
    '',
    say(
      L(
        `共 ${keys().length} 项；标 * 的 ${changed.length} 项不同于默认值。修改记录 ${log.length} 条（--json 可查看）。`,
        `${keys().length} parameters; ${changed.length} marked * differ from the default. ${log.length} logged change(s) (see --json).`,
      ),
    ),
    say(L('修改：dossier params --set 键=值 …', 'To change: dossier params --set KEY=VALUE …')),
  );
  console.log(lines.join('\n'));
  return 0;
}
