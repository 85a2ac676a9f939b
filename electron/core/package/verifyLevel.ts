// One level of a package, checked on its own: its three META-INF files are there and intact, the manifest
// is canonical JSON of a known format version matching the schema, the signer key is SM2 in its one
// canonical PEM encoding, and the SM2/SM3 signature over the exact manifest bytes holds. The chain between
// levels and the listed files are checked by verify.ts, which sees every level.
import { isCanonical } from './canonicalJson.js';
import { FORMAT, FORMAT_VERSION, Manifest, manifestPath, signaturePath, signerPath } from './manifest.js';
import { problem, type Problem } from '../../../shared/package/report.js';
import { fingerprint, publicKeyFromPem, publicKeyToPem, verify } from './sm2.js';
import type { OpenedPackage } from './zipRead.js';

/** 20,000 files make ~6 MB of manifest; a hostile 16 MiB one costs about half a second of SM3 here. */
const MAX_MANIFEST_BYTES = 16 * 2 ** 20;
const MAX_SMALL_BYTES = 16 * 2 ** 10;

export interface LevelData {
  level: number;
  manifest: Manifest | null;
  formatVersion: number | null;
  manifestValid: boolean;
  signatureValid: boolean;
  fingerprint: string | null;
  /** SHA-256 of the manifest and signature files (for the next level's chain link), null when absent. */
  manifestSha256: string | null;
  signatureSha256: string | null;
  /** SHA-256 of each META-INF file read, for callers that copy them (addLevel). */
  hashes: Map<string, string>;
}

/** Reads a small entry; an absent or damaged one becomes a problem and null. */
async function small(
  pkg: OpenedPackage,
  path: string,
  max: number,
  level: number,
  problems: Problem[],
  hashes: Map<string, string>,
) {
  const entry = pkg.entry(path);
  if (!entry) {
    problems.push(
      problem('level_incomplete', `第 ${level} 级缺少“${path}”。`, `Level ${level} lacks "${path}".`, { level, path }),
    );
    return null;
  }
  if (entry.size > max) {
    problems.push(
      problem(
        'entry_too_large',
        `“${path}”过大（${entry.size} 字节）。`,
        `"${path}" is too large (${entry.size} bytes).`,
        { level, path },
      ),
    );
    return null;
  }
  const read = await pkg.readBytes(entry, max);
  if (!read.crcOk) {
    problems.push(
      problem(
        'entry_damaged',
        `“${path}”与其 CRC-32 不符：已损坏。`,
        `"${path}" does not match its CRC-32: it is damaged.`,
        { level, path },
      ),
    );
  }
  hashes.set(path, read.sha256);
  return read;
}

export async function readLevel(pkg: OpenedPackage, level: number, problems: Problem[]): Promise<LevelData> {
  const hashes = new Map<string, string>();
  const m = await small(pkg, manifestPath(level), MAX_MANIFEST_BYTES, level, problems, hashes);
  const sig = await small(pkg, signaturePath(level), MAX_SMALL_BYTES, level, problems, hashes);
  const pem = await small(pkg, signerPath(level), MAX_SMALL_BYTES, level, problems, hashes);
  const data: LevelData = {
    level,
    manifest: null,
    formatVersion: null,
    manifestValid: false,
    signatureValid: false,
    fingerprint: null,
    manifestSha256: m?.sha256 ?? null,
    signatureSha256: sig?.sha256 ?? null,
    hashes,
  };
  if (m) Object.assign(data, parseManifest(m.bytes, level, problems));
  let publicKeyHex: string | null = null;
  if (pem) {
    try {
      publicKeyHex = publicKeyFromPem(pem.bytes.toString('utf8'), signerPath(level));
      data.fingerprint = fingerprint(publicKeyHex);
      // The manifest names the key by the SHA-256 of its DER (signer.fingerprint), yet PEM decoders forgive
      // (line ends, a final newline, unused base64 bits, bytes after the padding): only the one encoding
      // the format writes is taken, so that no byte of the file escapes what is signed.
      if (!pem.bytes.equals(Buffer.from(publicKeyToPem(publicKeyHex)))) {
        problems.push(
          problem(
            'signer_key_not_canonical',
            `${signerPath(level)} 不是其公钥的规范 PEM 编码（每行 64 个 base64 字符、LF 换行、末尾一个换行，与 openssl pkey -pubout 的输出逐字节相同）：文件被改动过。`,
            `${signerPath(level)} is not the canonical PEM encoding of its key (64 base64 characters a line, LF line ends, one final newline, byte for byte what openssl pkey -pubout writes): the file was altered.`,
            { level, path: signerPath(level) },
          ),
        );
      }
    } catch (e) {
      const msg = (e as { localized?: { zh: string; en: string } }).localized ?? { zh: String(e), en: String(e) };
      problems.push(problem('bad_signer_key', msg.zh, msg.en, { level, path: signerPath(level) }));
    }
  }
  if (m && sig && publicKeyHex) {
    data.signatureValid = verify(m.bytes, sig.bytes, publicKeyHex);
    if (!data.signatureValid) {
      problems.push(
        problem(
          'bad_signature',
          `第 ${level} 级的签名无效：清单或签名被改动过，或签名不是由 ${signerPath(level)} 中的密钥所作。`,
          `The level ${level} signature is not valid: the manifest or the signature was altered, or it was not made with the key in ${signerPath(level)}.`,
          { level, path: signaturePath(level) },
        ),
      );
    }
  }
  if (data.manifest && data.fingerprint && data.manifest.signer.fingerprint !== data.fingerprint) {
    problems.push(
      problem(
        'signer_mismatch',
        `清单写明的签名人指纹与 ${signerPath(level)} 的公钥不符。`,
        `The signer fingerprint in the manifest does not match the key in ${signerPath(level)}.`,
        { level, path: manifestPath(level) },
      ),
    );
  }
  return data;
}

/** The manifest bytes → a manifest of this format version and this level, in canonical form; or problems. */
function parseManifest(bytes: Buffer, level: number, problems: Problem[]): Partial<LevelData> {
  const where = { level, path: manifestPath(level) };
  const fail = (code: string, zh: string, en: string) => problems.push(problem(code, zh, en, where));
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    fail('manifest_not_json', '清单不是 UTF-8 JSON。', 'The manifest is not UTF-8 JSON.');
    return {};
  }
  const head = (json ?? {}) as { format?: unknown; formatVersion?: unknown };
  const formatVersion = typeof head.formatVersion === 'number' ? head.formatVersion : null;
  if (head.format !== FORMAT) {
    fail('not_a_package_manifest', `清单的 format 不是“${FORMAT}”。`, `The manifest's format is not "${FORMAT}".`);
    return { formatVersion };
  }
  if (head.formatVersion !== FORMAT_VERSION) {
    const v = String(head.formatVersion);
    fail(
      'unknown_format_version',
      `清单的格式版本 ${v} 未知（本程序支持 ${FORMAT_VERSION}）：可能由更新版本的应用生成，请升级后再验证。`,
      `The manifest's format version ${v} is unknown (this app reads ${FORMAT_VERSION}): a newer app may have made it; upgrade to verify it.`,
    );
    return { formatVersion };
  }
  const parsed = Manifest.safeParse(json);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .slice(0, 5)
      .map((i) => `${i.path.join('.')}: ${i.message}`)
      .join('; ');
    fail('manifest_invalid', `清单不符合格式：${detail}`, `The manifest does not match the format: ${detail}`);
    return { formatVersion };
  }
  if (parsed.data.level !== level) {
    const n = parsed.data.level;
    fail('level_mismatch', `清单声明的级别是 ${n}。`, `The manifest declares level ${n}.`);
    return { formatVersion };
  }
  // Canonical bytes also rule out duplicate keys, which parsers resolve differently.
  const manifestValid = isCanonical(bytes, json);
  if (!manifestValid)
    fail('manifest_not_canonical', '清单不是规范 JSON（RFC 8785）。', 'The manifest is not canonical JSON (RFC 8785).');
  return { formatVersion, manifest: parsed.data, manifestValid };
}
