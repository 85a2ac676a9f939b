// 假设与参数: the pack's open questions and every parameter with its current value, default, source and
// confidence; a form to change them (validated by the pack's zod schema, so the findings follow at once)
// and the log of every change (issue 4; rules.md "Open questions"). Edits are a draft until 保存参数 (one
// log entry per saved change, not per keystroke): the bar stays in sight and says when there are unsaved
// changes, and leaving the screen with some asks to save or discard them.
import {
  Alert,
  Button,
  Form,
  Input,
  InputNumber,
  Popconfirm,
  Select,
  Space,
  Switch,
  Table,
  Tag,
  Typography,
} from 'antd';
import { useEffect, useMemo, useState } from 'react';
import { UnsavedDialog, useLeaveGuard } from '../components/UnsavedChanges.js';
import type { Localized } from '../../../shared/api/contract.js';
import { PACK_2020, PARAM_META, Params2020, type ParamKey } from '../../../shared/rules/pack2020/index.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useEligibility } from '../eligibility/context.js';
import {
  APPLICANT_PARAMS,
  PARAM_KEYS,
  changedKeys,
  formatParamValue,
  issuesByParam,
  paramErrors,
  resetTarget,
  type Draft,
} from '../eligibility/paramsForm.js';
import { fieldId } from '../components/FieldItem.js';
import { useT, type TextKey } from '../i18n.js';
import { ApiFailure } from '../api.js';

/** Open questions first, then the rest in the pack's order. */
const ORDERED = [
  ...PARAM_KEYS.filter((k) => PARAM_META[k].isOpenQuestion),
  ...PARAM_KEYS.filter((k) => !PARAM_META[k].isOpenQuestion),
];

function parseYears(text: string): number[] | string {
  const parts = text.split(/[,，、\s]+/).filter(Boolean);
  return parts.every((p) => /^\d{4}$/.test(p)) ? parts.map(Number) : text;
}

export function ParamsScreen() {
  const { t, pick } = useT();
  const { params, saveParams, log, setLeaveGuard } = useEligibility();
  const [draft, setDraft] = useState<Draft>(params);
  const [error, setError] = useState<string | null>(null);
  // What the core refused at the last save, per field (rules:setParams issues), until that field changes.
  const [serverIssues, setServerIssues] = useState<Partial<Record<ParamKey, Localized[]>>>({});
  const [saved, setSaved] = useState(false);
  useEffect(() => setDraft(params), [params]);

  const errors = useMemo(() => paramErrors(draft), [draft]);
  /** A field's problems: the form's own check as the user types, else what the core said at the save. */
  const problemsOf = (key: ParamKey): Localized[] => {
    const own = errors[key];
    return own ? [own] : (serverIssues[key] ?? []);
  };
  const errorKeys = ORDERED.filter((k) => problemsOf(k).length > 0);
  const unsaved = changedKeys(params, draft).length > 0;
  const reset = resetTarget(draft);
  const resetKeys = changedKeys(params, reset).filter((k) => !APPLICANT_PARAMS.includes(k));

  // Leaving with unsaved changes asks first, and so does closing the tab.
  const leave = useLeaveGuard(unsaved, setLeaveGuard);

  const set = (key: ParamKey, value: unknown) => {
    setSaved(false);
    setServerIssues((old) => {
      if (!old[key]) return old;
      const next = { ...old };
      delete next[key];
      return next;
    });
    setDraft((d) => ({ ...d, [key]: value }));
  };
  /** Saves the values; false (and the first bad field focused) when they do not validate or save. */
  const save = async (values: Draft): Promise<boolean> => {
    const parsed = Params2020.safeParse(values);
    if (!parsed.success) {
      const first = ORDERED.find((k) => paramErrors(values)[k]);
      if (first) document.getElementById(fieldId(`params.${first}`))?.focus();
      return false;
    }
    try {
      await saveParams(parsed.data);
      setError(null);
      setServerIssues({});
      setSaved(true);
      return true;
    } catch (e) {
      // A refusal names each bad value: beside its field, the first one focused.
      const byField = e instanceof ApiFailure ? issuesByParam(e.error.issues) : {};
      setServerIssues(byField);
      setError(e instanceof ApiFailure ? pick(e.error.message) : String(e));
      const first = ORDERED.find((k) => byField[k]);
      if (first) document.getElementById(fieldId(`params.${first}`))?.focus();
      return false;
    }
  };

  const control = (key: ParamKey) => {
    const meta = PARAM_META[key];
    const value = draft[key];
    const id = fieldId(`params.${key}`);
    const invalid = problemsOf(key).length > 0;
    const describedBy = invalid ? `${id}-help` : undefined;
    switch (meta.kind) {
      case 'boolean':
        return <Switch id={id} checked={value === true} onChange={(v) => set(key, v)} />;
      case 'number':
        return (
          <InputNumber
            id={id}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            status={invalid ? 'error' : ''}
            value={value as number | null}
            onChange={(v) => set(key, v)}
          />
        );
      case 'enum':
        return (
          <Select
            id={id}
            style={{ minWidth: 320 }}
            value={value as string}
            options={meta.options?.map((o) => ({ value: o.value, label: pick(o.label) }))}
            onChange={(v) => set(key, v)}
          />
        );
      case 'years':
        return (
          <Input
            id={id}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            status={invalid ? 'error' : ''}
            data-testid={`param-${key}`}
            style={{ maxWidth: 240 }}
            value={Array.isArray(value) ? value.join(', ') : String(value)}
            onChange={(e) => set(key, parseYears(e.target.value))}
          />
        );
      case 'date':
        return (
          <Input
            id={id}
            aria-invalid={invalid}
            aria-describedby={describedBy}
            status={invalid ? 'error' : ''}
            data-testid={`param-${key}`}
            style={{ maxWidth: 160 }}
            inputMode="numeric"
            placeholder="YYYY-MM-DD"
            value={String(value ?? '')}
            onChange={(e) => set(key, e.target.value)}
          />
        );
    }
  };

  const showValue = (key: string, v: unknown) => pick(formatParamValue(key, v));

  return (
    <ScreenFrame screen="params">
      <Alert
        type="warning"
        showIcon
        className="params-questions"
        title={t('openQuestions')}
        description={
          <ul>
            {PACK_2020.openQuestions.map((q, i) => (
              <li key={i}>{pick(q)}</li>
            ))}
          </ul>
        }
      />
      <Form layout="vertical" component="div" className="params-form">
        {ORDERED.map((key) => {
          const meta = PARAM_META[key];
          const isDefault = JSON.stringify(draft[key]) === JSON.stringify(PACK_2020.defaults[key]);
          const problems = problemsOf(key);
          return (
            <Form.Item
              key={key}
              htmlFor={fieldId(`params.${key}`)}
              validateStatus={problems.length > 0 ? 'error' : ''}
              help={
                problems.length > 0 ? (
                  <div id={`${fieldId(`params.${key}`)}-help`} data-testid={`param-problem-${key}`}>
                    {problems.map((p, i) => (
                      <div key={i}>{pick({ zh: `${meta.label.zh}：${p.zh}`, en: `${meta.label.en}: ${p.en}` })}</div>
                    ))}
                  </div>
                ) : undefined
              }
              label={
                <Space size={4} wrap>
                  <span>{pick(meta.label)}</span>
                  <Tag
                    color={meta.confidence === 'assumed' ? 'gold' : meta.confidence === 'inferred' ? 'cyan' : 'blue'}
                  >
                    {t(`confidence_${meta.confidence}` as TextKey)}
                  </Tag>
                  {meta.isOpenQuestion && <Tag color="orange">{t('openQuestionTag')}</Tag>}
                </Space>
              }
              extra={
                t('paramSource', { source: meta.source, value: showValue(key, PACK_2020.defaults[key]) }) +
                (isDefault ? '' : t('paramChanged'))
              }
            >
              {control(key)}
            </Form.Item>
          );
        })}
      </Form>
      <div className="params-actions" data-testid="params-actions">
        {error && <Alert type="error" showIcon title={error} className="params-error" />}
        {errorKeys.length > 0 && (
          <Alert
            type="error"
            showIcon
            className="params-error"
            data-testid="params-invalid"
            title={t('paramsInvalid', { n: errorKeys.length })}
          />
        )}
        <Space wrap>
          <Button type="primary" data-testid="params-save" disabled={!unsaved} onClick={() => void save(draft)}>
            {t('paramsSave')}
          </Button>
          <Button
            data-testid="params-discard"
            disabled={!unsaved}
            onClick={() => {
              setDraft(params);
              setServerIssues({});
            }}
          >
            {t('paramsDiscard')}
          </Button>
          <Popconfirm
            title={t('paramsResetTitle')}
            description={
              <div className="params-reset-what" data-testid="params-reset-what">
                <div>
                  {resetKeys.length > 0
                    ? t('paramsResetList', { list: resetKeys.map((k) => pick(PARAM_META[k].label)).join(t('listSep')) })
                    : t('paramsResetNothing')}
                </div>
                <div>{t('paramsResetKeeps')}</div>
              </div>
            }
            okText={t('paramsReset')}
            cancelText={t('cancel')}
            onConfirm={() => void save(reset)}
          >
            <Button data-testid="params-reset">{t('paramsReset')}</Button>
          </Popconfirm>
          {unsaved ? (
            <Typography.Text type="warning" strong data-testid="params-unsaved">
              {t('paramsUnsaved')}
            </Typography.Text>
          ) : (
            saved && <Typography.Text type="success">{t('paramsSaved')}</Typography.Text>
          )}
        </Space>
      </div>
      <UnsavedDialog
        leave={leave}
        title={t('paramsLeaveTitle')}
        body={t('paramsLeaveBody')}
        testId="params"
        onDiscard={() => setDraft(params)}
        onSave={() => save(draft)}
      />
      <Typography.Title level={2} className="params-log-title">
        {t('paramLog')}
      </Typography.Title>
      <Table
        size="small"
        rowKey={(r) => `${r.at}-${r.key}`}
        dataSource={[...log].reverse()}
        pagination={{ pageSize: 20, hideOnSinglePage: true }}
        locale={{ emptyText: t('paramLogEmpty') }}
        columns={[
          { title: t('logWhen'), dataIndex: 'at', render: (v: string) => v.replace('T', ' ').slice(0, 19) },
          { title: t('logWho'), dataIndex: 'who' },
          {
            title: t('logWhat'),
            dataIndex: 'key',
            render: (k: string) => (k in PARAM_META ? pick(PARAM_META[k as ParamKey].label) : k),
          },
          { title: t('logOld'), dataIndex: 'old', render: (v: unknown, r) => showValue(r.key, v) },
          { title: t('logNew'), dataIndex: 'new', render: (v: unknown, r) => showValue(r.key, v) },
        ]}
      />
    </ScreenFrame>
  );
}
