'use client';

import { useState } from 'react';

/** A workflow action as the Action box shows it. */
export interface ActionChoice {
  name: string;
  label: string;
  hints: string[];
  /** The action takes a new owner (set_owner / may_set_owner), from a list or typed. */
  owner?: { options?: string[]; required: boolean; initial: string };
  /** The action takes a resolution (set_resolution). */
  resolutions?: string[];
}

/** Trac's Action box: one radio per available action, with its inputs and effects beside it. */
export function WorkflowActionChoices({
  actions,
  selected,
  owner,
  resolution,
  errors,
  legend = 'Action',
}: {
  actions: readonly ActionChoice[];
  selected: string;
  owner: string;
  resolution: string;
  errors: Readonly<Record<string, string>>;
  legend?: string;
}) {
  const [current, setCurrent] = useState(
    actions.some((action) => action.name === selected) ? selected : (actions[0]?.name ?? ''),
  );
  return (
    <fieldset className="ticket-actions">
      <legend>{legend}</legend>
      {errors.action && (
        <p className="field-error" role="alert">
          {errors.action}
        </p>
      )}
      {actions.map((action) => {
        const active = current === action.name;
        const id = `action_${action.name}`;
        return (
          <div key={action.name} className="ticket-action">
            <input
              type="radio"
              id={id}
              name="action"
              value={action.name}
              checked={active}
              onChange={() => setCurrent(action.name)}
            />{' '}
            <label htmlFor={id}>{action.label}</label>
            {action.owner &&
              (action.owner.options?.length ? (
                <select
                  name="action_owner"
                  aria-label={`New owner (${action.label})`}
                  defaultValue={owner || action.owner.initial}
                  disabled={!active}
                >
                  {action.owner.options.map((option) => (
                    <option key={option}>{option}</option>
                  ))}
                </select>
              ) : (
                <>
                  {' '}
                  to{' '}
                  <input
                    type="text"
                    name="action_owner"
                    aria-label={`New owner (${action.label})`}
                    defaultValue={owner || action.owner.initial}
                    disabled={!active}
                    size={20}
                  />
                </>
              ))}
            {action.resolutions && (
              <>
                {' '}
                as{' '}
                <select
                  name="action_resolution"
                  aria-label={`Resolution (${action.label})`}
                  defaultValue={resolution || action.resolutions[0]}
                  disabled={!active}
                >
                  {action.resolutions.map((option) => (
                    <option key={option}>{option}</option>
                  ))}
                </select>
              </>
            )}
            {active && action.hints.length > 0 && (
              <span className="ticket-action-hint"> {action.hints.join(' ')}</span>
            )}
            {active && (errors.action_owner || errors.action_resolution) && (
              <p className="field-error" role="alert">
                {errors.action_owner ?? errors.action_resolution}
              </p>
            )}
          </div>
        );
      })}
    </fieldset>
  );
}
