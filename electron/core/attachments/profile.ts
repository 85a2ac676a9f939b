// The upload profile: the online system's limits, editable, stored in the workspace's `setting`
// table as JSON. What is stored is checked on the way in and on the way out: a profile written by an
// older release gains the fields it lacked from the defaults.
import { DEFAULT_UPLOAD_PROFILE, UploadProfile } from '../../../shared/attachments/schema.js';
import { getSetting, setSetting } from '../archiveRepo.js';
import type { Db } from '../db.js';
import { DossierError } from '../errors.js';

const KEY = 'uploadProfile';

export function getUploadProfile(db: Db): UploadProfile {
  const raw = getSetting(db, KEY);
  if (raw === undefined) return DEFAULT_UPLOAD_PROFILE;
  try {
    const stored = JSON.parse(raw) as Partial<UploadProfile>;
    const merged = {
      ...DEFAULT_UPLOAD_PROFILE,
      ...stored,
      photo: { ...DEFAULT_UPLOAD_PROFILE.photo, ...stored.photo },
      intake: { ...DEFAULT_UPLOAD_PROFILE.intake, ...stored.intake },
    };
    const parsed = UploadProfile.safeParse(merged);
    if (parsed.success) return parsed.data;
  } catch {
    // fall through: an unreadable profile must not stop the app from taking in files
  }
  console.error('[dossier] stored upload profile is invalid; using the default');
  return DEFAULT_UPLOAD_PROFILE;
}

export function setUploadProfile(db: Db, profile: UploadProfile): UploadProfile {
  if (profile.photo.minBytes > profile.photo.maxBytes) {
    throw new DossierError('invalid_profile', {
      zh: '证件照的最小字节数不能大于最大字节数。',
      en: "The photo's minimum size cannot exceed its maximum.",
    });
  }
  if (profile.maxFileBytes > profile.maxMaterialBytes) {
    throw new DossierError('invalid_profile', {
      zh: '单个文件上限不能大于单项材料合并后的上限。',
      en: 'The per-file limit cannot exceed the per-material limit.',
    });
  }
  const value = UploadProfile.parse(profile);
  setSetting(db, KEY, JSON.stringify(value));
  return value;
}
