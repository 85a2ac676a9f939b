// PLACEHOLDER (issue 7): filled by the unit-work UI.
export interface ReviewScreenProps {
  /** Opens one applicant's review (from the table or elsewhere). */
  onOpenApplicant?: (applicantId: string) => void;
  applicantId?: string | null;
}

export function ReviewScreen(_props: ReviewScreenProps) {
  return null;
}
