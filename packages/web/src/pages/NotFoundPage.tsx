import { Page } from '../layout/Page.tsx';

export function NotFoundPage({ path }: { path: string }) {
  return (
    <Page title="Page not found">
      <p>
        There is no page at <code>{path}</code>. <a href="#/">Go to the catalog</a>.
      </p>
    </Page>
  );
}
