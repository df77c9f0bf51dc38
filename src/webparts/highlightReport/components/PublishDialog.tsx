/**
 * "Publish this report?": the confirmation before a new snapshot version is written. A file of
 * its own, loaded when the clerk asks to publish, so Fluent's Dialog and Modal stay out of the
 * code a reader downloads before the report shows.
 */
import * as React from 'react';
import { DefaultButton, Dialog, DialogFooter, DialogType, PrimaryButton, Text } from '@fluentui/react';
import { lazyStrings } from '../../../loc/lazy';
import type { ReportSnapshot } from '../../../domain/types';
import { formatDate, formatString } from '../../../components/format';

/** Props of `PublishDialog`. */
export interface IPublishDialogProps {
  /** Title of the report being published. */
  title: string;
  /** The version publishing writes. */
  version: number;
  /** The latest published version of the same report, if any. */
  latest: ReportSnapshot | undefined;
  /** Whether publishing is under way (the buttons are disabled and the dialog stays open). */
  publishing: boolean;
  /** The clerk confirmed. */
  onPublish: () => void;
  /** The clerk cancelled (or dismissed the dialog). */
  onCancel: () => void;
}

/** The blocking confirmation dialog of "Publish this report". */
export function PublishDialog(props: IPublishDialogProps): JSX.Element {
  const { title, version, latest, publishing } = props;
  return (
    <Dialog
      hidden={false}
      onDismiss={() => !publishing && props.onCancel()}
      dialogContentProps={{
        type: DialogType.normal,
        title: lazyStrings.ReportPublishTitle,
        subText: formatString(lazyStrings.ReportPublishText, title, version, version + 1)
      }}
      modalProps={{ isBlocking: true }}
    >
      <Text block={true} as="p">
        {latest
          ? formatString(lazyStrings.ReportPublishLatest, latest.version, formatDate(latest.publishedOn) ?? latest.publishedOn)
          : lazyStrings.ReportPublishFirst}
      </Text>
      <DialogFooter>
        <PrimaryButton disabled={publishing} onClick={props.onPublish}>
          {formatString(lazyStrings.ReportPublishConfirm, version)}
        </PrimaryButton>
        <DefaultButton disabled={publishing} onClick={props.onCancel}>
          {lazyStrings.ReportCancel}
        </DefaultButton>
      </DialogFooter>
    </Dialog>
  );
}
