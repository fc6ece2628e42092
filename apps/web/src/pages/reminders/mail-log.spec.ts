/** @jest-environment node */
import { ApiError } from '../../api/errors';
import { failedFirst, mailTabOf, resendAlreadyDone, stillSending } from './mail-log';

describe('mail log', () => {
  it('lists failed ones first and keeps the order within each group', () => {
    const rows = [
      { id: 'a', state: 'sent' },
      { id: 'b', state: 'failed' },
      { id: 'c', state: 'pending' },
      { id: 'd', state: 'failed' },
      { id: 'e', state: 'sent' },
    ];
    expect(failedFirst(rows).map((row) => row.id)).toEqual(['b', 'd', 'a', 'c', 'e']);
    // The api's list itself is left as it was.
    expect(rows.map((row) => row.id)).toEqual(['a', 'b', 'c', 'd', 'e']);
  });

  it('keeps reading while a mail is pending or sending', () => {
    expect(stillSending([{ state: 'sent' }, { state: 'failed' }])).toBe(false);
    expect(stillSending([{ state: 'sent' }, { state: 'pending' }])).toBe(true);
    expect(stillSending([{ state: 'sending' }])).toBe(true);
    expect(stillSending([])).toBe(false);
  });

  it('takes a 409 on resend as already resent, anything else as an error', () => {
    expect(resendAlreadyDone(new ApiError(409, 'Mail delivery x is pending'))).toBe(true);
    expect(resendAlreadyDone(new ApiError(404, 'Mail delivery x does not exist'))).toBe(false);
    expect(resendAlreadyDone(new Error('network'))).toBe(false);
  });

  it('opens the mail tab unless the reminders are asked for', () => {
    expect(mailTabOf('reminders')).toBe('reminders');
    expect(mailTabOf(null)).toBe('mail');
    expect(mailTabOf('other')).toBe('mail');
  });
});
