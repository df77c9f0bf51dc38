/**
 * The filter bar of the benefits and risk registers: search, service and partner council (the
 * filters both share), then the register's own filters, "New" for users who may edit and the
 * Excel export. Not printed: the printed page names the filters applied instead (PrintFilters).
 */
import * as React from 'react';
import { Dropdown, IDropdownOption, PrimaryButton, SearchBox, Stack } from '@fluentui/react';
import * as strings from 'SsmStrings';
import { ExportButton } from './ExportButton';
import { noPrint } from './print';

/** The key of a filter's "all" option (no filter). */
export const ALL = 'all';

/** Props of `RegisterFilters`. */
export interface IRegisterFiltersProps {
  /** What a screen reader calls the group, e.g. "Filter risks". */
  label: string;
  /** The search box's label and placeholder. */
  searchLabel: string;
  search: string | undefined;
  onSearch: (text: string | undefined) => void;
  /** Service options, the first being "All services" (key `ALL`). */
  serviceOptions: IDropdownOption[];
  serviceKey: string | number;
  /** The key chosen; `ALL` for every service. */
  onService: (key: string | number) => void;
  /** Partner council options, the first being "All councils" (key `ALL`). */
  councilOptions: IDropdownOption[];
  councilKey: string;
  onCouncil: (key: string) => void;
  /** The "New …" button's text and action, for users who may edit. */
  newItem?: { text: string; onClick: () => void };
  /** Builds and saves the Excel file of the items shown; resolves to the file name. */
  onExport: () => Promise<string>;
  /** The register's own filters (status, category, …), after the shared ones. */
  children?: React.ReactNode;
}

/** The filter bar. */
export function RegisterFilters(props: IRegisterFiltersProps): JSX.Element {
  return (
    <Stack horizontal wrap verticalAlign="end" tokens={{ childrenGap: 12 }} role="group" aria-label={props.label} className={noPrint}>
      <Stack.Item styles={{ root: { minWidth: 220, maxWidth: '100%' } }}>
        <SearchBox
          placeholder={props.searchLabel}
          ariaLabel={props.searchLabel}
          value={props.search ?? ''}
          onChange={(_e, v) => props.onSearch(v || undefined)}
        />
      </Stack.Item>
      <Dropdown
        label={strings.FilterServiceLabel}
        options={props.serviceOptions}
        selectedKey={props.serviceKey}
        onChange={(_e, o) => o && props.onService(o.key)}
        styles={{ root: { minWidth: 220, maxWidth: '100%' } }}
      />
      <Dropdown
        label={strings.FilterCouncilLabel}
        options={props.councilOptions}
        selectedKey={props.councilKey}
        onChange={(_e, o) => o && props.onCouncil(String(o.key))}
        styles={{ root: { minWidth: 200, maxWidth: '100%' } }}
      />
      {props.children}
      {props.newItem && <PrimaryButton iconProps={{ iconName: 'Add' }} text={props.newItem.text} onClick={props.newItem.onClick} />}
      <ExportButton onExport={props.onExport} />
    </Stack>
  );
}

/** The text of the option chosen (for the printed filter line). */
export function optionText(options: ReadonlyArray<{ key: string | number; text: string }>, key: string | number): string {
  return options.find((o) => o.key === key)?.text ?? String(key);
}
