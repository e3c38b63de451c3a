'use client';

import { useRouter } from 'next/navigation';
import { type FormEvent, useId, useState } from 'react';
// Straight from the modules, not the index: the index also carries the server's SQL builder.
import { formatQueryUrl } from '../language/format-query';
import { createQuery, type MatchMode, type QueryConstraint } from '../language/query-model';

/** A field as the builder needs it (plain data, sent from the server page). */
export interface BuilderField {
  name: string;
  label: string;
  type: 'text' | 'textarea' | 'select' | 'radio' | 'checkbox' | 'time' | 'id';
  options?: string[];
}

export interface BuilderState {
  groups: QueryConstraint[][];
  columns: string[];
  order: string;
  desc: boolean;
  group: string;
  groupDesc: boolean;
  max: string;
  verbose: boolean;
}

interface Operator {
  label: string;
  mode: MatchMode;
  negate: boolean;
}

const TEXT_OPERATORS: Operator[] = [
  { label: 'contains', mode: 'contains', negate: false },
  { label: "doesn't contain", mode: 'contains', negate: true },
  { label: 'begins with', mode: 'startsWith', negate: false },
  { label: 'ends with', mode: 'endsWith', negate: false },
  { label: 'is', mode: 'is', negate: false },
  { label: 'is not', mode: 'is', negate: true },
];
const CHOICE_OPERATORS: Operator[] = [
  { label: 'is', mode: 'is', negate: false },
  { label: 'is not', mode: 'is', negate: true },
];
const TIME_OPERATORS: Operator[] = [
  { label: 'between', mode: 'is', negate: false },
  { label: 'not between', mode: 'is', negate: true },
];

function operatorsFor(field: BuilderField): Operator[] {
  if (field.type === 'text' || field.type === 'textarea') return TEXT_OPERATORS;
  if (field.type === 'time') return TIME_OPERATORS;
  if (field.type === 'checkbox') return CHOICE_OPERATORS.slice(0, 1);
  return CHOICE_OPERATORS;
}

const opKey = (op: { mode: MatchMode; negate: boolean }) => `${op.negate ? '!' : ''}${op.mode}`;

function newConstraint(field: BuilderField): QueryConstraint {
  const op = operatorsFor(field)[0] ?? CHOICE_OPERATORS[0]!;
  const values = field.type === 'checkbox' ? ['1'] : field.type === 'time' ? ['..'] : [''];
  return { field: field.name, mode: op.mode, negate: op.negate, values };
}

/** Keeps what would filter: empty text boxes and unticked choices ask for nothing. */
function meaningful(c: QueryConstraint, field: BuilderField | undefined): QueryConstraint | null {
  if (field?.type === 'time') {
    const values = c.values.filter((v) => v.replace('..', '').trim() !== '');
    return values.length > 0 ? { ...c, values } : null;
  }
  if (field?.type === 'select' || field?.type === 'radio') {
    return c.values.length > 0 ? c : null;
  }
  const values = c.values.map((v) => v.trim()).filter((v) => v !== '');
  return values.length > 0 ? { ...c, values } : null;
}

/** Trac's query form: filters in OR groups, columns, grouping, order and page size. */
export function QueryBuilder(props: { fields: BuilderField[]; initial: BuilderState }) {
  const { fields } = props;
  const router = useRouter();
  const formId = useId();
  const [state, setState] = useState<BuilderState>(props.initial);
  const byName = new Map(fields.map((f) => [f.name, f]));
  const columnFields = fields.filter((f) => f.type !== 'textarea' && f.type !== 'id');

  const update = (change: Partial<BuilderState>) => setState((s) => ({ ...s, ...change }));
  const setGroups = (groups: QueryConstraint[][]) => update({ groups });
  const setConstraint = (g: number, i: number, change: Partial<QueryConstraint>) =>
    setGroups(
      state.groups.map((group, gi) =>
        gi !== g ? group : group.map((c, ci) => (ci === i ? { ...c, ...change } : c)),
      ),
    );
  const removeConstraint = (g: number, i: number) =>
    setGroups(
      state.groups
        .map((group, gi) => (gi === g ? group.filter((_, ci) => ci !== i) : group))
        .filter((group, gi) => group.length > 0 || gi === 0),
    );
  const addConstraint = (g: number, name: string) => {
    const field = byName.get(name);
    if (!field) return;
    const groups = state.groups.length > 0 ? state.groups : [[]];
    const group = groups[g] ?? [];
    // One filter per field and group, as in Trac: adding it again adds an alternative value.
    if (group.some((c) => c.field === name)) return;
    setGroups(groups.map((grp, gi) => (gi === g ? [...grp, newConstraint(field)] : grp)));
  };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const groups = state.groups
      .map((group) =>
        group
          .map((c) => meaningful(c, byName.get(c.field)))
          .filter((c): c is QueryConstraint => c !== null),
      )
      .filter((group) => group.length > 0);
    const max = Number.parseInt(state.max, 10);
    const query = createQuery({
      groups,
      order: state.order || undefined,
      desc: state.desc,
      group: state.group || undefined,
      groupDesc: state.group ? state.groupDesc : false,
      columns: state.columns,
      max: Number.isSafeInteger(max) && max >= 0 ? max : undefined,
      verbose: state.verbose,
    });
    router.push(`/query?${formatQueryUrl(query)}`);
  };

  const groups = state.groups.length > 0 ? state.groups : [[]];
  return (
    <form className="query-form" onSubmit={submit} aria-label="Query">
      <fieldset className="query-filters">
        <legend>Filters</legend>
        {groups.map((group, g) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: groups have no identity beyond position
          <div key={g} className="filter-group">
            {g > 0 && <div className="or-divider">Or</div>}
            <table className="filter-table">
              <tbody>
                {group.map((c, i) => {
                  const field = byName.get(c.field) ?? {
                    name: c.field,
                    label: c.field,
                    type: 'text' as const,
                  };
                  return (
                    <FilterRow
                      key={c.field}
                      id={`${formId}-${g}-${c.field}`}
                      field={field}
                      constraint={c}
                      onChange={(change) => setConstraint(g, i, change)}
                      onRemove={() => removeConstraint(g, i)}
                    />
                  );
                })}
              </tbody>
            </table>
            <div className="filter-actions">
              <label>
                <span className="visually-hidden">
                  {g === 0 ? 'Add filter' : `Add filter to group ${g + 1}`}
                </span>
                <select
                  value=""
                  aria-label={g === 0 ? 'Add filter' : `Add filter to group ${g + 1}`}
                  onChange={(e) => addConstraint(g, e.target.value)}
                >
                  <option value="">And…</option>
                  {fields
                    .filter((f) => !group.some((c) => c.field === f.name))
                    .map((f) => (
                      <option key={f.name} value={f.name}>
                        {f.label}
                      </option>
                    ))}
                </select>
              </label>
              {g === groups.length - 1 && (
                <select
                  value=""
                  aria-label="Add an Or group"
                  onChange={(e) => {
                    const field = byName.get(e.target.value);
                    if (field) setGroups([...groups, [newConstraint(field)]]);
                  }}
                >
                  <option value="">Or…</option>
                  {fields.map((f) => (
                    <option key={f.name} value={f.name}>
                      {f.label}
                    </option>
                  ))}
                </select>
              )}
            </div>
          </div>
        ))}
      </fieldset>

      <fieldset className="query-columns">
        <legend>Columns</legend>
        <div className="column-choices">
          {columnFields.map((f) => (
            <label key={f.name}>
              <input
                type="checkbox"
                checked={state.columns.includes(f.name)}
                onChange={(e) =>
                  update({
                    columns: e.target.checked
                      ? columnFields
                          .map((cf) => cf.name)
                          .filter((n) => n === f.name || state.columns.includes(n))
                      : state.columns.filter((n) => n !== f.name),
                  })
                }
              />{' '}
              {f.label}
            </label>
          ))}
        </div>
      </fieldset>

      <div className="query-options">
        <SortChoice
          label="Group results by"
          fields={[
            { name: '', label: '' },
            ...columnFields.filter(
              (f) => f.type !== 'time' && f.name !== 'summary' && f.type !== 'id',
            ),
          ]}
          value={state.group}
          descending={state.groupDesc}
          onChange={(group, groupDesc) => update({ group, groupDesc })}
        />
        <SortChoice
          label="Order by"
          fields={[{ name: 'id', label: 'Ticket' }, ...columnFields]}
          value={state.order}
          descending={state.desc}
          onChange={(order, desc) => update({ order, desc })}
        />
        <label>
          <input
            type="checkbox"
            checked={state.verbose}
            onChange={(e) => update({ verbose: e.target.checked })}
          />{' '}
          Show description under each result
        </label>
        <label>
          Max items per page{' '}
          <input
            type="number"
            min={0}
            className="max-input"
            value={state.max}
            onChange={(e) => update({ max: e.target.value })}
          />
        </label>
      </div>
      <div className="buttons">
        <button type="submit" className="primary">
          Update
        </button>
      </div>
    </form>
  );
}

/** A field to group or order by, with its "descending" box. */
function SortChoice(props: {
  label: string;
  fields: readonly { name: string; label?: string }[];
  value: string;
  descending: boolean;
  onChange: (value: string, descending: boolean) => void;
}) {
  const { value, descending, onChange } = props;
  return (
    <>
      <label>
        {props.label}{' '}
        <select value={value} onChange={(e) => onChange(e.target.value, descending)}>
          {props.fields.map((f) => (
            <option key={f.name} value={f.name}>
              {f.label}
            </option>
          ))}
        </select>
      </label>
      <label>
        <input
          type="checkbox"
          checked={descending}
          onChange={(e) => onChange(value, e.target.checked)}
        />{' '}
        descending
      </label>
    </>
  );
}

function FilterRow(props: {
  id: string;
  field: BuilderField;
  constraint: QueryConstraint;
  onChange: (change: Partial<QueryConstraint>) => void;
  onRemove: () => void;
}) {
  const { id, field, constraint: c, onChange } = props;
  const operators = operatorsFor(field);
  return (
    <tr className="filter-row">
      <th scope="row">
        <label htmlFor={`${id}-op`}>{field.label}</label>
      </th>
      <td className="filter-op">
        {operators.length > 1 ? (
          <select
            id={`${id}-op`}
            aria-label={`${field.label} operator`}
            value={opKey(c)}
            onChange={(e) => {
              const op = operators.find((o) => opKey(o) === e.target.value);
              if (op) onChange({ mode: op.mode, negate: op.negate });
            }}
          >
            {operators.map((op) => (
              <option key={opKey(op)} value={opKey(op)}>
                {op.label}
              </option>
            ))}
          </select>
        ) : (
          <span id={`${id}-op`}>{operators[0]?.label}</span>
        )}
      </td>
      <td className="filter-values">
        <FilterValues field={field} constraint={c} onChange={onChange} />
      </td>
      <td className="filter-remove">
        <button
          type="button"
          className="remove-filter"
          aria-label={`Remove ${field.label} filter`}
          onClick={props.onRemove}
        >
          −
        </button>
      </td>
    </tr>
  );
}

function FilterValues(props: {
  field: BuilderField;
  constraint: QueryConstraint;
  onChange: (change: Partial<QueryConstraint>) => void;
}) {
  const { field, constraint: c, onChange } = props;
  if ((field.type === 'select' || field.type === 'radio') && field.options) {
    const extra = c.values.filter((v) => !field.options?.includes(v));
    return (
      <span className="choices">
        {[...(field.options ?? []), ...extra].map((option) => (
          <label key={option}>
            <input
              type="checkbox"
              checked={c.values.includes(option)}
              onChange={(e) =>
                onChange({
                  values: e.target.checked
                    ? [...c.values, option]
                    : c.values.filter((v) => v !== option),
                })
              }
            />{' '}
            {option === '' ? <em>(none)</em> : option}
          </label>
        ))}
      </span>
    );
  }
  if (field.type === 'checkbox') {
    return (
      <span className="choices">
        {[
          ['1', 'yes'],
          ['0', 'no'],
        ].map(([value, label]) => (
          <label key={value}>
            <input
              type="radio"
              name={`${field.name}-checkbox`}
              checked={c.values[0] === value}
              onChange={() => onChange({ values: [value ?? '1'] })}
            />{' '}
            {label}
          </label>
        ))}
      </span>
    );
  }
  if (field.type === 'time') {
    const [start = '', end = ''] = (c.values[0] ?? '..').split('..');
    const set = (from: string, to: string) => onChange({ values: [`${from}..${to}`] });
    return (
      <span className="date-range">
        <input
          type="text"
          aria-label={`${field.label} from`}
          placeholder="e.g. 1weekago"
          value={start}
          onChange={(e) => set(e.target.value, end)}
        />{' '}
        and{' '}
        <input
          type="text"
          aria-label={`${field.label} until`}
          placeholder="e.g. today"
          value={end}
          onChange={(e) => set(start, e.target.value)}
        />
      </span>
    );
  }
  return (
    <input
      type="text"
      aria-label={field.label}
      placeholder={field.type === 'id' ? 'e.g. 42,44,51-55' : undefined}
      value={c.values.join('|')}
      onChange={(e) => onChange({ values: e.target.value.split('|') })}
    />
  );
}
