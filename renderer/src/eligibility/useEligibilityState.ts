// Runs the 2020 rule pack in the renderer on the archive as typed (the same engine as the CLI), with the
// workspace's parameters and the applicant's attachment links, both read once and refreshed on demand.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { ParamChange } from '../../../shared/api/contract.js';
import type { ArchiveDocument } from '../../../shared/archive/schema.js';
import { runPack } from '../../../shared/rules/engine.js';
import { DEFAULT_PARAMS_2020, PACK_2020, type Params2020 } from '../../../shared/rules/pack2020/index.js';
import type { RuleLink } from '../../../shared/rules/types.js';
import { currentLinks } from '../../../shared/attachments/current.js';
import { ATTACHMENTS_CHANGED, call } from '../api.js';

export function useEligibilityState(applicantId: string, archive: ArchiveDocument, today: string, refreshKey: string) {
  const [params, setParams] = useState<Params2020>(DEFAULT_PARAMS_2020);
  const [links, setLinks] = useState<RuleLink[] | null>(null);
  const [log, setLog] = useState<ParamChange[]>([]);
  const [isReady, setReady] = useState(false);

  useEffect(() => {
    let live = true;
    void Promise.all([
      call('rules:getParams', {}).then((r) => live && setParams(r.params)),
      call('rules:paramLog', {}).then((r) => live && setLog(r.entries)),
    ])
      .catch(() => undefined)
      .finally(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, []);

  // Links change on the attachments and materials screens: re-read them whenever the screen changes and
  // whenever anything changes an attachment (api.ts announces it).
  const [attachmentsVersion, setAttachmentsVersion] = useState(0);
  useEffect(() => {
    const bump = () => setAttachmentsVersion((v) => v + 1);
    window.addEventListener(ATTACHMENTS_CHANGED, bump);
    return () => window.removeEventListener(ATTACHMENTS_CHANGED, bump);
  }, []);
  useEffect(() => {
    let live = true;
    call('attachments:list', { applicantId })
      .then(({ attachments }) => {
        if (!live) return;
        setLinks(currentLinks(attachments));
      })
      .catch(() => live && setLinks(null));
    return () => {
      live = false;
    };
  }, [applicantId, refreshKey, attachmentsVersion]);

  const report = useMemo(() => runPack(PACK_2020, { archive, links, params, today }), [archive, links, params, today]);

  const saveParams = useCallback(async (change: Partial<Params2020>) => {
    const result = await call('rules:setParams', { params: change });
    setParams(result.params);
    const fresh = await call('rules:paramLog', {});
    setLog(fresh.entries);
  }, []);

  return { report, params, isReady, hasLinks: links !== null, saveParams, log };
}
