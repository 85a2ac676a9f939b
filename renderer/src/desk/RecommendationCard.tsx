// The intermediate committee's recommendation of one applicant (issue 17, item 5), shown in the desk's review
// screen. Placeholder until its helper lands.
export interface RecommendationCardProps {
  applicantId: string;
  /** Called after a save, so the review screen can reload the applicant's status. */
  onChanged: () => void;
}

export function RecommendationCard(_props: RecommendationCardProps) {
  return null;
}
