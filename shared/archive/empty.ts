// Blank values: what a new archive and a newly added record start from.
import {
  ARCHIVE_FORMAT,
  ARCHIVE_VERSION,
  type ArchiveDocument,
  type RecordKind,
  type RecordOf,
  type Sections,
} from './schema.js';

export function emptySections(): Sections {
  return {
    profile: { name: '', sex: '', birthDate: '', idNumber: '', phone: '', email: '', administrativePost: '' },
    unit: { name: '', creditCode: '', type: '', competentDepartment: '', personnelAgency: '', city: '' },
    application: {
      specialty: '',
      committee: '',
      titleApplied: '高级工程师',
      exceptional: false,
      exceptionalReason: '',
      covidFrontline: false,
    },
    summary: { text: '' },
    materials: { paperCopies: [] },
  };
}

type Blank = { [K in RecordKind]: Omit<RecordOf<K>, 'id'> };
const BLANK: Blank = {
  educations: {
    level: '',
    school: '',
    major: '',
    startDate: '',
    graduationDate: '',
    degree: '',
    diplomaNumber: '',
    degreeCertificateNumber: '',
    fullTime: true,
    origin: 'domestic',
  },
  titles: { level: '', series: '', name: '', obtainedDate: '', certificateNumber: '', issuingBody: '' },
  appointments: { post: '', grade: '', startDate: '', endDate: '' },
  workPeriods: { unit: '', post: '', startDate: '', endDate: '', description: '' },
  courses: { year: null, name: '', category: '', mode: '', hours: null, provider: '', platform: '' },
  assessments: { year: null, result: '' },
  pensionYears: { year: null, payer: '' },
  works: {
    type: 'paper',
    title: '',
    date: '',
    collective: false,
    representative: false,
    rank: null,
    journal: '',
    issn: '',
    cn: '',
    issue: '',
    publisher: '',
    isbn: '',
    patentType: '',
    patentNumber: '',
    reportKind: '',
    role: '',
    isLeadWriter: false,
    issuer: '',
    number: '',
    level: '',
    grade: '',
    description: '',
  },
  disciplineRecords: { year: null, description: '' },
};

export function emptyRecord<K extends RecordKind>(kind: K, id: string): RecordOf<K> {
  return { ...BLANK[kind], id } as RecordOf<K>;
}

export function emptyArchive(): ArchiveDocument {
  return {
    format: ARCHIVE_FORMAT,
    version: ARCHIVE_VERSION,
    ...emptySections(),
    educations: [],
    titles: [],
    appointments: [],
    workPeriods: [],
    courses: [],
    assessments: [],
    pensionYears: [],
    works: [],
    disciplineRecords: [],
  };
}
