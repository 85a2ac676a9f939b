// The twelve materials at a glance: each a link to its card below, coloured by the unit's mark (通过 green,
// 退回 red, not yet marked grey), with the count still to mark — where the officer stands in one line.
import { Typography } from 'antd';
import type { MaterialStatus } from '../../../../shared/materials/requirements.js';
import type { MaterialDecision } from '../../../../shared/unit/schema.js';
import { useT } from '../../i18n.js';
import { goToMaterial, materialCardId } from './MaterialCard.js';

export interface MaterialNavProps {
  materials: readonly MaterialStatus[];
  /** The unit's marks; without it (the desk does not mark materials) neither counts nor marks are shown. */
  decisionOf?: (material: string) => MaterialDecision | null;
}

const unmarked = () => null;

export function MaterialNav({ materials, decisionOf = unmarked }: MaterialNavProps) {
  const isMarking = decisionOf !== unmarked;
  const { t, pick } = useT();
  const needed = materials.filter((m) => m.state !== 'not-needed');
  const accepted = needed.filter((m) => decisionOf(m.id) === 'accepted').length;
  const returned = materials.filter((m) => decisionOf(m.id) === 'returned').length;
  return (
    <nav className="uw-material-nav" aria-label={t('uw_materialsNav')} data-testid="uw-material-nav">
      {isMarking && (
        <Typography.Text className="uw-material-count" data-testid="uw-material-count">
          {t('uw_markedCount', { accepted, n: needed.length, returned })}
        </Typography.Text>
      )}
      <ul>
        {materials.map((m) => {
          const decision = decisionOf(m.id);
          const state = decision ?? (m.state === 'not-needed' ? 'not-needed' : 'none');
          return (
            <li key={m.id}>
              <a
                href={`#${materialCardId(m.id)}`}
                className={`uw-material-chip uw-chip-${state}`}
                onClick={(e) => {
                  e.preventDefault();
                  goToMaterial(m.id);
                }}
                title={pick(m.label)}
                aria-label={
                  isMarking
                    ? `${m.id} ${pick(m.label)}${t('commaSep')}${t(
                        decision === 'accepted'
                          ? 'uw_markAccepted'
                          : decision === 'returned'
                            ? 'uw_markReturned'
                            : 'uw_markNone',
                      )}`
                    : `${m.id} ${pick(m.label)}`
                }
                data-testid={`uw-chip-${m.id}`}
                data-state={state}
              >
                {m.id}
              </a>
            </li>
          );
        })}
      </ul>
    </nav>
  );
}
