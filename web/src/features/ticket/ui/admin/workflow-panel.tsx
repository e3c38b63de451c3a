import { getDb } from '@/core/db';
import { AdminForm, AdminTextarea } from '@/core/forms/admin-form';
import { formatWorkflowText } from '@/features/ticket/admin/workflow-text';
import { actionLabel, listWorkflowStates, loadWorkflow } from '@/features/ticket/workflow';
import { saveWorkflowAction } from './ticket-admin-actions';

export async function WorkflowPanel() {
  const workflow = await loadWorkflow({ db: getDb() });
  const text = formatWorkflowText(workflow);
  return (
    <>
      <h1>
        <span className="category">Ticket System: </span>Workflow
      </h1>
      <p>
        States:{' '}
        {listWorkflowStates(workflow).map((state, i) => (
          <span key={state}>
            {i > 0 && ', '}
            <code>{state}</code>
          </span>
        ))}
      </p>
      <table className="listing">
        <thead>
          <tr>
            <th scope="col">Action</th>
            <th scope="col">From</th>
            <th scope="col">To</th>
            <th scope="col">Effects</th>
            <th scope="col">Permissions</th>
          </tr>
        </thead>
        <tbody>
          {workflow.map((action) => (
            <tr key={action.name}>
              <td>
                {actionLabel(action)} <span className="muted">({action.name})</span>
              </td>
              <td>{action.oldStates.join(', ')}</td>
              <td>{action.newState === '*' ? '(unchanged)' : action.newState}</td>
              <td>{action.operations.join(', ')}</td>
              <td>{action.permissions.join(', ') || 'anyone'}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <AdminForm action={saveWorkflowAction} label="Edit workflow">
        <fieldset>
          <legend>Edit the [ticket-workflow] section:</legend>
          <AdminTextarea
            className="workflow"
            name="workflow"
            rows={Math.min(40, text.split('\n').length + 4)}
            defaultValue={text}
            aria-label="Workflow"
            spellCheck={false}
          />
          <p className="help">
            One action per block: <code>name = old,states -&gt; new</code>, then{' '}
            <code>name.operations</code> (leave_status, set_owner, set_owner_to_self, may_set_owner,
            del_owner, set_resolution, del_resolution, reset_workflow),{' '}
            <code>name.permissions</code>, <code>name.label</code>, <code>name.default</code>,{' '}
            <code>name.set_owner</code>, <code>name.set_resolution</code>. <code>*</code> is any
            state, <code>&lt;none&gt;</code> a ticket being created. The workflow is checked before
            it is saved.
          </p>
          <div className="buttons">
            <button type="submit">Save workflow</button>
          </div>
        </fieldset>
      </AdminForm>
    </>
  );
}
