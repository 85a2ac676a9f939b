// State kept by a module rather than a component (a many-files import on its way: the unit's importBatch,
// the desk's deskReceive), so that leaving its screen and coming back finds it still going. Components read
// it with `use` and re-render on each change.
import { useSyncExternalStore } from 'react';

export interface ModuleStore<T extends object> {
  get: () => T;
  /** Merges a change into the state and tells every reader. */
  set: (change: Partial<T>) => void;
  use: () => T;
}

export function moduleStore<T extends object>(initial: T): ModuleStore<T> {
  let state = initial;
  const listeners = new Set<() => void>();
  const subscribe = (listener: () => void) => {
    listeners.add(listener);
    return () => void listeners.delete(listener);
  };
  const get = () => state;
  return {
    get,
    set: (change) => {
      state = { ...state, ...change };
      for (const listener of listeners) listener();
    },
    use: () => useSyncExternalStore(subscribe, get),
  };
}
