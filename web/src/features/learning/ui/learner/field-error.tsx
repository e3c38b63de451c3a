/** A field's problem, right under it; the field points at it with aria-describedby. */
export function FieldError({ id, message }: { id: string; message: string | undefined }) {
  return message ? (
    <p className="lt-field-error" id={id} role="alert">
      {message}
    </p>
  ) : null;
}

/** The attributes that tie a field to its problem, when it has one. */
export function describedBy(id: string, message: string | undefined) {
  return message ? { 'aria-invalid': true as const, 'aria-describedby': id } : {};
}
