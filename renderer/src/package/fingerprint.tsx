// Fingerprints as people read them aloud and compare them on paper: upper case, groups of four
// ("AB12 CD34 …"), as F-1 and the pledge print the signing key's.
import { Typography } from 'antd';

export const groupHex = (hex: string): string => hex.toUpperCase().replace(/(.{4})(?!$)/g, '$1 ');

/** A SHA-256 in two lines of eight groups, selectable and copyable as one. */
export function Fingerprint({ hex, testId }: { hex: string; testId?: string }) {
  const groups = groupHex(hex).split(' ');
  const half = Math.ceil(groups.length / 2);
  return (
    <Typography.Text
      className="pkg-fingerprint"
      copyable={{ text: groupHex(hex) }}
      data-testid={testId}
      data-value={hex}
    >
      <code className="pkg-fingerprint-code">
        <span className="pkg-fingerprint-line">{groups.slice(0, half).join(' ')}</span>{' '}
        <span className="pkg-fingerprint-line">{groups.slice(half).join(' ')}</span>
      </code>
    </Typography.Text>
  );
}
