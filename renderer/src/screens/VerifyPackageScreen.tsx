// 校验导入 (issue 6): check a package offline — every level's signature, signer, chain and file digests —
// and import it when everything holds (for the unit, and for the applicant getting a reviewed package back).
import { ScreenFrame } from '../components/ScreenFrame.js';
import { useEditor } from '../editorContext.js';
import '../package/package.css';
import { PackageVerify } from '../package/PackageVerify.js';

export function VerifyPackageScreen({ onOpenArchive }: { onOpenArchive: (applicantId: string) => void }) {
  const { ops } = useEditor();
  return (
    <ScreenFrame screen="verifyPackage">
      <PackageVerify onOpenArchive={onOpenArchive} beforeImport={ops.drain} />
    </ScreenFrame>
  );
}
