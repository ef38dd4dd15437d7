/** Shared UI pieces: every screen builds from these and the styles in app.css. */
export { ErrorBoundary } from "./error-boundary";
export { ErrorMessage } from "./error-message";
export { Loading } from "./loading";
export { WarmthBadge } from "./warmth-badge";
export { TextField } from "./text-field";
