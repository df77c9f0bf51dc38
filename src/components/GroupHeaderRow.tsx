/**
 * A group header for grouped DetailsLists that stays valid ARIA in a `grid`: Fluent's own
 * header puts `aria-expanded` on the row, which ARIA allows only in a `treegrid` (axe rule
 * aria-conditional-attr), while a custom `role` on DetailsList strips the rows' roles. Here the
 * row is a plain row and the expand/collapse state sits on the button inside it.
 */
import * as React from 'react';
import { FontIcon, IGroupHeaderProps, mergeStyleSets, useTheme } from '@fluentui/react';

/** Renders one group header row; pass as `groupProps.onRenderHeader`. */
export function GroupHeaderRow(props: IGroupHeaderProps): JSX.Element {
  const { group, onToggleCollapse, groupLevel, ariaColSpan } = props;
  const theme = useTheme();
  // Mirrors Fluent's header: the list flips group.isCollapsed itself when told.
  const [collapsed, setCollapsed] = React.useState<boolean>(!!group?.isCollapsed);
  const classes = React.useMemo(
    () =>
      mergeStyleSets({
        row: { borderBottom: `1px solid ${theme.semanticColors.bodyDivider}`, paddingLeft: (groupLevel ?? 0) * 24 },
        button: {
          display: 'flex',
          alignItems: 'center',
          gap: 8,
          width: '100%',
          minHeight: 40,
          padding: '0 8px',
          border: 'none',
          background: 'transparent',
          color: theme.semanticColors.bodyText,
          font: 'inherit',
          fontSize: theme.fonts.mediumPlus.fontSize,
          fontWeight: 600,
          textAlign: 'left',
          cursor: 'pointer',
          selectors: {
            ':hover': { background: theme.semanticColors.listItemBackgroundHovered },
            ':focus-visible': { outline: `2px solid ${theme.palette.themePrimary}`, outlineOffset: -2 }
          }
        },
        count: { fontWeight: 400, color: theme.semanticColors.bodySubtext }
      }),
    [theme, groupLevel]
  );
  if (!group) return <React.Fragment />;
  const toggle = (): void => {
    setCollapsed(!collapsed);
    if (onToggleCollapse) onToggleCollapse(group);
  };
  return (
    <div role="row" className={classes.row} data-group-header="true">
      <div role="gridcell" aria-colspan={ariaColSpan}>
        <button type="button" className={classes.button} aria-expanded={!collapsed} onClick={toggle} data-is-focusable={true}>
          <FontIcon iconName={collapsed ? 'ChevronRight' : 'ChevronDown'} aria-hidden="true" />
          <span>{group.name}</span>
          <span className={classes.count}>({group.count})</span>
        </button>
      </div>
    </div>
  );
}
