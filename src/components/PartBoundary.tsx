import { Component, type ErrorInfo, type ReactNode } from 'react';

interface Props {
  /** What the part is called in the message, e.g. "timeline". */
  name: string;
  children: ReactNode;
}

interface State {
  error: Error | null;
  /** Bumped by "Reload": a fresh key mounts the part again from scratch. */
  generation: number;
}

/**
 * Keeps a rendering error inside one view or panel: the part is replaced by a plain-text message saying
 * what failed, the rest of the app keeps working, and "Reload" mounts the part again.
 */
export class PartBoundary extends Component<Props, State> {
  state: State = { error: null, generation: 0 };

  static getDerivedStateFromError(error: unknown): Partial<State> {
    return { error: error instanceof Error ? error : new Error(String(error)) };
  }

  componentDidCatch(error: unknown, info: ErrorInfo): void {
    console.error(`Parley: the ${this.props.name} failed`, error, info.componentStack);
  }

  private reload = () => this.setState((s) => ({ error: null, generation: s.generation + 1 }));

  render() {
    const { error, generation } = this.state;
    if (!error) return <PartKey key={generation}>{this.props.children}</PartKey>;
    return (
      <div className="part-failed" role="alert">
        <p>
          The {this.props.name} could not be shown: <bdi>{clipMessage(error.message)}</bdi>
        </p>
        <p>The rest of Parley still works.</p>
        <button type="button" onClick={this.reload}>
          Reload the {this.props.name}
        </button>
      </div>
    );
  }
}

function PartKey({ children }: { children: ReactNode }) {
  return <>{children}</>;
}

const MAX_MESSAGE = 300;
const clipMessage = (message: string) => (message.length > MAX_MESSAGE ? `${message.slice(0, MAX_MESSAGE)}…` : message || 'unknown error');
