import type { FieldSpec } from '../ticket-field-specs';

/** Trac's property grid: label and input pairs, two to a row, each with its own error. */
export function TicketFieldInputs({
  specs,
  values,
  errors,
  ccUpdate = false,
}: {
  specs: readonly FieldSpec[];
  values: Readonly<Record<string, string>>;
  errors: Readonly<Record<string, string>>;
  /** Whether the "Add to Cc" / "Remove from Cc" box is ticked. */
  ccUpdate?: boolean;
}) {
  return (
    <div className="ticket-props-grid">
      {specs.map((spec) => {
        const id = `field-${spec.name}`;
        const error = errors[spec.name];
        const describedBy = error ? `${id}-error` : spec.hint ? `${id}-hint` : undefined;
        const value = values[spec.name] ?? '';
        const common = {
          id,
          name: `field_${spec.name}`,
          disabled: spec.disabled,
          'aria-invalid': error ? true : undefined,
          'aria-describedby': describedBy,
        };
        let input: React.ReactNode;
        if (spec.ccToggle) {
          input = (
            <>
              {value && <span className="ticket-cc-list">{value} </span>}
              <label className="ticket-cc-toggle">
                <input
                  id={id}
                  type="checkbox"
                  name="cc_update"
                  value="1"
                  defaultChecked={ccUpdate}
                />{' '}
                {spec.ccToggle === 'add' ? 'Add to Cc' : 'Remove from Cc'}
              </label>
            </>
          );
        } else
          switch (spec.kind) {
            case 'select':
              input = (
                <select {...common} defaultValue={value}>
                  {(spec.optional || !spec.options?.includes(value)) && <option value="" />}
                  {spec.options?.map((option) => (
                    <option key={option} value={option}>
                      {option}
                    </option>
                  ))}
                </select>
              );
              break;
            case 'radio':
              input = (
                <div
                  className="ticket-radio-group"
                  role="radiogroup"
                  aria-labelledby={`${id}-label`}
                >
                  {spec.options?.map((option) => (
                    <label key={option}>
                      <input
                        type="radio"
                        name={`field_${spec.name}`}
                        value={option}
                        defaultChecked={value === option}
                        disabled={spec.disabled}
                      />{' '}
                      {option}
                    </label>
                  ))}
                </div>
              );
              break;
            case 'checkbox':
              input = (
                <>
                  {!spec.disabled && <input type="hidden" name={`field_${spec.name}`} value="0" />}
                  <input {...common} type="checkbox" value="1" defaultChecked={value === '1'} />
                </>
              );
              break;
            case 'textarea':
              input = <textarea {...common} rows={spec.rows ?? 5} defaultValue={value} />;
              break;
            case 'time':
              input = (
                <input
                  {...common}
                  type="text"
                  inputMode="numeric"
                  placeholder={spec.timeFormat === 'date' ? 'YYYY-MM-DD' : 'YYYY-MM-DD hh:mm'}
                  defaultValue={value.replace('T', ' ')}
                />
              );
              break;
            default:
              input = <input {...common} type="text" defaultValue={value} />;
          }
        return (
          <div
            key={spec.name}
            className={`ticket-prop${spec.wide ? ' wide' : ''}${error ? ' has-error' : ''}`}
          >
            <label id={`${id}-label`} htmlFor={spec.kind === 'radio' ? undefined : id}>
              {spec.label}:
            </label>
            <div className="ticket-prop-input">
              {input}
              {spec.hint && !error && (
                <small id={`${id}-hint`} className="muted">
                  {spec.hint}
                </small>
              )}
              {error && (
                <small id={`${id}-error`} className="field-error" role="alert">
                  {error}
                </small>
              )}
            </div>
          </div>
        );
      })}
    </div>
  );
}
