// 审查 of the reviewing desk (issue 17): one applicant. Placeholder until its helper lands.
export interface DeskReviewScreenProps {
  /** The applicant opened from the table; null shows a chooser. */
  applicantId: string | null;
  onOpenApplicant: (applicantId: string) => void;
  onBack: () => void;
}

export function DeskReviewScreen(_props: DeskReviewScreenProps) {
  return null;
}
