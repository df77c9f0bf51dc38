/** Shared UI plumbing of every web part. */
export { AppShell, IAppShellProps } from './AppShell';
export { ErrorBar, IErrorBarProps, describeError, IErrorDescription, ErrorKind } from './ErrorBar';
export { Loading } from './Loading';
export { RichText, IRichTextProps } from './RichText';
export { RepositoriesContext, RepositoriesProvider, useRepositories, MissingRepositoriesError } from './RepositoriesContext';
export { useAsync, IAsyncState } from './useAsync';
export { resolveTheme, toTeamsThemeName, TeamsThemeName, IHostTheme } from './themes';
export { formatCount, formatDate, formatPounds, formatString } from './format';
export { DataTable, IDataTableColumn, IDataTableProps } from './DataTable';
export { RagBadge, IRagBadgeProps } from './RagBadge';
export { BarChart, IBarChartProps, IBarChartSeries, IBarChartGroup } from './BarChart';
export { ItemConflict, IItemConflictProps, IConflictRow } from './ItemConflict';
export { useItemEditor, IItemEditor, IItemEditorOptions, IConverted } from './useItemEditor';
export { formDraftKey, formDraftStorage, readFormDraft, writeFormDraft, clearFormDraft, FormDraftStorage, IFormDraft } from './formDrafts';
export { withWrappingHeaders, renderWrappingHeader } from './wrappingHeaders';
export { ClockProvider, IClock, IClockProviderProps, clockOnDay, systemClock, useClock, useToday } from './clock';
