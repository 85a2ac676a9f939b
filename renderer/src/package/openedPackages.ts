// Packages the OS hands to the desktop app (a double-clicked .zcpkg, a second launch, macOS open-file):
// the preload queues their paths until the page listens (window.dossier.onOpenFile); each is opened with
// package:openPath and waits here until the verify screen takes it. The editor goes to that screen when
// one arrives; an empty workspace's welcome screen shows it in place. The browser mode has no such event.
import { useSyncExternalStore } from 'react';
import type { ApiError } from '../../../shared/api/contract.js';
import { call, type PackageUpload } from '../api.js';
import { asApiError } from '../jobs/tracker.js';

export type OpenedPackage =
  | { kind: 'opening'; file: string }
  | { kind: 'ready'; file: string; upload: PackageUpload }
  | { kind: 'failed'; file: string; error: ApiError };

let current: OpenedPackage | null = null;
const listeners = new Set<() => void>();

function set(value: OpenedPackage | null): void {
  current = value;
  for (const listener of listeners) listener();
}

const subscribe = (listener: () => void) => {
  listeners.add(listener);
  return () => void listeners.delete(listener);
};

/** Listens for packages the OS opens with the app; returns the function that stops (desktop only). */
export function listenForOpenedPackages(): () => void {
  const onOpenFile = window.dossier?.onOpenFile;
  if (!onOpenFile) return () => {};
  return onOpenFile((file) => {
    set({ kind: 'opening', file });
    call('package:openPath', { path: file }).then(
      (upload) => {
        if (current?.kind === 'opening' && current.file === file) set({ kind: 'ready', file, upload });
      },
      (e: unknown) => {
        if (current?.kind === 'opening' && current.file === file) set({ kind: 'failed', file, error: asApiError(e) });
      },
    );
  });
}

/** The package waiting to be shown, re-rendering when one arrives. */
export const useOpenedPackage = (): OpenedPackage | null => useSyncExternalStore(subscribe, () => current);

/** Takes an opened (or failed) package off the queue; one still opening stays until it is ready. */
export function takeOpenedPackage(): OpenedPackage | null {
  const value = current;
  if (value && value.kind !== 'opening') set(null);
  return value;
}
