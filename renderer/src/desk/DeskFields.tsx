// The desk's data as a form (issue 17, item 1): which kind of desk, then the city (city bureau, personnel
// agency route) or the competent department it takes units of, its name and the person responsible. The
// labels, kinds and lengths come from shared/desk/schema.ts (one place, as the CLI's refusals say them);
// each field shows its own problem (missing, or refused by the core) beside it, named for screen readers.
import { Form, Input, Radio } from 'antd';
import type { Issue } from '../../../shared/api/contract.js';
import { DESK_FIELDS, DESK_KIND_LABELS, DESK_KINDS, DeskProfile } from '../../../shared/desk/schema.js';
import { useT } from '../i18n.js';

export const EMPTY_DESK: DeskProfile = { kind: 'city_bureau', name: '', city: '', department: '', responsible: '' };

/** The form's id of a field, as the core's issues name it (desk.city, or profile.city for a refusal). */
export const deskFieldId = (field: keyof DeskProfile) => `desk-field-${field}`;

/** The field an issue of the core names (desk.x from deskProfileProblems, profile.x from the contract). */
export const issueField = (issue: Issue): keyof DeskProfile | null => {
  const field = issue.path.replace(/^(desk|profile)\./, '').split('.')[0] ?? '';
  return field in DESK_FIELDS ? (field as keyof DeskProfile) : null;
};

/** The longest each text field may be (the schema's own limits, so the form never sends what it refuses). */
const maxOf = (field: Exclude<keyof DeskProfile, 'kind'>): number => DeskProfile.shape[field].maxLength ?? 100;

export interface DeskFieldsProps {
  value: DeskProfile;
  onChange: (change: Partial<DeskProfile>) => void;
  /** Problems to show, each at the field it names. */
  problems: readonly Issue[];
  /** A refusal (error) or what is still missing (warning). */
  severity: 'error' | 'warning';
  hints?: Partial<Record<keyof DeskProfile, string>>;
}

export function DeskFields({ value, onChange, problems, severity, hints = {} }: DeskFieldsProps) {
  const { pick } = useT();
  const item = (field: keyof DeskProfile, control: (props: Record<string, unknown>) => React.ReactNode) => {
    const id = deskFieldId(field);
    const mine = problems.filter((p) => issueField(p) === field);
    const helpId = `${id}-help`;
    const hintId = `${id}-hint`;
    const describedBy = [mine.length > 0 ? helpId : '', hints[field] ? hintId : ''].filter(Boolean).join(' ');
    return (
      <Form.Item
        key={field}
        label={field === 'kind' ? <span id={`${id}-label`}>{pick(DESK_FIELDS[field])}</span> : pick(DESK_FIELDS[field])}
        htmlFor={field === 'kind' ? undefined : id}
        required={field !== 'kind'}
        validateStatus={mine.length > 0 ? severity : ''}
        help={
          mine.length > 0 ? (
            <div id={helpId} data-testid={`${id}-problem`}>
              {mine.map((p, i) => (
                <div key={i}>{pick(p.message)}</div>
              ))}
            </div>
          ) : undefined
        }
        extra={hints[field] ? <span id={hintId}>{hints[field]}</span> : undefined}
      >
        {control({
          id,
          'data-testid': id,
          ...(describedBy ? { 'aria-describedby': describedBy } : {}),
          ...(mine.length > 0 && severity === 'error' ? { 'aria-invalid': true } : {}),
        })}
      </Form.Item>
    );
  };
  const text = (field: Exclude<keyof DeskProfile, 'kind'>) =>
    item(field, (props) => (
      <Input
        {...props}
        value={value[field]}
        maxLength={maxOf(field)}
        onChange={(e) => onChange({ [field]: e.target.value })}
      />
    ));
  return (
    <>
      {item('kind', (props) => (
        <Radio.Group
          {...props}
          aria-labelledby={`${deskFieldId('kind')}-label`}
          value={value.kind}
          onChange={(e) => onChange({ kind: e.target.value as DeskProfile['kind'] })}
          options={DESK_KINDS.map((kind) => ({
            value: kind,
            label: <span data-testid={`desk-kind-${kind}`}>{pick(DESK_KIND_LABELS[kind])}</span>,
          }))}
        />
      ))}
      {value.kind === 'competent_department' ? text('department') : text('city')}
      {text('name')}
      {text('responsible')}
    </>
  );
}
