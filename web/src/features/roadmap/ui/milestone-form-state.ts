/** What the milestone forms send back when a write is refused: the values typed, and why. */
export interface MilestoneFormState {
  values: {
    name: string;
    due: string;
    completed: string;
    isCompleted: boolean;
    description: string;
    retarget: string;
  };
  fieldErrors: Record<string, string>;
  message?: string;
}

/** The retarget choice that leaves open tickets where they are. */
export const LEAVE_TICKETS = '__leave__';
