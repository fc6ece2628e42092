import { DatePicker } from 'antd';
import dayjs from 'dayjs';

interface Props {
  /** YYYY-MM-DD or blank, as the draft editor's forms hold it. */
  value?: string;
  onChange?: (value: string) => void;
  'aria-label': string;
}

/** A calendar day in the console's Chinese date picker, held as YYYY-MM-DD for the api. */
export function DeadlineInput({ value, onChange, 'aria-label': label }: Props) {
  return (
    <DatePicker
      aria-label={label}
      format="YYYY-MM-DD"
      placeholder="选择日期"
      style={{ width: '100%' }}
      value={value ? dayjs(value) : null}
      onChange={(day) => onChange?.(day ? day.format('YYYY-MM-DD') : '')}
    />
  );
}
