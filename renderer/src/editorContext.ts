// What every screen of the editor needs: the archive as typed, the edit operations, and the problems
// found in it, indexed by path so that each field finds its own in constant time.
import { createContext, useContext } from 'react';
import type { Problem } from '../../shared/archive/problems.js';
import type { ArchiveDocument } from '../../shared/archive/schema.js';
import type { ArchiveApi } from './useArchive.js';
import type { ScreenHistory } from './useEditHistory.js';

export type EditOps = Omit<ArchiveApi, 'load' | 'save' | 'reload'>;

export interface EditorValue {
  archive: ArchiveDocument;
  ops: EditOps;
  problems: readonly Problem[];
  problemsByPath: ReadonlyMap<string, readonly Problem[]>;
  /** The current screen's undo / redo (issue 15); absent where nothing is edited (a unit's read-only views). */
  history?: ScreenHistory;
}

export const EditorContext = createContext<EditorValue | null>(null);

export function useEditor(): EditorValue {
  const value = useContext(EditorContext);
  if (!value) throw new Error('useEditor outside the editor');
  return value;
}

const NONE: readonly Problem[] = [];

/** Problems whose path is exactly `path` (one field). */
export function useFieldProblems(path: string): readonly Problem[] {
  return useEditor().problemsByPath.get(path) ?? NONE;
}

export function indexProblems(problems: readonly Problem[]): Map<string, Problem[]> {
  const byPath = new Map<string, Problem[]>();
  for (const problem of problems) {
    const list = byPath.get(problem.path);
    if (list) list.push(problem);
    else byPath.set(problem.path, [problem]);
  }
  return byPath;
}
