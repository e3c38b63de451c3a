import type { MilestoneGroup } from '../list-milestones';

/** The milestones tickets can move to, one <optgroup> per group. */
export function MilestoneTargetOptions(props: { groups: readonly MilestoneGroup[] }) {
  return props.groups.map((group) => (
    <optgroup key={group.label} label={group.label}>
      {group.names.map((name) => (
        <option key={name} value={name}>
          {name}
        </option>
      ))}
    </optgroup>
  ));
}
