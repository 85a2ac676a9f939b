// Numbered schema migrations, tracked by PRAGMA user_version (db.ts applies them, each in a transaction).
// Never edit a migration that has shipped: add the next one.
import type Database from 'better-sqlite3';
import { deriveTitleSeries } from '../../shared/archive/titleSeries.js';

export interface Migration {
  version: number;
  name: string;
  up(db: Database.Database): void;
}

export const MIGRATIONS: readonly Migration[] = [
  {
    version: 1,
    name: 'archive',
    up(db) {
      db.exec(`
        CREATE TABLE setting (
          key   TEXT PRIMARY KEY,
          value TEXT NOT NULL
        ) STRICT;

        -- One row per applicant: an applicant's workspace holds one, an HR officer's many (N-10).
        CREATE TABLE applicant (
          id         TEXT PRIMARY KEY,
          created_at TEXT NOT NULL,
          updated_at TEXT NOT NULL
        ) STRICT;

        -- Singleton sections of the archive (profile, unit, application, summary) as validated JSON.
        CREATE TABLE section (
          applicant_id TEXT NOT NULL REFERENCES applicant(id) ON DELETE CASCADE,
          name         TEXT NOT NULL,
          data         TEXT NOT NULL CHECK (json_valid(data)),
          updated_at   TEXT NOT NULL,
          PRIMARY KEY (applicant_id, name)
        ) STRICT;

        -- Records of the archive's lists; deleted_at marks a soft delete that records:restore undoes.
        CREATE TABLE record (
          id           TEXT NOT NULL,
          applicant_id TEXT NOT NULL REFERENCES applicant(id) ON DELETE CASCADE,
          kind         TEXT NOT NULL,
          position     INTEGER NOT NULL,
          data         TEXT NOT NULL CHECK (json_valid(data)),
          created_at   TEXT NOT NULL,
          updated_at   TEXT NOT NULL,
          deleted_at   TEXT,
          -- Ids are unique per applicant only: archives imported into an HR workspace may share them.
          PRIMARY KEY (applicant_id, id)
        ) STRICT;
        CREATE INDEX record_list ON record (applicant_id, kind, position);
      `);
    },
  },
  {
    version: 2,
    name: 'attachments',
    up(db) {
      db.exec(`
        -- Scans and PDFs (issue 3). The bytes live in the content-addressed store beside the database
        -- (store/<2 hex>/<sha256>); a row names them by hash, so one file can back several rows. An edited
        -- version is a new row whose derived_from names its original and whose operation says what was done:
        -- nothing is destroyed. deleted_at marks a soft delete that attachments:restore undoes.
        CREATE TABLE attachment (
          id           TEXT PRIMARY KEY,
          applicant_id TEXT NOT NULL REFERENCES applicant(id) ON DELETE CASCADE,
          sha256       TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
          file_name    TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
          media_type   TEXT NOT NULL CHECK (media_type IN ('image/jpeg', 'image/png', 'application/pdf', 'image/tiff')),
          bytes        INTEGER NOT NULL CHECK (bytes > 0),
          pages        INTEGER NOT NULL CHECK (pages > 0),
          width        INTEGER CHECK (width IS NULL OR width > 0),
          height       INTEGER CHECK (height IS NULL OR height > 0),
          derived_from TEXT REFERENCES attachment(id),
          operation    TEXT CHECK (operation IS NULL OR json_valid(operation)),
          created_at   TEXT NOT NULL,
          deleted_at   TEXT,
          CHECK ((derived_from IS NULL) = (operation IS NULL))
        ) STRICT;
        CREATE INDEX attachment_by_applicant ON attachment (applicant_id, created_at);
        CREATE INDEX attachment_by_sha ON attachment (sha256);
        CREATE INDEX attachment_by_original ON attachment (derived_from);

        -- What an attachment proves: a record of the archive (record_id), a material slot such as
        -- M-4/diploma or M-10/paper/toc (shared/attachments/slots.ts), or both; page narrows it to one page.
        -- One attachment can prove several things. applicant_id repeats the attachment's so that the
        -- record can be a foreign key (record ids are unique per applicant only).
        CREATE TABLE attachment_link (
          id            TEXT PRIMARY KEY,
          attachment_id TEXT NOT NULL REFERENCES attachment(id) ON DELETE CASCADE,
          applicant_id  TEXT NOT NULL,
          record_id     TEXT,
          slot          TEXT,
          page          INTEGER CHECK (page IS NULL OR page > 0),
          created_at    TEXT NOT NULL,
          CHECK (record_id IS NOT NULL OR slot IS NOT NULL),
          FOREIGN KEY (applicant_id, record_id) REFERENCES record (applicant_id, id) ON DELETE CASCADE
        ) STRICT;
        CREATE UNIQUE INDEX attachment_link_once
          ON attachment_link (attachment_id, ifnull(record_id, ''), ifnull(slot, ''), ifnull(page, 0));
        CREATE INDEX attachment_link_by_record ON attachment_link (applicant_id, record_id);
        CREATE INDEX attachment_link_by_slot ON attachment_link (applicant_id, slot);
      `);
    },
  },
  {
    version: 3,
    name: 'generated files',
    up(db) {
      db.exec(`
        -- The PDFs the app prints from the archive (issue 5): forms (F-1, M-2, …) and per-material merged
        -- scans, kept in the attachment store by hash. One row per applicant and output key; regenerating
        -- replaces the row. archive_sha256 is the fingerprint printed in the footer; input_sha256 covers
        -- everything the file was made from, so the forms screen can say which files are out of date.
        CREATE TABLE generated_file (
          applicant_id   TEXT NOT NULL REFERENCES applicant(id) ON DELETE CASCADE,
          key            TEXT NOT NULL,
          file_name      TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
          sha256         TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
          bytes          INTEGER NOT NULL CHECK (bytes > 0),
          pages          INTEGER NOT NULL CHECK (pages > 0),
          archive_sha256 TEXT NOT NULL,
          input_sha256   TEXT NOT NULL,
          missing        TEXT NOT NULL CHECK (json_valid(missing)),
          notes          TEXT NOT NULL CHECK (json_valid(notes)),
          created_at     TEXT NOT NULL,
          PRIMARY KEY (applicant_id, key)
        ) STRICT;
        CREATE INDEX generated_by_sha ON generated_file (sha256);
      `);
    },
  },
  {
    version: 4,
    name: 'packages',
    up(db) {
      db.exec(`
        -- The signed packages (issue 6): the package id an applicant's exports carry (one per applicant, the
        -- same across revisions), and every package file this workspace wrote or took in, kept in
        -- <dataDir>/packages/<file_name>. l1_manifest_sha256 decides the revision of the next export (a new
        -- one only when level 1's manifest would differ); l1_signer is the key a package coming back must
        -- still be signed by at level 1; supersedes is level 1's link to the revision it replaces.
        ALTER TABLE applicant ADD COLUMN package_id TEXT
          CHECK (package_id IS NULL OR length(package_id) BETWEEN 1 AND 64);

        CREATE TABLE package_file (
          file_name          TEXT PRIMARY KEY
                             CHECK (length(file_name) BETWEEN 1 AND 255 AND file_name NOT GLOB '*[/\\]*'),
          package_id         TEXT NOT NULL CHECK (length(package_id) BETWEEN 1 AND 64),
          revision           INTEGER NOT NULL CHECK (revision >= 1),
          level              INTEGER NOT NULL CHECK (level BETWEEN 1 AND 3),
          sha256             TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
          size               INTEGER NOT NULL CHECK (size > 0),
          manifest_sha256    TEXT NOT NULL CHECK (length(manifest_sha256) = 64),
          l1_manifest_sha256 TEXT NOT NULL CHECK (length(l1_manifest_sha256) = 64),
          l1_signer          TEXT NOT NULL CHECK (length(l1_signer) = 64),
          supersedes         TEXT CHECK (supersedes IS NULL OR json_valid(supersedes)),
          direction          TEXT NOT NULL CHECK (direction IN ('exported', 'imported')),
          -- Kept when the archive is deleted: the file is still the record of what was sent or received.
          applicant_id       TEXT REFERENCES applicant(id) ON DELETE SET NULL,
          created_at         TEXT NOT NULL
        ) STRICT;
        CREATE INDEX package_file_by_package ON package_file (package_id, revision);
      `);
    },
  },
  {
    version: 5,
    name: 'unit',
    up(db) {
      db.exec(`
        -- The unit's workspace (issue 7). Each applicant row of a unit's workspace came from a package
        -- (applicant.package_id); what the unit decided about it lives here, never in the archive, which
        -- stays exactly what the applicant signed.
        CREATE TABLE unit_review (
          applicant_id TEXT PRIMARY KEY REFERENCES applicant(id) ON DELETE CASCADE,
          status       TEXT NOT NULL CHECK (status IN ('pending', 'accepted', 'returned')),
          opinion      TEXT NOT NULL DEFAULT '',
          -- The revision the status was decided on: a newer revision starts pending again.
          revision     INTEGER NOT NULL CHECK (revision >= 1),
          updated_at   TEXT NOT NULL
        ) STRICT;

        CREATE TABLE material_review (
          applicant_id TEXT NOT NULL REFERENCES applicant(id) ON DELETE CASCADE,
          material     TEXT NOT NULL,
          decision     TEXT NOT NULL CHECK (decision IN ('accepted', 'returned')),
          -- The revision the mark was made on: a newer revision starts unmarked.
          revision     INTEGER NOT NULL CHECK (revision >= 1),
          updated_at   TEXT NOT NULL,
          PRIMARY KEY (applicant_id, material)
        ) STRICT;

        -- A comment tied to a field (problem path), an attachment (by SHA-256) or a material; kept per
        -- revision so that the history of a 退回 stays readable.
        CREATE TABLE review_comment (
          id           TEXT PRIMARY KEY,
          applicant_id TEXT NOT NULL REFERENCES applicant(id) ON DELETE CASCADE,
          revision     INTEGER NOT NULL CHECK (revision >= 1),
          material     TEXT NOT NULL,
          target       TEXT NOT NULL CHECK (json_valid(target)),
          text         TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
          created_at   TEXT NOT NULL
        ) STRICT;
        CREATE INDEX review_comment_by_applicant ON review_comment (applicant_id, revision, created_at);

        -- Publicity (N-8): one period for a group of applicants, and each one's outcome.
        CREATE TABLE publicity (
          id           TEXT PRIMARY KEY,
          start_date   TEXT NOT NULL,
          end_date     TEXT NOT NULL CHECK (end_date >= start_date),
          working_days INTEGER NOT NULL CHECK (working_days >= 1),
          created_at   TEXT NOT NULL
        ) STRICT;
        CREATE TABLE publicity_member (
          publicity_id TEXT NOT NULL REFERENCES publicity(id) ON DELETE CASCADE,
          applicant_id TEXT NOT NULL REFERENCES applicant(id) ON DELETE CASCADE,
          outcome      TEXT NOT NULL CHECK (outcome IN ('pending', 'no_objection', 'objection')),
          note         TEXT NOT NULL DEFAULT '',
          recorded_at  TEXT,
          PRIMARY KEY (publicity_id, applicant_id)
        ) STRICT;
        CREATE INDEX publicity_member_by_applicant ON publicity_member (applicant_id);

        -- The batches for the city (N-9, docs/batch-format.md): one ZIP each in <dataDir>/batches/<file_name>,
        -- its hash taken once when written (a listing does not re-read gigabytes).
        CREATE TABLE unit_batch (
          file_name  TEXT PRIMARY KEY
                     CHECK (length(file_name) BETWEEN 1 AND 255 AND file_name NOT GLOB '*[/\\]*'),
          sha256     TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
          size       INTEGER NOT NULL CHECK (size > 0),
          applicants INTEGER NOT NULL CHECK (applicants >= 1),
          created_at TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    version: 6,
    name: 'title-series',
    up(db) {
      // Archive format 2: every title carries its series. Stored titles — live and soft-deleted, so
      // that an undo still parses — get the series their name states unambiguously, else '' for the
      // applicant to choose. The same derivation as a version 1 document's on import (titleSeries.ts).
      const rows = db.prepare(`SELECT applicant_id, id, data FROM record WHERE kind = 'titles'`).all() as {
        applicant_id: string;
        id: string;
        data: string;
      }[];
      const update = db.prepare(`UPDATE record SET data = ? WHERE applicant_id = ? AND id = ?`);
      for (const row of rows) {
        const data = JSON.parse(row.data) as Record<string, unknown>;
        if ('series' in data) continue;
        const series = deriveTitleSeries(typeof data.name === 'string' ? data.name : '');
        // Keys in schema order (id, level, series, name, …) so that reading back needs no reordering.
        const { id, level, ...rest } = data;
        update.run(JSON.stringify({ id, level, series, ...rest }), row.applicant_id, row.id);
      }
    },
  },
  {
    version: 7,
    name: 'audit-trail',
    up(db) {
      db.exec(`
        -- The unit's audit trail (issue 19): who did what to whose application, when and why — acceptances
        -- and countersignatures given despite a failed check or missing materials, publicity corrections,
        -- a new applicant key accepted. Add-only: the triggers refuse any change or removal, so a reason once
        -- written stays what it was. applicant_id is not a foreign key: the record outlives the archive.
        CREATE TABLE audit_event (
          seq          INTEGER PRIMARY KEY AUTOINCREMENT,
          applicant_id TEXT,
          revision     INTEGER,
          action       TEXT NOT NULL CHECK (length(action) BETWEEN 1 AND 64),
          reason       TEXT NOT NULL DEFAULT '' CHECK (length(reason) <= 5000),
          detail       TEXT NOT NULL DEFAULT '{}' CHECK (json_valid(detail)),
          actor        TEXT NOT NULL DEFAULT '',
          at           TEXT NOT NULL
        ) STRICT;
        CREATE INDEX audit_event_by_applicant ON audit_event (applicant_id, seq);
        CREATE TRIGGER audit_event_no_update BEFORE UPDATE ON audit_event
          BEGIN SELECT RAISE(ABORT, 'audit_event is add-only'); END;
        CREATE TRIGGER audit_event_no_delete BEFORE DELETE ON audit_event
          BEGIN SELECT RAISE(ABORT, 'audit_event is add-only'); END;

        -- Who went into which batch (N-9): an applicant whose level 2 of the current revision is in a batch
        -- is 已报送; putting them into another batch is a replacement, named as such.
        CREATE TABLE batch_member (
          batch_file   TEXT NOT NULL REFERENCES unit_batch(file_name) ON DELETE CASCADE,
          applicant_id TEXT NOT NULL,
          package_file TEXT NOT NULL,
          revision     INTEGER NOT NULL CHECK (revision >= 1),
          PRIMARY KEY (batch_file, applicant_id)
        ) STRICT;
        CREATE INDEX batch_member_by_applicant ON batch_member (applicant_id, revision);

        -- The countersignatures (level 2, decision accepted) the unit wrote, per applicant and revision: the
        -- table tells 已加签 from a level 2 that was a 退回.
        CREATE TABLE unit_countersign (
          applicant_id TEXT NOT NULL REFERENCES applicant(id) ON DELETE CASCADE,
          revision     INTEGER NOT NULL CHECK (revision >= 1),
          package_file TEXT NOT NULL,
          at           TEXT NOT NULL,
          PRIMARY KEY (applicant_id, revision, package_file)
        ) STRICT;
      `);
    },
  },
  {
    version: 8,
    name: 'publicity-corrections',
    up(db) {
      db.exec(`
        -- A publicity that started wrong is cancelled, not deleted (issue 19): it stays listed, greyed, with
        -- when and why, and no longer counts for overlaps, statuses or the countersignature. The reason is
        -- the unit's own (also in audit_event); it is printed nowhere public. A planned one that never
        -- started is simply deleted or edited (audit_event keeps what it was).
        ALTER TABLE publicity ADD COLUMN cancelled_at TEXT;
        ALTER TABLE publicity ADD COLUMN cancel_reason TEXT NOT NULL DEFAULT ''
          CHECK (length(cancel_reason) <= 2000);
      `);
    },
  },
  {
    version: 9,
    name: 'return-checklist',
    up(db) {
      db.exec(`
        -- The officer's ticks on a return's comments (issue 19), made on the corrected revision: each comment
        -- of the returned revision is addressed or still open there. Keyed by the revision ticked on, so that
        -- a later return's ticks are their own; no row: not checked yet.
        CREATE TABLE return_check (
          applicant_id TEXT NOT NULL REFERENCES applicant(id) ON DELETE CASCADE,
          revision     INTEGER NOT NULL CHECK (revision >= 2),
          comment_id   TEXT NOT NULL REFERENCES review_comment(id) ON DELETE CASCADE,
          state        TEXT NOT NULL CHECK (state IN ('addressed', 'open')),
          checked_at   TEXT NOT NULL,
          PRIMARY KEY (applicant_id, revision, comment_id)
        ) STRICT;
      `);
    },
  },
  {
    version: 10,
    name: 'applicant-key-change',
    up(db) {
      db.exec(`
        -- A revision of a known package signed by a new applicant key (issue 19, item 8): held, not imported,
        -- until the officer confirms the person in person and accepts the new key (audit
        -- 'applicant-key-accepted'), or rejects it. The file waits in <dataDir>/held/<stored_name>, verified
        -- when it came in and again at acceptance; old_signer is the key pinned when it came in.
        CREATE TABLE held_key_change (
          id              TEXT PRIMARY KEY,
          applicant_id    TEXT NOT NULL REFERENCES applicant(id) ON DELETE CASCADE,
          package_id      TEXT NOT NULL CHECK (length(package_id) BETWEEN 1 AND 64),
          revision        INTEGER NOT NULL CHECK (revision >= 1),
          name            TEXT NOT NULL,
          file_name       TEXT NOT NULL CHECK (length(file_name) BETWEEN 1 AND 255),
          stored_name     TEXT NOT NULL UNIQUE
                          CHECK (length(stored_name) BETWEEN 1 AND 255 AND stored_name NOT GLOB '*[/\\]*'),
          sha256          TEXT NOT NULL CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
          size            INTEGER NOT NULL CHECK (size > 0),
          manifest_sha256 TEXT NOT NULL CHECK (length(manifest_sha256) = 64),
          old_signer      TEXT NOT NULL CHECK (length(old_signer) = 64),
          new_signer      TEXT NOT NULL CHECK (length(new_signer) = 64),
          received_at     TEXT NOT NULL,
          UNIQUE (applicant_id, manifest_sha256)
        ) STRICT;
        CREATE INDEX held_key_change_by_applicant ON held_key_change (applicant_id, revision);
      `);
    },
  },
  {
    version: 11,
    name: 'required-scans',
    up(db) {
      db.exec(`
        -- Scans a reviewer can read (issue 19, READABLE_SCAN in shared/attachments/schema.ts): an image's pixels
        -- were always kept; a PDF's lowest resolution at A4 among its scanned pages is kept beside them,
        -- measured when it is added or made (NULL: no page is a scan, or a PDF added before this).
        ALTER TABLE attachment ADD COLUMN scan_dpi INTEGER CHECK (scan_dpi IS NULL OR scan_dpi > 0);

        -- The written reasons an applicant gave at an export for the points to judge, per finding id, so
        -- that the next export offers them again (editable) instead of asking for them anew. The paper
        -- copies (提交纸质件) are the archive's own (section materials): they travel in the package.
        CREATE TABLE export_justification (
          applicant_id TEXT NOT NULL REFERENCES applicant(id) ON DELETE CASCADE,
          finding_id   TEXT NOT NULL CHECK (length(finding_id) BETWEEN 1 AND 200),
          text         TEXT NOT NULL CHECK (length(text) BETWEEN 1 AND 2000),
          updated_at   TEXT NOT NULL,
          PRIMARY KEY (applicant_id, finding_id)
        ) STRICT;
      `);
    },
  },
  {
    version: 12,
    name: 'reviewing-desk',
    up(db) {
      db.exec(`
        -- The reviewing desk (issue 17): per applicant received, the unit it came from and the key that
        -- signed its level 2, where it stands (shared/desk/pipeline.ts; every change also in audit_event) and,
        -- once returned, the correction deadline (补正截止日期).
        CREATE TABLE desk_applicant (
          applicant_id     TEXT PRIMARY KEY REFERENCES applicant(id) ON DELETE CASCADE,
          unit_key         TEXT NOT NULL CHECK (length(unit_key) BETWEEN 1 AND 200),
          unit_name        TEXT NOT NULL,
          unit_fingerprint TEXT NOT NULL CHECK (length(unit_fingerprint) = 64),
          status           TEXT NOT NULL CHECK (status IN ('awaiting', 'to_review', 'in_review', 'returned',
                             'corrected', 'passed', 'submitted', 'not_recommended', 'withdrawn', 'lapsed')),
          deadline         TEXT CHECK (deadline IS NULL OR deadline GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),
          updated_at       TEXT NOT NULL
        ) STRICT;
        CREATE INDEX desk_applicant_by_unit ON desk_applicant (unit_key);

        -- One unit key per unit (its normalised credit code, or name without one), pinned at the unit's first
        -- batch; a batch by another key is refused unless the reviewer confirms the new one (audit trail).
        CREATE TABLE desk_unit_key (
          unit_key    TEXT PRIMARY KEY CHECK (length(unit_key) BETWEEN 1 AND 200),
          unit_name   TEXT NOT NULL,
          fingerprint TEXT NOT NULL CHECK (length(fingerprint) = 64 AND fingerprint NOT GLOB '*[^0-9a-f]*'),
          pinned_at   TEXT NOT NULL
        ) STRICT;

        -- Each batch file received (by its SHA-256): from which unit, with how many packages. The packages
        -- themselves are kept one by one in packages/, like any imported package.
        CREATE TABLE desk_batch (
          sha256      TEXT PRIMARY KEY CHECK (length(sha256) = 64 AND sha256 NOT GLOB '*[^0-9a-f]*'),
          file_name   TEXT NOT NULL,
          unit_key    TEXT NOT NULL,
          fingerprint TEXT NOT NULL CHECK (length(fingerprint) = 64),
          packages    INTEGER NOT NULL CHECK (packages >= 0),
          received_at TEXT NOT NULL
        ) STRICT;
      `);
    },
  },
  {
    version: 13,
    name: 'desk-checklist',
    up(db) {
      db.exec(`
        -- The desk's qualification-review checklist (资格审查, issue 17): per applicant and condition of the
        -- rule pack (the notice's clause, shared/desk/review.ts), the reviewer's result and note. The
        -- suggestion is recomputed from the findings each time and never stored. The desk's comments reuse
        -- review_comment (a desk's workspace has no unit review of its own).
        CREATE TABLE desk_checklist (
          applicant_id TEXT NOT NULL REFERENCES applicant(id) ON DELETE CASCADE,
          condition_id TEXT NOT NULL CHECK (length(condition_id) BETWEEN 1 AND 20),
          result       TEXT NOT NULL CHECK (result IN ('meets', 'fails', 'to_correct')),
          note         TEXT NOT NULL CHECK (length(note) <= 2000),
          updated_at   TEXT NOT NULL,
          PRIMARY KEY (applicant_id, condition_id)
        ) STRICT;
      `);
    },
  },
  {
    version: 14,
    name: 'desk-recommendation-pass-on',
    up(db) {
      db.exec(`
        -- The intermediate committee's recommendation (中评委推荐, issue 17 item 5), one per applicant at the
        -- desk: the record as entered (shared/desk/recommendation.ts), checked before it is written; every
        -- change also in audit_event (desk-recommendation).
        CREATE TABLE desk_recommendation (
          applicant_id TEXT PRIMARY KEY REFERENCES desk_applicant(applicant_id) ON DELETE CASCADE,
          data         TEXT NOT NULL CHECK (json_valid(data)),
          recommended  INTEGER NOT NULL CHECK (recommended IN (0, 1)),
          updated_at   TEXT NOT NULL
        ) STRICT;

        -- The desk's acceptance (通过待报送): its opinion, printed in level 3 when the applicant is passed on.
        CREATE TABLE desk_acceptance (
          applicant_id TEXT PRIMARY KEY REFERENCES desk_applicant(applicant_id) ON DELETE CASCADE,
          opinion      TEXT NOT NULL CHECK (length(opinion) <= 5000),
          accepted_at  TEXT NOT NULL
        ) STRICT;

        -- Who went into which pass-on batch (the batch itself is recorded in unit_batch, the one list of
        -- batches written here, so that it downloads like the unit's).
        CREATE TABLE desk_passon_member (
          batch_file   TEXT NOT NULL,
          applicant_id TEXT NOT NULL REFERENCES desk_applicant(applicant_id) ON DELETE CASCADE,
          committee    TEXT NOT NULL,
          package_file TEXT NOT NULL,
          PRIMARY KEY (batch_file, applicant_id)
        ) STRICT;
      `);
    },
  },
  {
    version: 15,
    name: 'desk-unit-publicity',
    up(db) {
      db.exec(`
        -- The unit's publicity evidence (content/unit/publicity.json, N-8) of each level-2 package a desk
        -- received, kept at receipt so the table across units (issue 17) shows the period and outcome and
        -- checks the applicant with those dates without opening thousands of package files.
        CREATE TABLE desk_unit_publicity (
          applicant_id TEXT NOT NULL REFERENCES applicant(id) ON DELETE CASCADE,
          revision     INTEGER NOT NULL,
          start_date   TEXT NOT NULL,
          end_date     TEXT NOT NULL,
          outcome      TEXT NOT NULL,
          PRIMARY KEY (applicant_id, revision)
        ) STRICT;
      `);
    },
  },
];

export const LATEST_VERSION = MIGRATIONS.at(-1)?.version ?? 0;
