// Which component draws which screen.
import type { ReactNode } from 'react';
import { ApplicationScreen } from './ApplicationScreen.js';
import { AssessmentsScreen } from './AssessmentsScreen.js';
import { AttachmentsScreen } from './AttachmentsScreen.js';
import { BackupsScreen } from './BackupsScreen.js';
import { CoursesScreen } from './CoursesScreen.js';
import { DisciplineScreen } from './DisciplineScreen.js';
import { EducationsScreen } from './EducationsScreen.js';
import { EligibilityScreen } from './EligibilityScreen.js';
import { FormsScreen } from './FormsScreen.js';
import { ImportExportScreen } from './ImportExportScreen.js';
import { MaterialsScreen } from './MaterialsScreen.js';
import { PackageScreen } from './PackageScreen.js';
import { ParamsScreen } from './ParamsScreen.js';
import { PensionScreen } from './PensionScreen.js';
import { PostInfoScreen } from './PostInfoScreen.js';
import { ProfileScreen } from './ProfileScreen.js';
import type { ScreenKey } from './screens.js';
import { SummaryScreen } from './SummaryScreen.js';
import { TitlesScreen } from './TitlesScreen.js';
import { TrashScreen } from './TrashScreen.js';
import { UnitScreen } from './UnitScreen.js';
import { VerifyPackageScreen } from './VerifyPackageScreen.js';
import { WorkPeriodsScreen } from './WorkPeriodsScreen.js';
import { WorksScreen } from './WorksScreen.js';

export interface ScreenProps {
  applicantId: string;
  onDeleted: () => void;
  /** Opens an archive afresh on 基本信息 (after a package import changed or made it). */
  onOpenArchive: (applicantId: string) => void;
}

export function renderScreen(key: ScreenKey, io: ScreenProps): ReactNode {
  switch (key) {
    case 'profile':
      return <ProfileScreen />;
    case 'unit':
      return <UnitScreen />;
    case 'application':
      return <ApplicationScreen />;
    case 'educations':
      return <EducationsScreen />;
    case 'titles':
      return <TitlesScreen />;
    case 'workPeriods':
      return <WorkPeriodsScreen />;
    case 'courses':
      return <CoursesScreen />;
    case 'assessments':
      return <AssessmentsScreen />;
    case 'pension':
      return <PensionScreen />;
    case 'works':
      return <WorksScreen />;
    case 'summary':
      return <SummaryScreen />;
    case 'discipline':
      return <DisciplineScreen />;
    case 'attachments':
      return <AttachmentsScreen applicantId={io.applicantId} />;
    case 'materials':
      return <MaterialsScreen applicantId={io.applicantId} />;
    case 'forms':
      return <FormsScreen applicantId={io.applicantId} />;
    case 'postInfo':
      return <PostInfoScreen />;
    case 'eligibility':
      return <EligibilityScreen />;
    case 'params':
      return <ParamsScreen />;
    case 'package':
      return <PackageScreen applicantId={io.applicantId} />;
    case 'verifyPackage':
      return <VerifyPackageScreen onOpenArchive={io.onOpenArchive} />;
    case 'io':
      return <ImportExportScreen applicantId={io.applicantId} onDeleted={io.onDeleted} />;
    case 'backups':
      return <BackupsScreen />;
    case 'trash':
      return <TrashScreen applicantId={io.applicantId} />;
  }
}
