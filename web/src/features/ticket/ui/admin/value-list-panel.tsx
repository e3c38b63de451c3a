import { AddForm } from '@/core/forms/add-form';
import { AdminForm, AdminInput } from '@/core/forms/admin-form';
import type { AdminFormAction } from '@/core/forms/admin-form-state';
import {
  OrderCell,
  RemoveAndApplyButtons,
  SelectAndNameCells,
  SelectAndNameHeaders,
} from '@/core/forms/list-table';
import { addTicketValueAction, submitListAction } from './ticket-admin-actions';

export interface ValueRow {
  name: string;
  /** Extra cells after the name (owner, dates). */
  cells?: string[];
  tickets: number;
}

/**
 * Trac's list panel: an add form on the left; on the right the values with a remove box, the
 * default radio and (for enums) the order; one form for "Remove selected" and "Apply changes".
 */
export function ValueListPanel(props: {
  list: string;
  one: string;
  title: string;
  base: string;
  rows: ValueRow[];
  columns?: string[];
  defaultValue: string;
  ordered?: boolean;
  /** The add form's inputs besides the name; the milestone panel passes its own form. */
  addForm?: React.ReactNode;
  extraAddFields?: React.ReactNode;
  help?: string;
  /** The list form's action; milestones pass their own, which retargets tickets. */
  listAction?: AdminFormAction;
}) {
  const { list, rows } = props;
  return (
    <>
      <h1>
        <span className="category">Ticket System: </span>
        {props.title}
      </h1>
      <div className="admin-columns">
        {props.addForm ?? (
          <AddForm action={addTicketValueAction} title={`Add ${props.one}`}>
            <input type="hidden" name="list" value={list} />
            <label className="field">
              <span>Name:</span>
              <AdminInput name="name" type="text" required aria-label="Name" />
            </label>
            {props.extraAddFields}
          </AddForm>
        )}
        <AdminForm action={props.listAction ?? submitListAction} label={`${props.title} list`}>
          <input type="hidden" name="list" value={list} />
          {rows.length === 0 ? (
            <p className="notice">None defined.</p>
          ) : (
            <table className="listing">
              <thead>
                <tr>
                  <SelectAndNameHeaders />
                  {props.columns?.map((column) => (
                    <th key={column} scope="col">
                      {column}
                    </th>
                  ))}
                  <th scope="col">Tickets</th>
                  <th className="default" scope="col">
                    Default
                  </th>
                  {props.ordered && <th scope="col">Order</th>}
                </tr>
              </thead>
              <tbody>
                {rows.map((row, index) => (
                  <tr key={row.name}>
                    <SelectAndNameCells name={row.name} base={props.base} />
                    {row.cells?.map((cell, i) => (
                      <td key={props.columns?.[i] ?? i}>{cell}</td>
                    ))}
                    <td>{row.tickets}</td>
                    <td className="default">
                      <AdminInput
                        type="radio"
                        name="default"
                        value={row.name}
                        defaultChecked={row.name === props.defaultValue}
                        aria-label={`Make ${row.name} the default`}
                      />
                    </td>
                    {props.ordered && <OrderCell name={row.name} index={index} />}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
          <label className="check">
            <AdminInput
              type="radio"
              name="default"
              value=""
              defaultChecked={props.defaultValue === ''}
            />
            No default
          </label>
          <RemoveAndApplyButtons />
          <p className="help">
            {props.help ??
              'Removing a value leaves the tickets that use it as they are; renaming one (on its page) renames it on every ticket.'}
          </p>
        </AdminForm>
      </div>
    </>
  );
}
