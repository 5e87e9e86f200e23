import { ApiError } from '../api/client.ts';

/** An error as the user should read it: the node's own message, with its code when it has one. */
export function ErrorAlert({ error, title }: { error: unknown; title?: string }) {
  if (error === null || error === undefined) return null;
  const message = error instanceof Error ? error.message : String(error);
  const code = error instanceof ApiError ? error.code : null;
  const details = error instanceof ApiError ? error.details.filter((detail) => detail.message) : [];
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
