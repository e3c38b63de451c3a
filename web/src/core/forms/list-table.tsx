import Link from 'next/link';
import { AdminInput } from './admin-form';

// The cells and buttons of a list form, named as `submitListAction` reads them: `sel` for the
// rows to remove, `order.<name>` for each row's place, `intent` for which button was pressed.

/** The header cells over the remove box and the linked name. */
export function SelectAndNameHeaders() {
  return (
    <>
      <th className="sel" scope="col">
        <span className="visually-hidden">Select</span>
      </th>
      <th scope="col">Name</th>
    </>
  );
}

/** A row's remove box and its name, linked to the row's own page under `base`. */
export function SelectAndNameCells(props: { name: string; base: string }) {
  const { name } = props;
  return (
    <>
      <td className="sel">
        <AdminInput type="checkbox" name="sel" value={name} aria-label={`Select ${name}`} />
      </td>
      <td>
        <Link href={`${props.base}/${encodeURIComponent(name)}`}>{name}</Link>
      </td>
    </>
  );
}

/** A row's place in the list, counted from 1. */
export function OrderCell(props: { name: string; index: number }) {
  return (
    <td className="order">
      <AdminInput
        name={`order.${props.name}`}
        type="number"
        min={1}
        defaultValue={props.index + 1}
        aria-label={`Order of ${props.name}`}
      />
    </td>
  );
}

export function RemoveAndApplyButtons() {
  return (
    <div className="buttons">
      <button type="submit" name="intent" value="remove">
        Remove selected items
      </button>
      <button type="submit" name="intent" value="apply">
        Apply changes
      </button>
    </div>
  );
}
