// A part of the form the user opens when needed, so the short path stays short; it opens by
// itself when it holds something, so nothing recorded is hidden.
import { useEffect, useState, type ReactNode } from 'react';

export function Section({ title, filled, children }: { title: string; filled: boolean; children: ReactNode }) {
  const [open, setOpen] = useState(filled);
  useEffect(() => {
    if (filled) setOpen(true);
  }, [filled]);
  return (
    <details className="form-section" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>{title}</summary>
      <div className="form-section-body">{children}</div>
    </details>
  );
}
