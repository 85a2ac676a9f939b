// The browser mode's HTTP boundary, method by method (issue 13, item 6): exactly the methods that read a
// local path named in their input are refused over HTTP, and a malformed URL is the caller's 400 — never a
// 500 with a URIError stack in the log.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contract, DESKTOP_ONLY_METHODS } from '../../shared/api/contract.js';
import { startServer, type Server } from '../../electron/serve.js';
import { rawRequest } from '../helpers/http.js';
import { tempWorkspace } from '../helpers/workspace.js';

/**
 * Every method of the contract, reviewed: REFUSED read the local disk by a path in their input (desktop
 * dialog or CLI only); ALLOWED do not. A new method fails the first test until it is put in one list —
 * decide by its input: a path, a folder or a file name outside the workspace means REFUSED.
 */
const REFUSED = ['attachments:addPaths', 'package:openPath', 'unit:importFolder', 'desk:importFolder'];
const ALLOWED = [
  'archive:create',
  'archive:delete',
  'archive:exportJson',
  'archive:get',
  'archive:importJson',
  'archive:loadSample',
  'archive:saveSection',
  'attachments:cropPhoto',
  'attachments:cropPreview',
  'attachments:delete',
  'attachments:deletePage',
  'attachments:fit',
  'attachments:get',
  'attachments:link',
  'attachments:list',
  'attachments:merge',
  'attachments:rename',
  'attachments:reorderPages',
  'attachments:restore',
  'attachments:rotate',
  'attachments:split',
  'attachments:unlink',
  'backup:create',
  'backup:list',
  'backup:restore',
  'backup:verify',
  'desk:batches',
  'desk:get',
  'desk:import',
  'desk:set',
  'desk:accept',
  'desk:addComment',
  'desk:applicants',
  'desk:deleteComment',
  'desk:return',
  'desk:review',
  'desk:setCheck',
  'desk:setStatus',
  'desk:passOnBatches',
  'desk:committees',
  'desk:passOnPlan',
  'desk:recommendation',
  'desk:setRecommendation',
  'desk:submit',
  'doctor:check',
  'forms:list',
  'forms:start',
  'jobs:cancel',
  'jobs:status',
  'keys:create',
  'keys:exportBackup',
  'keys:importBackup',
  'keys:status',
  'package:export',
  'package:import',
  'package:list',
  'package:staleness',
  'package:precheck',
  'package:verify',
  'postInfo:get',
  'postInfo:set',
  'records:delete',
  'records:dependents',
  'records:move',
  'records:put',
  'records:restore',
  'review:received',
  'rules:getParams',
  'rules:paramLog',
  'rules:setParams',
  'store:health',
  'store:repair',
  'store:verify',
  'store:verifyStart',
  'trash:list',
  'unit:acceptKey',
  'unit:addComment',
  'unit:applicants',
  'unit:batches',
  'unit:cancelPublicity',
  'unit:checkReturnComment',
  'unit:deleteComment',
  'unit:deletePublicity',
  'unit:editPublicity',
  'unit:f4',
  'unit:get',
  'unit:import',
  'unit:keyChanges',
  'unit:markMaterial',
  'unit:publicities',
  'unit:publicityForms',
  'unit:publicityPlan',
  'unit:publicize',
  'unit:recommendedPeople',
  'unit:recordObjection',
  'unit:rejectKey',
  'unit:return',
  'unit:review',
  'unit:set',
  'unit:setOpinion',
  'unit:setStatus',
  'unit:submit',
  'uploadProfile:get',
  'uploadProfile:set',
  'workspace:setLocale',
  'workspace:setMode',
  'workspace:status',
];

let server: Server;
beforeEach(async () => {
  server = await startServer({ workspace: tempWorkspace() });
});
afterEach(() => server.close());

const api = (method: string, input: unknown) =>
  rawRequest(server.port, 'POST', `/api/${method}`, {
    headers: { 'content-type': 'application/json', 'x-dossier-token': server.token },
    body: JSON.stringify(input),
  });

const json = (reply: { body: Buffer }) =>
  JSON.parse(reply.body.toString()) as { ok: boolean; error?: { code: string } };

describe('HTTP boundary, per method', () => {
  it('lists every contract method once, as refused or allowed over HTTP', () => {
    expect([...REFUSED, ...ALLOWED].sort()).toEqual(Object.keys(contract).sort());
    expect([...DESKTOP_ONLY_METHODS].sort()).toEqual([...REFUSED].sort());
  });

  it('refuses exactly the desktop-only methods, before reading their input', async () => {
    // An input no method takes (every input is a strict object): an allowed method answers invalid_input
    // from the dispatcher, having done nothing; a refused one never gets that far.
    const probe = { probe: '/etc' };
    const outcome: Record<string, string> = {};
    for (const method of Object.keys(contract)) {
      const reply = await api(method, probe);
      const body = json(reply);
      outcome[method] = `${reply.status} ${body.error?.code ?? 'ok'}`;
    }
    const expected = Object.fromEntries(
      Object.keys(contract).map((m) => [m, REFUSED.includes(m) ? '403 desktop_only' : '200 invalid_input']),
    );
    expect(outcome).toEqual(expected);
  });

  it('refuses unit:importFolder over HTTP even with a real folder', async () => {
    const reply = await api('unit:importFolder', { path: '/tmp' });
    expect(reply.status).toBe(403);
    expect(json(reply)).toMatchObject({ ok: false, error: { code: 'desktop_only' } });
    // The method name percent-encoded is still the same method.
    const encoded = await api('unit%3AimportFolder', { path: '/tmp' });
    expect(encoded.status).toBe(403);
  });
});

describe('malformed URLs', () => {
  it.each([
    ['GET', '/%E0%A4%A'],
    ['GET', '/assets/%FF.js'],
    ['GET', '/%'],
    ['POST', '/api/%E0%A4%A'],
    ['POST', '/api/unit%3AimportFolder%'],
    ['GET', '/packages/%E0%A4%A.zcpkg?token=TOKEN'],
    ['GET', '/batches/%C3.zip?token=TOKEN'],
    ['GET', '/files/%E0%A4%A?token=TOKEN'],
  ])('%s %s answers 400 and logs no stack', async (method, urlPath) => {
    const errors = vi.spyOn(console, 'error');
    try {
      const reply = await rawRequest(server.port, method, urlPath.replace('TOKEN', server.token), {
        headers: { 'content-type': 'application/json', 'x-dossier-token': server.token },
        ...(method === 'POST' ? { body: '{}' } : {}),
      });
      expect(reply.status).toBe(400);
      expect(json(reply)).toMatchObject({ ok: false, error: { code: 'bad_url' } });
      expect(errors).not.toHaveBeenCalled();
    } finally {
      errors.mockRestore();
    }
  });
});
