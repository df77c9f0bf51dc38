/**
 * A date-only field of an edit form: a Fluent DatePicker (weeks from Monday, UK dates) over a
 * `YYYY-MM-DD` value, with the validation message under it. The date picked is the date on the
 * user's calendar, never shifted by UTC.
 */
import * as React from 'react';
import { DatePicker, DayOfWeek, Stack, Text, useTheme } from '@fluentui/react';
import * as strings from 'SsmStrings';
import { formatDate } from './format';
import { fromIsoDate, toIsoDate } from './pickedDates';

/** Props of `DateField`. */
export interface IDateFieldProps {
  /** Visible label, also the accessible name. */
  label: string;
  /** YYYY-MM-DD, or undefined when not set. */
  value: string | undefined;
  /** Called with the date picked (YYYY-MM-DD), or undefined when cleared. */
  onChange: (value: string | undefined) => void;
  /** Validation message shown under the field. */
  errorMessage?: string;
  /** Marks the field as required. */
  required?: boolean;
  /** Month the calendar opens on while no date is set (YYYY-MM-DD), e.g. today. */
  initialPickerDate?: string;
}

/** The field. */
export function DateField(props: IDateFieldProps): JSX.Element {
  const { label, value, onChange, errorMessage, required, initialPickerDate } = props;
  const theme = useTheme();
  return (
    <Stack tokens={{ childrenGap: 2 }}>
      <DatePicker
        label={label}
        isRequired={required}
        placeholder={strings.FormDatePlaceholder}
        ariaLabel={label}
        firstDayOfWeek={DayOfWeek.Monday}
        value={fromIsoDate(value)}
        initialPickerDate={fromIsoDate(initialPickerDate)}
        formatDate={(d) => (d ? formatDate(toIsoDate(d)) ?? '' : '')}
        onSelectDate={(d) => onChange(d ? toIsoDate(d) : undefined)}
        allowTextInput={false}
      />
      {errorMessage && (
        <Text role="alert" variant="small" style={{ color: theme.semanticColors.errorText }}>
          {errorMessage}
        </Text>
      )}
    </Stack>
  );
}
