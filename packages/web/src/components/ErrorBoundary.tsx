import { Component, type ErrorInfo, type ReactNode } from 'react';

interface ErrorBoundaryProps {
  /** The boundary starts afresh whenever this changes: a new page deserves a new try. */
  resetKey: string;
  children: ReactNode;
}

interface ErrorBoundaryState {
  error: unknown;
  /** The resetKey the error happened under. */
  failedAt: string | null;
}

/**
 * A page that throws while rendering would otherwise unmount the whole app and leave a blank window;
 * this keeps the header and navigation and says what happened. (React offers boundaries as classes only.)
 */
export class ErrorBoundary extends Component<ErrorBoundaryProps, ErrorBoundaryState> {
  override state: ErrorBoundaryState = { error: null, failedAt: null };

  static getDerivedStateFromError(error: unknown): Partial<ErrorBoundaryState> {
    return { error };
  }

  static getDerivedStateFromProps(
    props: ErrorBoundaryProps,
    state: ErrorBoundaryState,
  ): Partial<ErrorBoundaryState> | null {
    if (state.error === null) return { failedAt: props.resetKey };
    return state.failedAt === props.resetKey ? null : { error: null, failedAt: props.resetKey };
  }

  override componentDidCatch(error: unknown, info: ErrorInfo): void {
    // Kept for whoever opens the console: the page itself shows only the message.
    console.error(error, info.componentStack);
  }

  override render(): ReactNode {
    const { error } = this.state;
    if (error === null) return this.props.children;
    return (
      <div role="alert" className="alert page-error">
        <h1>This page could not be shown</h1>
        <p>{error instanceof Error ? error.message : String(error)}</p>
        <p>
          <a href="#/">Go to the catalog</a>
        </p>
      </div>
    );
  }
}
