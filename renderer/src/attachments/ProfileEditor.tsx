// 上传要求: the upload profile, editable. The provincial system's exact limits are unknown, so
// the values are shown as assumptions, in the units people use (MB, KB, px), with a way back to the defaults.
import { App, Button, Checkbox, Col, Form, InputNumber, Row, Space, Tag, Typography } from 'antd';
import { useEffect, useState } from 'react';
import type { UploadProfile } from '../../../shared/attachments/schema.js';
import { call } from '../api.js';
import { errorText } from '../errors.js';
import { useT, type TextKey } from '../i18n.js';

const FORMATS = [
  { value: 'application/pdf', label: 'PDF' },
  { value: 'image/jpeg', label: 'JPEG' },
  { value: 'image/png', label: 'PNG' },
] as const;

type Path =
  | 'maxFileBytes'
  | 'maxMaterialBytes'
  | 'photo.maxBytes'
  | 'photo.minBytes'
  | 'photo.width'
  | 'photo.height'
  | 'minLongSide'
  | 'intake.maxBytes'
  | 'intake.maxPages';

/** Each number as shown: label, unit divisor, unit word. */
const NUMBERS: { path: Path; label: TextKey; unit: number; suffix: string }[] = [
  { path: 'maxFileBytes', label: 'att_pMaxFile', unit: 1e6, suffix: 'MB' },
  { path: 'maxMaterialBytes', label: 'att_pMaxMaterial', unit: 1e6, suffix: 'MB' },
  { path: 'photo.maxBytes', label: 'att_pPhotoMax', unit: 1e3, suffix: 'KB' },
  { path: 'photo.minBytes', label: 'att_pPhotoMin', unit: 1e3, suffix: 'KB' },
  { path: 'photo.width', label: 'att_pPhotoWidth', unit: 1, suffix: 'px' },
  { path: 'photo.height', label: 'att_pPhotoHeight', unit: 1, suffix: 'px' },
  { path: 'minLongSide', label: 'att_pMinLongSide', unit: 1, suffix: 'px' },
  { path: 'intake.maxBytes', label: 'att_pIntakeBytes', unit: 1e6, suffix: 'MB' },
  { path: 'intake.maxPages', label: 'att_pIntakePages', unit: 1, suffix: '' },
];

function read(profile: UploadProfile, path: Path): number {
  const [head, tail] = path.split('.') as [string, string | undefined];
  const value: unknown = tail
    ? (profile as unknown as Record<string, Record<string, unknown>>)[head]?.[tail]
    : (profile as unknown as Record<string, unknown>)[head];
  return typeof value === 'number' ? value : 0;
}

function write(profile: UploadProfile, path: Path, value: number): UploadProfile {
  const [head, tail] = path.split('.') as [keyof UploadProfile, string | undefined];
  if (!tail) return { ...profile, [head]: value };
  return { ...profile, [head]: { ...(profile[head] as object), [tail]: value } };
}

export function ProfileEditor({ onSaved }: { onSaved: () => void }) {
  const { t, lang } = useT();
  const { message } = App.useApp();
  const [loaded, setLoaded] = useState<{ profile: UploadProfile; defaults: UploadProfile } | null>(null);
  const [draft, setDraft] = useState<UploadProfile | null>(null);
  const [isSaving, setSaving] = useState(false);

  useEffect(() => {
    call('uploadProfile:get', {})
      .then((r) => {
        setLoaded(r);
        setDraft(r.profile);
      })
      .catch((e: unknown) => void message.error(t('actionFailed', { detail: errorText(e, lang) })));
    // Loaded once per mount; the texts follow the language without reloading.
  }, []);

  if (!loaded || !draft) return <Typography.Text type="secondary">{t('loading')}</Typography.Text>;

  const save = async (profile: UploadProfile) => {
    setSaving(true);
    try {
      const saved = await call('uploadProfile:set', { profile });
      setLoaded({ ...loaded, profile: saved.profile });
      setDraft(saved.profile);
      void message.success(t('att_profileSaved'));
      onSaved();
    } catch (e) {
      void message.error(t('actionFailed', { detail: errorText(e, lang) }));
    } finally {
      setSaving(false);
    }
  };

  const isDirty = JSON.stringify(draft) !== JSON.stringify(loaded.profile);
  return (
    <Form layout="vertical" component="div" className="profile-editor" data-testid="profile-editor">
      <Typography.Paragraph type="secondary">{t('att_profileNote')}</Typography.Paragraph>
      <Form.Item label={t('att_pFormats')}>
        <Checkbox.Group
          value={draft.formats}
          onChange={(values) =>
            values.length > 0 && setDraft({ ...draft, formats: values as UploadProfile['formats'] })
          }
          options={FORMATS.map((f) => ({ value: f.value, label: f.label }))}
        />
      </Form.Item>
      <Row gutter={16}>
        {NUMBERS.map(({ path, label, unit, suffix }) => (
          <Col span={8} key={path}>
            <Form.Item label={t(label)} htmlFor={`profile-${path}`}>
              <InputNumber
                id={`profile-${path}`}
                min={0}
                step={unit === 1e6 ? 0.5 : 1}
                value={read(draft, path) / unit}
                onChange={(v) => v !== null && setDraft(write(draft, path, Math.round(v * unit)))}
                suffix={suffix || undefined}
                style={{ width: '100%' }}
              />
            </Form.Item>
          </Col>
        ))}
      </Row>
      <Space>
        <Button
          type="primary"
          disabled={!isDirty}
          loading={isSaving}
          onClick={() => void save(draft)}
          data-testid="profile-save"
        >
          {t('att_profileSave')}
        </Button>
        <Button onClick={() => void save(loaded.defaults)} disabled={isSaving} data-testid="profile-reset">
          {t('att_profileReset')}
        </Button>
        {JSON.stringify(loaded.profile) === JSON.stringify(loaded.defaults) && <Tag>{t('att_profileIsDefault')}</Tag>}
      </Space>
    </Form>
  );
}
