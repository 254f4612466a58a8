import type { ReactNode } from 'react';

interface AlertProps {
  tone: 'error' | 'warning' | 'success' | 'info';
  title?: string;
  children?: ReactNode;
  actions?: ReactNode;
}

/** A message about the whole page or form; errors and warnings are announced as they appear. */
export function Alert({ tone, title, children, actions }: AlertProps) {
  const isUrgent = tone === 'error' || tone === 'warning';
  return (
    <div className={`alert alert-${tone}`} role={isUrgent ? 'alert' : 'status'}>
      <div className="alert-body">
        {title ? <p className="alert-title">{title}</p> : null}
        {children ? <div>{children}</div> : null}
      </div>
      {actions ? <div className="alert-actions">{actions}</div> : null}
    </div>
  );
}
