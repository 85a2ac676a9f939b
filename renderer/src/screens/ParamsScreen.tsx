// 假设与参数: the pack's open questions and every parameter with its current value, default, source and
// confidence; a form to change them (validated by the pack's zod schema, so the findings follow at once)
// and the log of every change (issue 4; rules.md "Open questions").
import { Alert, Button, Form, Input, InputNumber, Select, Space, Switch, Table, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { PACK_2020, PARAM_META, Params2020, type ParamKey } from '../../../shared/rules/pack2020/index.js';
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useEligibility } from '../eligibility/context.js';
import { fieldId } from '../components/FieldItem.js';
import { useT, type TextKey } from '../i18n.js';
import { ApiFailure } from '../api.js';

type Draft = Record<string, unknown>;
const KEYS = Object.keys(PARAM_META) as ParamKey[];
/** Open questions first, then the rest in the pack's order. */
const ORDERED = [
  ...KEYS.filter((k) => PARAM_META[k].isOpenQuestion),
  ...KEYS.filter((k) => !PARAM_META[k].isOpenQuestion),
];

const show = (v: unknown) => (Array.isArray(v) ? v.join(', ') : v === null ? '—' : String(v));

function parseYears(text: string): number[] | string {
  const parts = text.split(/[,，、\s]+/).filter(Boolean);
  return parts.every((p) => /^\d{4}$/.test(p)) ? parts.map(Number) : text;
}

export function ParamsScreen() {
  const { t, pick } = useT();
  const { params, saveParams, log } = useEligibility();
  const [draft, setDraft] = useState<Draft>(params);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState(false);
  useEffect(() => setDraft(params), [params]);

  const set = (key: ParamKey, value: unknown) => {
    setSaved(false);
    setDraft((d) => ({ ...d, [key]: value }));
  };
  const save = async (values: Draft) => {
    const parsed = Params2020.safeParse(values);
    if (!parsed.success) {
      setError(
        parsed.error.issues
          .map(
            (i) =>
              `${pick(PARAM_META[i.path[0] as ParamKey]?.label ?? { zh: String(i.path[0]), en: String(i.path[0]) })}: ${i.message}`,
          )
          .join('；'),
      );
      return;
    }
    try {
      await saveParams(parsed.data);
      setError(null);
      setSaved(true);
    } catch (e) {
      setError(e instanceof ApiFailure ? pick(e.error.message) : String(e));
    }
  };

  const control = (key: ParamKey) => {
    const meta = PARAM_META[key];
    const value = draft[key];
    const id = fieldId(`params.${key}`);
    switch (meta.kind) {
      case 'boolean':
        return <Switch id={id} checked={value === true} onChange={(v) => set(key, v)} />;
      case 'number':
        return <InputNumber id={id} value={value as number | null} onChange={(v) => set(key, v)} />;
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
            style={{ maxWidth: 240 }}
            value={Array.isArray(value) ? value.join(', ') : String(value)}
            onChange={(e) => set(key, parseYears(e.target.value))}
          />
        );
      case 'date':
        return (
          <Input
            id={id}
            style={{ maxWidth: 160 }}
            placeholder="YYYY-MM-DD"
            value={String(value ?? '')}
            onChange={(e) => set(key, e.target.value)}
          />
        );
    }
  };

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
          return (
            <Form.Item
              key={key}
              htmlFor={fieldId(`params.${key}`)}
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
                t('paramSource', { source: meta.source, value: show(PACK_2020.defaults[key]) }) +
                (isDefault ? '' : t('paramChanged'))
              }
            >
              {control(key)}
            </Form.Item>
          );
        })}
      </Form>
      {error && <Alert type="error" showIcon title={error} className="params-error" />}
      <Space className="params-actions">
        <Button type="primary" data-testid="params-save" onClick={() => void save(draft)}>
          {t('paramsSave')}
        </Button>
        <Button data-testid="params-reset" onClick={() => void save({ ...PACK_2020.defaults })}>
          {t('paramsReset')}
        </Button>
        {saved && <Typography.Text type="success">{t('paramsSaved')}</Typography.Text>}
      </Space>
      <Typography.Title level={3} className="params-log-title">
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
          { title: t('logOld'), dataIndex: 'old', render: show },
          { title: t('logNew'), dataIndex: 'new', render: show },
        ]}
      />
    </ScreenFrame>
  );
}
