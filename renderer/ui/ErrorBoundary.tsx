import { Component, type ReactNode } from 'react';

interface Props {
  /** What shows instead of the failed children; `retry` renders them again. */
  fallback(error: Error, retry: () => void): ReactNode;
  children: ReactNode;
}

interface State {
  error: Error | null;
}

/**
 * Keeps an error inside the part that threw: React unmounts the whole window on an error no
 * boundary catches, and the operator would lose the mosaic for one faulty panel.
 */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null };

  static getDerivedStateFromError(error: unknown): State {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  override render(): ReactNode {
    const { error } = this.state;
    return error ? this.props.fallback(error, () => this.setState({ error: null })) : this.props.children;
  }
}
