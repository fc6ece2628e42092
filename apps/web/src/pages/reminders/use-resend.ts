import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App } from 'antd';
import { useState } from 'react';
import { api, unwrap } from '../../api/client';
import { resendAlreadyDone } from './mail-log';

/** Every list of this page starts its cache key with it: a resend redraws both tabs. */
export const MAIL_KEY = 'mail-log';

export type ResendTarget = { kind: 'delivery' | 'reminder'; id: string; label: string };

function send(target: ResendTarget): Promise<unknown> {
  return target.kind === 'delivery'
    ? unwrap(
        api.POST('/api/v1/mail-deliveries/{id}/resend', { params: { path: { id: target.id } } }),
      )
    : unwrap(api.POST('/api/v1/reminders/{id}/resend', { params: { path: { id: target.id } } }));
}

/**
 * Resends a failed mail (or the mail of a failed reminder). The api keys the queued job by the
 * mail, so a second click or a colleague's resend answers 409 and changes nothing: the page says
 * it is already on its way. The failure of any other resend is kept to be shown.
 */
export function useResend() {
  const { message } = App.useApp();
  const queries = useQueryClient();
  const [error, setError] = useState<unknown>(null);
  const mutation = useMutation({
    mutationFn: send,
    onMutate: () => setError(null),
    onSuccess: (_data, target) => void message.success(`已重新发送：${target.label}`),
    onError: (failure, target) => {
      if (resendAlreadyDone(failure)) {
        void message.info(`已在重新发送中：${target.label}`);
      } else {
        setError(failure);
      }
    },
    onSettled: () => queries.invalidateQueries({ queryKey: [MAIL_KEY] }),
  });
  return {
    resend: (target: ResendTarget) => mutation.mutate(target),
    /** The id being resent right now: its button waits, so it cannot be pressed twice. */
    busyId: mutation.isPending ? mutation.variables.id : null,
    error,
  };
}
