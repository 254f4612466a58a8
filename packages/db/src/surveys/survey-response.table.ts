/** A person's answer to a survey question, with its score; goes with the profile. */
export interface SurveyResponseTable {
  workspace_id: string;
  id: string;
  profile_id: string;
  survey: string;
  question: string;
  answer: string | null;
  score: number | null;
  responded_at: Date;
}
