import type { FederatedRun } from '../api/types.ts';
import { formatDuration } from '../components/format.ts';

/** Every site's answer: only `ok` sites are in the combined result; the others say why not. */
export function SiteTable({ run }: { run: FederatedRun }) {
  return (
    <div className="table-scroll">
      <table>
        <caption>Sites</caption>
        <thead>
          <tr>
            <th scope="col">Product</th>
            <th scope="col">Node</th>
            <th scope="col">Status</th>
            <th scope="col">Duration</th>
            <th scope="col">Message</th>
          </tr>
        </thead>
        <tbody>
          {run.sites.map((site) => (
            <tr key={`${site.node}/${site.product}`}>
              <th scope="row">{site.product}</th>
              <td>{site.node}</td>
              <td>
                <span className={`status site-${site.status}`}>{site.status}</span>
              </td>
              <td>{formatDuration(site.durationMs)}</td>
              <td>{site.message ?? ''}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
