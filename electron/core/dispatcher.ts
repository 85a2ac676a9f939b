// The one dispatcher behind IPC and HTTP: validate the input against the contract, call the service,
// validate the output, and return errors as values the UI can show.
import { contract, isMethod, type ApiResult, type Method } from '../../shared/api/contract.js';
import { DossierError, explainFailure, logFailure, type FailureContext } from './errors.js';
import { handlers } from './handlers.js';
import type { Workspace } from './workspace.js';
import { toIssues } from './zodIssues.js';

export async function dispatch(workspace: Workspace, method: string, input: unknown): Promise<ApiResult<unknown>> {
  if (!isMethod(method)) {
    return fail(new DossierError('unknown_method', { zh: `未知的操作：${method}`, en: `Unknown method: ${method}` }));
  }
  const spec = contract[method];
  const parsed = spec.input.safeParse(input, { reportInput: true });
  if (!parsed.success) {
    const issues = toIssues(parsed.error);
    return fail(
      new DossierError(
        'invalid_input',
        {
          zh: `输入有误：${issues.map((i) => `${i.path}: ${i.message.zh}`).join('；')}`,
          en: `Invalid input: ${issues.map((i) => `${i.path}: ${i.message.en}`).join('; ')}`,
        },
        issues,
      ),
    );
  }
  const handler = handlers[method] as (w: Workspace, input: unknown) => unknown;
  return callService<unknown>(
    method,
    () => handler(workspace, parsed.data),
    spec.output as { parse(v: unknown): unknown },
    { dataDir: workspace.dataDir },
  );
}

/**
 * Runs a service and returns its value checked against the contract, or its error as a value. Shared with
 * the routes that carry bytes rather than JSON (POST /api/upload), so they answer exactly like a method.
 */
export async function callService<T>(
  label: string,
  run: () => unknown,
  output: { parse(value: unknown): T },
  where: FailureContext = {},
): Promise<ApiResult<T>> {
  try {
    const value = await run();
    // An output that breaks the contract is our bug: fail loudly rather than hand the UI bad data.
    return { ok: true, value: output.parse(value) };
  } catch (e) {
    if (e instanceof DossierError) return fail(e);
    // A full disk or a damaged database is said in the user's words (never SQLite's English errno text in
    // a Chinese message); the server's log gets one line, not a stack trace (issue 13).
    logFailure(label, e, where);
    return fail(explainFailure(e, where));
  }
}

function fail(error: DossierError): ApiResult<never> {
  return { ok: false, error: error.toApiError() };
}

export type { Method };
