// One editing tab per workspace. Two tabs on the same archive would each save their own stale copy of a
// section over the other's edits (seen: a phone number typed in one tab lost to an e-mail typed in the
// other). The newest tab takes over; an older one pauses until the user brings editing back to it.
import { useCallback, useEffect, useRef, useState } from 'react';

const CHANNEL = 'dossier.workspace';

export function useSingleTab(): { isPaused: boolean; takeOver: () => void } {
  const [isPaused, setPaused] = useState(false);
  const channel = useRef<BroadcastChannel | null>(null);

  useEffect(() => {
    if (typeof BroadcastChannel === 'undefined') return;
    const ch = new BroadcastChannel(CHANNEL);
    channel.current = ch;
    ch.onmessage = (event: MessageEvent<unknown>) => {
      if (event.data === 'opened') setPaused(true);
    };
    ch.postMessage('opened');
    return () => ch.close();
  }, []);

  const takeOver = useCallback(() => {
    channel.current?.postMessage('opened');
    // Reload so this tab shows what the other one saved; the tab keeps its token (sessionStorage).
    window.location.reload();
  }, []);

  return { isPaused, takeOver };
}
