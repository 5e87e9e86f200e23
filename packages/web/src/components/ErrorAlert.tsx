import { ApiError } from '../api/client.ts';
import { isRecord } from './isRecord.ts';

interface ErrorView {
  code: string | null;
  message: string;
  details: Array<{ at?: string; message?: string }>;
}

/**
 * Thrown errors, the node's ApiError, and the `{code, message}` objects answers carry inside them (a
 * failed run's or federated run's `error`) all read the same way.
 */
function errorView(error: unknown): ErrorView {
  if (error instanceof ApiError) {
    return { code: error.code, message: error.message, details: error.details.filter((d) => d.message) };
  }
  if (error instanceof Error) return { code: null, message: error.message, details: [] };
  if (isRecord(error) && typeof error.message === 'string') {
    return { code: typeof error.code === 'string' ? error.code : null, message: error.message, details: [] };
  }
  return { code: null, message: String(error), details: [] };
}

/** An error as the user should read it: the node's own message, with its code when it has one. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  if (error === null || error === undefined) return null;
  const { code, message, details } = errorView(error);
  return (
    <div role="alert" className="alert">
      {title && <strong>{title}: </strong>}
      {code && <code className="error-code">{code}</code>} {message}
      {details.length > 0 && (
        <ul>
          {details.map((detail, index) => (
            // Details have no id; their order is the node's and never changes for one error.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            <li key={index}>
              {detail.at && <code>{detail.at}</code>} {detail.message}
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
