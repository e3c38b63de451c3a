'use client';

import { useActionState, useState } from 'react';
import { WikiContent } from '@/core/wiki-render/wiki-content';
import { DiffView } from './diff-view';
import type { EditWikiState } from './submit-wiki-page-edit';

/** The editor: text, comment, preview and save, with the formatting help beside it. */
export function WikiEditForm({
  action,
  initial,
  helpHtml,
  canSetReadonly,
  templates,
}: {
  /** Previews or saves; the route binds it to the app's features. */
  action: (previous: EditWikiState, form: FormData) => Promise<EditWikiState>;
  initial: EditWikiState;
  helpHtml: string;
  canSetReadonly: boolean;
  templates: { name: string; text: string }[];
}) {
  const [state, formAction, pending] = useActionState(action, initial);
  const [showHelp, setShowHelp] = useState(true);
  const [text, setText] = useState(initial.text);
  const [lastState, setLastState] = useState(state);
  if (lastState !== state) {
    // A preview or refused save returns the text as submitted; keep the editor in step.
    setLastState(state);
    setText(state.text);
  }
  return (
    <form action={formAction} className="wiki-edit" aria-label={`Edit ${state.name}`}>
      {state.error && (
        <div className="notice error" role="alert">
          {state.error}
        </div>
      )}
      {state.conflict && (
        <section className="conflict" aria-label="Conflicting changes">
          <h2>
            Your text compared with version {state.conflict.currentVersion}
            {state.conflict.currentAuthor && <> by {state.conflict.currentAuthor}</>}
          </h2>
          <p className="muted">
            Merge the other changes into your text below; saving again replaces version{' '}
            {state.conflict.currentVersion}.
          </p>
          <DiffView
            diff={state.conflict.diff}
            style="inline"
            oldLabel={`Version ${state.conflict.currentVersion}`}
            newLabel="Your text"
          />
        </section>
      )}
      {state.previewHtml !== undefined && (
        <section className="preview" aria-label="Preview">
          <h2>Preview</h2>
          <WikiContent html={state.previewHtml} />
        </section>
      )}
      <input type="hidden" name="baseVersion" value={state.baseVersion} />
      <div className="edit-toolbar">
        {templates.length > 0 && state.baseVersion === 0 && (
          <label>
            Start from template{' '}
            <select
              onChange={(event) => {
                const chosen = templates.find((t) => t.name === event.target.value);
                if (chosen) setText(chosen.text);
              }}
              defaultValue=""
            >
              <option value="">(blank page)</option>
              {templates.map((t) => (
                <option key={t.name} value={t.name}>
                  {t.name.replace(/^PageTemplates\//, '')}
                </option>
              ))}
            </select>
          </label>
        )}
        <label className="toggle">
          <input
            type="checkbox"
            checked={showHelp}
            onChange={(e) => setShowHelp(e.target.checked)}
          />{' '}
          Side-by-side help
        </label>
      </div>
      <div className={showHelp ? 'edit-columns with-help' : 'edit-columns'}>
        <div className="edit-text">
          <label htmlFor="wiki-text">Page source</label>
          <textarea
            id="wiki-text"
            name="text"
            rows={24}
            value={text}
            onChange={(event) => setText(event.target.value)}
            spellCheck
          />
        </div>
        {showHelp && (
          <aside className="edit-help" aria-label="Formatting help">
            <WikiContent html={helpHtml} />
          </aside>
        )}
      </div>
      <fieldset className="change-info">
        <legend>Change information</legend>
        <label>
          Comment about this change (optional):
          <input type="text" name="comment" defaultValue={state.comment} maxLength={1000} />
        </label>
        {canSetReadonly && (
          <label className="toggle">
            <input type="checkbox" name="readonly" defaultChecked={state.readonly} /> Page is
            read-only
          </label>
        )}
      </fieldset>
      <div className="buttons">
        <button type="submit" name="intent" value="preview" disabled={pending}>
          Preview Page
        </button>
        <button type="submit" name="intent" value="save" className="primary" disabled={pending}>
          Submit changes
        </button>
      </div>
    </form>
  );
}
