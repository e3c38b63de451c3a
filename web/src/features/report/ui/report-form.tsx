'use client';

import Link from 'next/link';
import { useActionState } from 'react';

export interface ReportFormState {
  values: { title: string; description: string; query: string };
  errors: Record<string, string>;
  message?: string;
}

/** Trac's report editor: title, description (wiki text) and the SQL query. */
export function ReportForm(props: {
  action: (state: ReportFormState, form: FormData) => Promise<ReportFormState>;
  initial: ReportFormState;
  reportId?: number;
  cancelHref: string;
}) {
  const [state, formAction, pending] = useActionState(props.action, props.initial);
  const error = (name: string) =>
    state.errors[name] ? (
      <p className="field-error" id={`${name}-error`}>
        {state.errors[name]}
      </p>
    ) : null;
  return (
    <form action={formAction} className="report-form">
      {props.reportId !== undefined && (
        <input type="hidden" name="id" value={String(props.reportId)} />
      )}
      {state.message && (
        <div className="notice error" role="alert">
          {state.message}
        </div>
      )}
      <label className="block">
        Title
        <input
          type="text"
          name="title"
          defaultValue={state.values.title}
          aria-invalid={Boolean(state.errors.title)}
          required
        />
      </label>
      {error('title')}
      <label className="block">
        Description <span className="muted">(you may use WikiFormatting here)</span>
        <textarea name="description" rows={6} defaultValue={state.values.description} />
      </label>
      {error('description')}
      <label className="block">
        SQL query for report
        <textarea
          name="query"
          rows={14}
          className="sql"
          spellCheck={false}
          defaultValue={state.values.query}
          aria-invalid={Boolean(state.errors.query)}
        />
      </label>
      {error('query')}
      <div className="buttons">
        <button type="submit" className="primary" disabled={pending}>
          Save report
        </button>{' '}
        <Link href={props.cancelHref}>Cancel</Link>
      </div>
    </form>
  );
}
