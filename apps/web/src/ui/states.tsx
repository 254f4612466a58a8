import type { ReactNode } from 'react';
import { messageOf } from '../lib/api-errors.ts';
import { Alert } from './alert.tsx';

export function Loading({ label }: { label: string }) {
  return (
    <p className="state state-loading" role="status">
      <span className="spinner" aria-hidden="true" />
      {label}
    </p>
  );
}

interface LoadErrorProps {
  title: string;
  error: unknown;
  onRetry: () => void;
  isRetrying?: boolean;
}

/** A load that failed, with a way to try again. */
export function LoadError({ title, error, onRetry, isRetrying = false }: LoadErrorProps) {
  return (
    <Alert
      tone="error"
      title={title}
      actions={
        <button type="button" className="button" onClick={onRetry} disabled={isRetrying}>
          {isRetrying ? 'Retrying…' : 'Retry'}
        </button>
      }
    >
      {messageOf(error)}
    </Alert>
  );
}

export function EmptyState({ title, children }: { title: string; children?: ReactNode }) {
  return (
    <div className="state state-empty">
      <p className="state-title">{title}</p>
      {children}
    </div>
  );
}
