import type { AdminPanel } from '@/core/feature';
import { ComponentsPanel } from './components-panel';
import { CustomFieldsPanel } from './custom-fields-panel';
import { ENUM_PANELS, EnumPanel, type EnumPanelName } from './enum-panel';
import { VersionsPanel } from './versions-panel';
import { WorkflowPanel } from './workflow-panel';

const category = { id: 'ticket', label: 'Ticket System' };

const enumPanel = (urlName: EnumPanelName): AdminPanel => ({
  category,
  id: urlName,
  label: ENUM_PANELS[urlName].title,
  permission: 'TRAC_ADMIN',
  itemPages: true,
  screen: ({ path }) => <EnumPanel path={path} urlName={urlName} />,
});

/** The ticket system's admin panels: its value lists, custom fields and workflow. */
export const ticketAdminPanels: readonly AdminPanel[] = [
  {
    category,
    id: 'components',
    label: 'Components',
    permission: 'TRAC_ADMIN',
    itemPages: true,
    screen: ({ path }) => <ComponentsPanel path={path} />,
  },
  {
    category,
    id: 'customfields',
    label: 'Custom Fields',
    permission: 'TRAC_ADMIN',
    itemPages: true,
    screen: ({ path }) => <CustomFieldsPanel path={path} />,
  },
  enumPanel('priority'),
  enumPanel('resolution'),
  enumPanel('severity'),
  enumPanel('type'),
  {
    category,
    id: 'versions',
    label: 'Versions',
    permission: 'TRAC_ADMIN',
    itemPages: true,
    screen: ({ path }) => <VersionsPanel path={path} />,
  },
  {
    category,
    id: 'workflow',
    label: 'Workflow',
    permission: 'TRAC_ADMIN',
    screen: () => <WorkflowPanel />,
  },
];
