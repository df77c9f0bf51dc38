/**
 * A small rich text editor for narratives: a contentEditable area with a toolbar of Fluent
 * buttons for paragraphs, bullet and numbered lists, bold, italic and https, http and mailto
 * links (pasted headings, tables and the like are kept by the allow-list of sanitise.ts). No
 * well-kept SPFx rich text control is available to this solution (@pnp/spfx-controls-react is
 * not installed), so this stays deliberately minimal. What it
 * emits is sanitised by the caller on save (see sanitise.ts); what it shows is sanitised here.
 */
import * as React from 'react';
import { DefaultButton, FocusZone, FocusZoneDirection, IconButton, Label, PrimaryButton, Stack, TextField, mergeStyleSets, useTheme } from '@fluentui/react';
import { lazyStrings } from '../loc/lazy';
import { sanitiseRichText } from './sanitise';
import { safeHref } from '../domain/links';

/** Props of `RichTextEditor`. */
export interface IRichTextEditorProps {
  /** Visible label; also the accessible name of the editing area. */
  label: string;
  /** HTML value. */
  value: string;
  /** Called with the editor's HTML after every change (not yet sanitised). */
  onChange: (html: string) => void;
  /** Error shown under the editor (validation), announced to screen readers. */
  errorMessage?: string;
  /** Marks the field as required. */
  required?: boolean;
  /** Read-only: shows the text without the toolbar. */
  readOnly?: boolean;
}

/** Formatting commands of the toolbar (document.execCommand names). */
type Command = 'bold' | 'italic' | 'insertUnorderedList' | 'insertOrderedList' | 'unlink';

let editorCount = 0;

function runCommand(command: Command | 'createLink' | 'defaultParagraphSeparator', value?: string): void {
  // execCommand is deprecated but remains the only cross-browser way to edit contentEditable;
  // jsdom does not implement it, which is fine: tests type HTML through onInput.
  if (typeof document.execCommand === 'function') document.execCommand(command, false, value);
}

/** The editor. */
export function RichTextEditor(props: IRichTextEditorProps): JSX.Element {
  const { label, value, onChange, errorMessage, required, readOnly } = props;
  const theme = useTheme();
  const [id] = React.useState(() => `ssm-rte-${++editorCount}`);
  const areaRef = React.useRef<HTMLDivElement>(null);
  const lastEmitted = React.useRef<string | undefined>(undefined);
  const savedRange = React.useRef<Range | undefined>(undefined);
  const [linkOpen, setLinkOpen] = React.useState(false);
  const [linkUrl, setLinkUrl] = React.useState('');
  const [linkError, setLinkError] = React.useState<string | undefined>(undefined);

  // Only write the DOM when the value changed from outside (not on our own keystrokes), so the
  // caret does not jump.
  React.useEffect(() => {
    const area = areaRef.current;
    if (!area || value === lastEmitted.current) return;
    area.innerHTML = sanitiseRichText(value);
    lastEmitted.current = value;
  }, [value, readOnly]);

  const classes = React.useMemo(
    () =>
      mergeStyleSets({
        area: {
          minHeight: 120,
          padding: '6px 8px',
          border: `1px solid ${errorMessage ? theme.semanticColors.errorText : theme.semanticColors.inputBorder}`,
          borderRadius: 2,
          background: readOnly ? theme.semanticColors.disabledBackground : theme.semanticColors.inputBackground,
          color: theme.semanticColors.inputText,
          overflowY: 'auto',
          maxHeight: 320,
          selectors: {
            ':focus': { outline: `2px solid ${theme.semanticColors.inputFocusBorderAlt}`, outlineOffset: -1 },
            p: { margin: '0 0 8px' },
            a: { color: theme.semanticColors.link }
          }
        },
        error: { color: theme.semanticColors.errorText, fontSize: theme.fonts.small.fontSize, marginTop: 4 }
      }),
    [theme, errorMessage, readOnly]
  );

  const emit = (): void => {
    const area = areaRef.current;
    if (!area) return;
    lastEmitted.current = area.innerHTML;
    onChange(area.innerHTML);
  };

  const apply = (command: Command): void => {
    areaRef.current?.focus();
    runCommand(command);
    emit();
  };

  const openLink = (): void => {
    const selection = typeof window.getSelection === 'function' ? window.getSelection() : undefined;
    savedRange.current = selection && selection.rangeCount > 0 ? selection.getRangeAt(0).cloneRange() : undefined;
    setLinkUrl('');
    setLinkError(undefined);
    setLinkOpen(true);
  };

  const insertLink = (): void => {
    const url = linkUrl.trim();
    // The same check as every link shown from stored data: https, http or mailto after parsing.
    if (!safeHref(url)) {
      setLinkError(lazyStrings.EditorLinkInvalid);
      return;
    }
    areaRef.current?.focus();
    const selection = typeof window.getSelection === 'function' ? window.getSelection() : undefined;
    if (selection && savedRange.current) {
      selection.removeAllRanges();
      selection.addRange(savedRange.current);
    }
    if (selection && selection.isCollapsed) {
      // Nothing selected: insert the address itself as the link text.
      const a = document.createElement('a');
      a.href = url;
      a.textContent = url;
      savedRange.current?.insertNode(a);
    } else {
      runCommand('createLink', url);
    }
    setLinkOpen(false);
    emit();
  };

  const tools: Array<{ key: string; text: string; iconName: string; onClick: () => void }> = [
    { key: 'bold', text: lazyStrings.EditorBold, iconName: 'Bold', onClick: () => apply('bold') },
    { key: 'italic', text: lazyStrings.EditorItalic, iconName: 'Italic', onClick: () => apply('italic') },
    { key: 'bullets', text: lazyStrings.EditorBulletList, iconName: 'BulletedList', onClick: () => apply('insertUnorderedList') },
    { key: 'numbers', text: lazyStrings.EditorNumberedList, iconName: 'NumberedList', onClick: () => apply('insertOrderedList') },
    { key: 'link', text: lazyStrings.EditorLink, iconName: 'Link', onClick: openLink },
    { key: 'unlink', text: lazyStrings.EditorRemoveLink, iconName: 'RemoveLink', onClick: () => apply('unlink') }
  ];

  const labelId = `${id}-label`;
  const errorId = `${id}-error`;
  return (
    <div>
      <Label id={labelId} htmlFor={id} required={required}>
        {label}
      </Label>
      {!readOnly && (
        <FocusZone direction={FocusZoneDirection.horizontal} role="toolbar" aria-label={`${lazyStrings.EditorToolbar}: ${label}`}>
          {tools.map((t) => (
            <IconButton
              key={t.key}
              iconProps={{ iconName: t.iconName }}
              ariaLabel={t.text}
              title={t.text}
              onClick={t.onClick}
              // Keeps the caret (and the bold/italic typing state) in the text when a button is pressed.
              onMouseDown={(e) => e.preventDefault()}
            />
          ))}
        </FocusZone>
      )}
      {linkOpen && (
        <Stack horizontal tokens={{ childrenGap: 8 }} verticalAlign="end" styles={{ root: { marginBottom: 8 } }}>
          <TextField
            label={lazyStrings.EditorLinkAddress}
            placeholder="https://"
            value={linkUrl}
            onChange={(_e, v) => setLinkUrl(v ?? '')}
            errorMessage={linkError}
            autoFocus
            onKeyDown={(e) => {
              if (e.key === 'Enter') {
                e.preventDefault();
                insertLink();
              }
            }}
          />
          <PrimaryButton text={lazyStrings.EditorLinkInsert} onClick={insertLink} />
          <DefaultButton text={lazyStrings.FormCancel} onClick={() => setLinkOpen(false)} />
        </Stack>
      )}
      <div
        id={id}
        ref={areaRef}
        className={classes.area}
        role="textbox"
        aria-multiline="true"
        aria-labelledby={labelId}
        aria-required={required ? 'true' : undefined}
        aria-invalid={errorMessage ? 'true' : undefined}
        aria-describedby={errorMessage ? errorId : undefined}
        aria-readonly={readOnly ? 'true' : undefined}
        contentEditable={!readOnly}
        suppressContentEditableWarning={true}
        tabIndex={0}
        onInput={emit}
        onBlur={emit}
        // Enter then starts a new paragraph rather than a div, matching the stored format.
        onFocus={() => runCommand('defaultParagraphSeparator', 'p')}
      />
      {errorMessage && (
        <div id={errorId} role="alert" className={classes.error}>
          {errorMessage}
        </div>
      )}
    </div>
  );
}
