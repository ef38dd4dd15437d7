/**
 * Catches a screen that fails while drawing, so the rest of the app stays usable and the
 * person sees words instead of a blank page. `resetKey` (the route) clears the failure when
 * they go elsewhere.
 */
import { Component, type ErrorInfo, type ReactNode } from "react";

interface Props {
  children: ReactNode;
  resetKey: string;
}

interface State {
  failed: Error | null;
  key: string;
}

export class ErrorBoundary extends Component<Props, State> {
  override state: State = { failed: null, key: this.props.resetKey };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { failed: error instanceof Error ? error : new Error(String(error)) };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey === state.key ? null : { failed: null, key: props.resetKey };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // The console is where a developer looks; the person gets the words below.
    console.error(error, info.componentStack);
  }

  override render() {
    if (this.state.failed === null) return this.props.children;
    return (
      <div className="error-message" role="alert">
        <p className="error-message__title">This screen stopped working.</p>
        <p>Reload the page to start it again; the rest of warmpath still works.</p>
        <p className="error-message__detail">{this.state.failed.message}</p>
        <button type="button" className="button" onClick={() => window.location.reload()}>
          Reload the page
        </button>
      </div>
    );
  }
}
