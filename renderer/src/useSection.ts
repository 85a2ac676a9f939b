// A singleton section of the archive and a setter that saves a change of some of its fields.
import type { SectionName, Sections } from '../../shared/archive/schema.js';
import { useEditor } from './editorContext.js';

export function useSection<K extends SectionName>(name: K): [Sections[K], (patch: Partial<Sections[K]>) => void] {
  const { archive, ops } = useEditor();
  return [archive[name], (patch) => ops.setSection(name, patch)];
}
