// STUB (issue 7, intake): the unit's own data, kept in the setting table.
import type { Issue } from '../../../shared/api/contract.js';
import type { UnitProfile } from '../../../shared/unit/schema.js';
import type { Workspace } from '../workspace.js';
import { notBuilt } from './mode.js';

export function getUnitProfile(_w: Workspace): { profile: UnitProfile | null; problems: Issue[] } {
  return notBuilt('unit:get');
}
export function setUnitProfile(_w: Workspace, _profile: UnitProfile): { problems: Issue[] } {
  return notBuilt('unit:set');
}
