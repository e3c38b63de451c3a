import { ActionForm, SelectField } from '../action-form';
import { prerequisiteAction } from '../instructor-actions';

interface ConceptRef {
  ticketId: number;
  concept: string;
}

/**
 * A concept's prerequisites, each with a remove button, and a control to add one. learn-api
 * refuses an edge that would close a cycle, naming it; the message appears by the control.
 */
export function PrerequisiteEditor(props: {
  pathId: string;
  concept: ConceptRef & { prerequisites: number[] };
  concepts: ConceptRef[];
}) {
  const names = new Map(props.concepts.map((c) => [c.ticketId, c.concept]));
  const candidates = props.concepts.filter(
    (other) =>
      other.ticketId !== props.concept.ticketId &&
      !props.concept.prerequisites.includes(other.ticketId),
  );
  return (
    <div>
      <h4 id={`prereq-${props.concept.ticketId}`}>Prerequisites</h4>
      {props.concept.prerequisites.length === 0 ? (
        <p className="muted">None: a learner can start here.</p>
      ) : (
        <ul className="prerequisites" aria-labelledby={`prereq-${props.concept.ticketId}`}>
          {props.concept.prerequisites.map((id) => (
            <li key={id}>
              {names.get(id) ?? `#${id}`}
              <ActionForm action={prerequisiteAction} label={`Remove ${names.get(id) ?? id}`}>
                <input type="hidden" name="pathId" value={props.pathId} />
                <input type="hidden" name="ticketId" value={props.concept.ticketId} />
                <input type="hidden" name="prerequisiteId" value={id} />
                <input type="hidden" name="intent" value="remove" />
                <button
                  type="submit"
                  aria-label={`Remove prerequisite ${names.get(id) ?? id} from ${props.concept.concept}`}
                >
                  ×
                </button>
              </ActionForm>
            </li>
          ))}
        </ul>
      )}
      {candidates.length > 0 && (
        <ActionForm
          action={prerequisiteAction}
          label={`Add a prerequisite to ${props.concept.concept}`}
          className="add-prerequisite"
        >
          <input type="hidden" name="pathId" value={props.pathId} />
          <input type="hidden" name="ticketId" value={props.concept.ticketId} />
          <input type="hidden" name="intent" value="add" />
          <SelectField
            name="prerequisiteId"
            label={`Add a prerequisite to “${props.concept.concept}”`}
            defaultValue=""
          >
            <option value="" disabled>
              Choose a concept…
            </option>
            {candidates.map((other) => (
              <option key={other.ticketId} value={other.ticketId}>
                #{other.ticketId} {other.concept}
              </option>
            ))}
          </SelectField>
          <button type="submit" className="primary">
            Add
          </button>
        </ActionForm>
      )}
    </div>
  );
}
