import { type ReactNode, useEffect } from 'react';

/** A page: its heading, and the window title that says where the user is (history, tabs, screen readers). */
export function Page({
  title,
  children,
  actions,
}: {
  title: string;
  children: ReactNode;
  actions?: ReactNode;
}) {
  useEffect(() => {
    document.title = `${title} · Plexus`;
  }, [title]);
  return (
    <>
      <div className="page-head">
        <h1>{title}</h1>
        {actions}
      </div>
      {children}
    </>
  );
}
