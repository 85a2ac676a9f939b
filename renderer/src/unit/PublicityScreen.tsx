// PLACEHOLDER (issue 7): filled by the unit-work UI.
export interface PublicityScreenProps {
  /** Opens one applicant's review (from the table or elsewhere). */
  onOpenApplicant?: (applicantId: string) => void;
  applicantId?: string | null;
}

export function PublicityScreen(_props: PublicityScreenProps) {
  return null;
}
