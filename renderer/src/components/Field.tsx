import { useId, type ReactElement, type ReactNode } from 'react';

/** A labelled control: the label names the control for screen readers, the hint describes it. */
export function Field({ label, hint, children }: { label: string; hint?: string; children: (id: string, hintId?: string) => ReactElement }) {
  const id = useId();
  const hintId = hint ? `${id}-hint` : undefined;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {children(id, hintId)}
      {hint ? <p className="hint" id={hintId}>{hint}</p> : null}
    </div>
  );
}

export function ErrorNote({ children }: { children: ReactNode }) {
  return children ? <p className="error" role="alert">{children}</p> : null;
}

export function Progress({ label, done, total }: { label: string; done: number; total: number }) {
  return (
    <div className="progress">
      <span>{label}</span>
      <progress aria-label={label} max={total || 1} value={done} />
    </div>
  );
}
