import { Alert } from 'antd';
import type { CSSProperties } from 'react';
import { describeError } from '../api/errors';

/**
 * A failed call in the person's words: the api's refusal (an ApiError) said in Chinese, or
 * "no connection". Drawn nowhere when there is no error, so pages can always place it.
 */
export function ErrorAlert({ error, style }: { error: unknown; style?: CSSProperties }) {
  if (error === null || error === undefined) {
    return null;
  }
  return (
    <Alert
      type="error"
      showIcon
      role="alert"
      title={describeError(error)}
      style={{ marginBottom: 16, ...style }}
    />
  );
}
