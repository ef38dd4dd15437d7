/**
 * An API error in words: what happened, what to do, and the server's own message when it adds
 * something. Announced to screen readers (role="alert"); a retry button when the caller has one.
 */
import { errorWords, type ApiError } from "../api";

export function ErrorMessage({
  error,
  onRetry,
  retryLabel = "Try again",
}: {
  error: ApiError;
  onRetry?: () => void;
  retryLabel?: string;
}) {
  const words = errorWords(error);
  return (
    <div className="error-message" role="alert">
      <p className="error-message__title">{words.title}</p>
      <p>{words.action}</p>
      {words.detail && words.detail !== words.title ? (
        <p className="error-message__detail">
          The server said: <q>{words.detail}</q>
        </p>
      ) : null}
      {onRetry ? (
        <button type="button" className="button" onClick={onRetry}>
          {retryLabel}
        </button>
      ) : null}
    </div>
  );
}
