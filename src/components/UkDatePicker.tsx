/**
 * A date field that takes a date chosen from the calendar or typed the way people in the UK
 * write it (31/03/2027, 31-3-27, 31.03.2027, or 2027-03-31), shows it in words ("31 March 2027")
 * and hands the form a YYYY-MM-DD date. Text that is not a real date is never taken for another
 * day: the picker keeps the previous date and says so, quoting what was typed.
 */
import * as React from 'react';
import { DatePicker, DayOfWeek, IDatePickerStrings, defaultDatePickerStrings } from '@fluentui/react';
import { lazyStrings } from '../loc/lazy';
import { isIsoDate } from '../domain/calendar';
import { formatDate } from './format';
import { fromIsoDate, toIsoDate } from './pickedDates';

/**
 * YYYY-MM-DD of a date typed in UK order, day first: "31/03/2027", "31-3-27", "31.03.2027",
 * "31 3 2027"; an ISO date "2027-03-31" is accepted too. Two-digit years are 2000-2099.
 * Undefined for anything else, including dates that do not exist (31/02/2027).
 */
export function parseUkDate(text: string): string | undefined {
  const value = text.trim();
  if (isIsoDate(value)) return value;
  const m = /^(\d{1,2})[/.\-\s]+(\d{1,2})[/.\-\s]+(\d{2}|\d{4})$/.exec(value);
  if (!m) return undefined;
  const year = m[3].length === 2 ? 2000 + Number(m[3]) : Number(m[3]);
  const iso = `${String(year).padStart(4, '0')}-${m[2].padStart(2, '0')}-${m[1].padStart(2, '0')}`;
  return isIsoDate(iso) ? iso : undefined;
}

/** Props of `UkDatePicker`. */
export interface IUkDatePickerProps {
  /** The field's label. */
  label: string;
  /** The date as YYYY-MM-DD, or undefined when empty. */
  value: string | undefined;
  /** Called with the new date (YYYY-MM-DD), or undefined when the field is cleared. */
  onChange: (value: string | undefined) => void;
  /** A validation message from the form, shown under the field. */
  errorMessage?: string;
  /** Marks the field as required. */
  required?: boolean;
  /** Month the calendar opens on while no date is set (YYYY-MM-DD), e.g. today. */
  initialPickerDate?: string;
}

/** The date field of every form. */
export function UkDatePicker(props: IUkDatePickerProps): JSX.Element {
  const { label, value, onChange, errorMessage, required, initialPickerDate } = props;
  const pickerStrings = React.useMemo(
    (): IDatePickerStrings => ({
      ...defaultDatePickerStrings,
      // Shown when typed text is not a date; it quotes the text, so what was typed is not lost.
      invalidInputErrorMessage: lazyStrings.FormDateNotRecognised,
      isResetStatusMessage: lazyStrings.FormDateNotRecognised
    }),
    []
  );
  return (
    <DatePicker
      label={label}
      ariaLabel={label}
      isRequired={required}
      placeholder={lazyStrings.FormDatePlaceholder}
      firstDayOfWeek={DayOfWeek.Monday}
      allowTextInput={true}
      value={fromIsoDate(value)}
      initialPickerDate={fromIsoDate(initialPickerDate)}
      formatDate={(d) => (d ? formatDate(toIsoDate(d)) ?? '' : '')}
      // Null tells the picker the text is not a date: it then says so, quoting the text.
      parseDateFromString={(text) => {
        const iso = parseUkDate(text);
        return iso ? fromIsoDate(iso) ?? null : null;
      }}
      onSelectDate={(d) => onChange(d ? toIsoDate(d) : undefined)}
      strings={pickerStrings}
      // The form's own message, when it has one, replaces the picker's.
      textField={errorMessage ? { errorMessage } : undefined}
    />
  );
}
