/**
 * "Export to Excel" for a list view: runs the export (which builds and saves the file), says
 * which file was saved, or shows why it failed through the one error path.
 */
import * as React from 'react';
import { DefaultButton, MessageBar, MessageBarType, Stack } from '@fluentui/react';
import * as strings from 'SsmStrings';
import { ErrorBar } from './ErrorBar';
import { formatString } from './format';
import { noPrint } from './print';

/** Props of `ExportButton`. */
export interface IExportButtonProps {
  /** Builds and saves the file of the items shown; resolves to the file name saved. */
  onExport: () => Promise<string>;
}

/** The button, and below it what became of the last export. */
export function ExportButton(props: IExportButtonProps): JSX.Element {
  const { onExport } = props;
  const [busy, setBusy] = React.useState(false);
  const [saved, setSaved] = React.useState<string | undefined>(undefined);
  const [error, setError] = React.useState<unknown>(undefined);
  const mounted = React.useRef(true);
  React.useEffect(
    () => () => {
      mounted.current = false;
    },
    []
  );
  const run = (): void => {
    setBusy(true);
    setSaved(undefined);
    setError(undefined);
    onExport().then(
      (fileName) => {
        if (!mounted.current) return;
        setBusy(false);
        setSaved(fileName);
      },
      (e: unknown) => {
        if (!mounted.current) return;
        setBusy(false);
        setError(e);
      }
    );
  };
  return (
    // A control, never printed.
    <Stack tokens={{ childrenGap: 8 }} className={noPrint}>
      <DefaultButton iconProps={{ iconName: 'ExcelDocument' }} text={strings.ExportExcel} disabled={busy} onClick={run} />
      <ErrorBar error={error} onDismiss={() => setError(undefined)} />
      {saved && (
        <MessageBar messageBarType={MessageBarType.success} onDismiss={() => setSaved(undefined)}>
          {formatString(strings.ExportDone, saved)}
        </MessageBar>
      )}
    </Stack>
  );
}
