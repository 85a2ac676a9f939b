// 申报人一览 of the reviewing desk (issue 17): the table across units. Placeholder until its helper lands.
export interface DeskApplicantsScreenProps {
  onOpenApplicant: (applicantId: string) => void;
  onReceive: () => void;
}

export function DeskApplicantsScreen(_props: DeskApplicantsScreenProps) {
  return null;
}
