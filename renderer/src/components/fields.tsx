// The field kinds of the archive's forms, each a labelled control bound to one value. Controlled by the
// editor's state; a control that must hold text the archive cannot store yet (a half-typed date, hours
// that are not a number) keeps it locally and sends nothing until it is storable.
import { Col, Input, Select, Switch } from 'antd';
import { useState } from 'react';
import type { Localized } from '../../../shared/api/contract.js';
import { useT } from '../i18n.js';
import { FieldItem } from './FieldItem.js';
import { normalizeDate, parseHours, parseInteger, withDashes } from './parse.js';

interface Base<V> {
  path: string;
  label: string;
  hint?: string | undefined;
  value: V;
  onChange: (value: V) => void;
}

export function TextField({
  maxLength,
  placeholder,
  autoComplete,
  ...item
}: Base<string> & { maxLength?: number; placeholder?: string; autoComplete?: string }) {
  return (
    <FieldItem {...item}>
      {(control) => (
        <Input
          {...control}
          value={item.value}
          maxLength={maxLength}
          placeholder={placeholder}
          autoComplete={autoComplete ?? 'off'}
          onChange={(e) => item.onChange(e.target.value)}
        />
      )}
    </FieldItem>
  );
}

export function TextAreaField({
  maxLength,
  minRows = 3,
  ...item
}: Base<string> & { maxLength?: number; minRows?: number }) {
  return (
    <FieldItem {...item}>
      {(control) => (
        <Input.TextArea
          {...control}
          value={item.value}
          maxLength={maxLength}
          autoSize={{ minRows, maxRows: 12 }}
          onChange={(e) => item.onChange(e.target.value)}
        />
      )}
    </FieldItem>
  );
}

/**
 * A choice among an enum's values; '' means not chosen yet. Clearing is an option of the list (（不选）)
 * rather than antd's hover-only × button, which was a hidden Tab stop labelled "Clear" in English that
 * swallowed the next keystrokes of keyboard users.
 */
export function SelectField<T extends string>({
  labels,
  allowClear = true,
  ...item
}: Base<T | ''> & { labels: { readonly [K in T]: Localized }; allowClear?: boolean }) {
  const { t, lang } = useT();
  const options = [
    ...(allowClear && item.value !== '' ? [{ value: '' as T | '', label: t('notChosen') }] : []),
    ...(Object.keys(labels) as T[]).map((value) => ({ value: value as T | '', label: labels[value][lang] })),
  ];
  return (
    <FieldItem {...item}>
      {(control) => (
        <Select<T | ''>
          {...control}
          value={item.value === '' ? undefined : item.value}
          options={options}
          // Typing 本科 and Enter must pick 本科, not the first option (antd ignores typing otherwise).
          showSearch={{ optionFilterProp: 'label' }}
          placeholder={t('select')}
          onChange={(value) => item.onChange(value ?? '')}
          style={{ width: '100%' }}
        />
      )}
    </FieldItem>
  );
}

export function SwitchField(item: Base<boolean>) {
  const { t } = useT();
  return (
    <FieldItem {...item}>
      {(control) => (
        <Switch
          {...control}
          checked={item.value}
          checkedChildren={t('yes')}
          unCheckedChildren={t('no')}
          onChange={(checked) => item.onChange(checked)}
        />
      )}
    </FieldItem>
  );
}

/**
 * A number typed as text. What does not parse, or lies outside what the field stores ('19' on the way to
 * 2019, hours beyond 10,000), is shown as an error beside the field and never sent — never silently
 * snapped into range.
 */
function NumberTextField({
  parse,
  rangeError,
  notNumber,
  inputMode,
  placeholder,
  ...item
}: Base<number | null> & {
  parse: (raw: string) => number | null | undefined;
  /** The message when a parsed number cannot be stored, or null when it can. */
  rangeError: (value: number) => string | null;
  notNumber: string;
  inputMode: 'numeric' | 'decimal';
  placeholder?: string | undefined;
}) {
  const { text, setText, markSent } = useLocalText(item.value, (v: number | null) => (v === null ? '' : String(v)));
  // A range error waits for the field to be left: '20' on the way to 2019 is not a mistake yet.
  const [isEditing, setEditing] = useState(false);
  const problem = (value: number | null | undefined) =>
    value === undefined ? notNumber : value === null ? null : rangeError(value);
  const parsed = parse(text);
  const shown = parsed !== undefined && isEditing ? null : problem(parsed);
  return (
    <FieldItem {...item} localError={shown}>
      {(control) => (
        <Input
          {...control}
          value={text}
          inputMode={inputMode}
          autoComplete="off"
          placeholder={placeholder}
          onFocus={() => setEditing(true)}
          onBlur={() => setEditing(false)}
          onChange={(e) => {
            const next = e.target.value;
            setText(next);
            const value = parse(next);
            if (value === undefined || problem(value) !== null) return;
            if (value !== item.value) {
              markSent(value);
              item.onChange(value);
            }
          }}
        />
      )}
    </FieldItem>
  );
}

export function IntegerField({
  min,
  max,
  ...item
}: Base<number | null> & { min: number; max: number; placeholder?: string }) {
  const { t } = useT();
  return (
    <NumberTextField
      {...item}
      parse={parseInteger}
      inputMode="numeric"
      notNumber={t('integerNotNumber')}
      rangeError={(v) => (v < min || v > max ? t('integerRange', { min: String(min), max: String(max) }) : null)}
    />
  );
}

export function YearField(item: Base<number | null>) {
  const { t } = useT();
  return <IntegerField {...item} min={1900} max={2100} placeholder={t('yearPlaceholder')} />;
}

/**
 * Keeps the text being typed while the parent value is only updated with storable values. When the
 * parent's value changes from elsewhere (undo, another field), the text follows it.
 */
function useLocalText<V>(value: V, show: (value: V) => string) {
  const [text, setText] = useState(() => show(value));
  const [shown, setShown] = useState(value);
  if (!Object.is(value, shown)) {
    // Adjusting state while rendering is React's pattern for following a prop without an extra pass.
    setShown(value);
    if (text !== show(value)) setText(show(value));
  }
  return { text, setText, markSent: setShown };
}

const HOURS_LIMIT = 10_000;

export function HoursField(item: Base<number | null>) {
  const { t } = useT();
  return (
    <NumberTextField
      {...item}
      parse={parseHours}
      inputMode="decimal"
      notNumber={t('hoursNotNumber')}
      rangeError={(v) => (Math.abs(v) > HOURS_LIMIT ? t('hoursRange') : null)}
    />
  );
}

/**
 * A date typed as text: quicker than a calendar for dates years back, shows exactly what is stored (a
 * calendar widget would silently turn an impossible 2019-02-30 into March), and accepts 20190901,
 * 2019/9/1 and 2019年9月1日 too.
 */
export function DateField(item: Base<string>) {
  const { t } = useT();
  const { text, setText, markSent } = useLocalText(item.value, (v: string) => v);
  const [touched, setTouched] = useState(false);
  const incomplete = normalizeDate(text) === null;
  return (
    <FieldItem {...item} localError={incomplete && touched ? t('dateInvalid') : null}>
      {(control) => (
        <Input
          {...control}
          value={text}
          placeholder={t('datePlaceholder')}
          inputMode="numeric"
          autoComplete="off"
          maxLength={16}
          onChange={(e) => {
            const raw = e.target.value;
            const atEnd = e.target.selectionStart === raw.length;
            const next = atEnd && raw.length > text.length ? withDashes(raw) : raw;
            setText(next);
            const date = normalizeDate(next);
            if (date !== null) {
              setTouched(false);
              if (date !== item.value) {
                markSent(date);
                item.onChange(date);
              }
            }
          }}
          onBlur={() => {
            const date = normalizeDate(text);
            if (date === null) setTouched(true);
            else if (date !== text) setText(date);
          }}
        />
      )}
    </FieldItem>
  );
}

/** The from–until dates of a period (an appointment, a work period), two half-width columns of a Row; an
 *  empty end date means the period goes on. */
export function PeriodFields({
  path,
  startLabel,
  endLabel,
  startDate,
  endDate,
  onChange,
}: {
  path: (field: 'startDate' | 'endDate') => string;
  startLabel: string;
  endLabel: string;
  startDate: string;
  endDate: string;
  onChange: (change: { startDate: string } | { endDate: string }) => void;
}) {
  const { t } = useT();
  return (
    <>
      <Col span={12}>
        <DateField
          path={path('startDate')}
          label={startLabel}
          value={startDate}
          onChange={(value) => onChange({ startDate: value })}
        />
      </Col>
      <Col span={12}>
        <DateField
          path={path('endDate')}
          label={endLabel}
          hint={t('untilNow')}
          value={endDate}
          onChange={(value) => onChange({ endDate: value })}
        />
      </Col>
    </>
  );
}
