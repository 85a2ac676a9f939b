// 报送 of the reviewing desk (issue 17): the pass-on by committee. Placeholder until its helper lands.
export interface DeskSubmitScreenProps {
  onOpenApplicant: (applicantId: string) => void;
}

export function DeskSubmitScreen(_props: DeskSubmitScreenProps) {
  return null;
}
