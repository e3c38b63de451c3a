/** The text of one form field, or '' when it is missing or a file. */
export const readText = (form: FormData, key: string) => {
  const value = form.get(key);
  return typeof value === 'string' ? value : '';
};

/** Every text value of a repeated field (checkbox lists). */
export const readAll = (form: FormData, key: string) =>
  form.getAll(key).filter((value): value is string => typeof value === 'string');

/** Positions typed into `order.<name>` inputs. */
export function readOrder(form: FormData): Record<string, number> {
  const order: Record<string, number> = {};
  for (const [key, value] of form.entries()) {
    if (key.startsWith('order.') && typeof value === 'string' && value.trim() !== '') {
      order[key.slice('order.'.length)] = Number(value);
    }
  }
  return order;
}
