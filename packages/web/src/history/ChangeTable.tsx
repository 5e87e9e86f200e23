/** One thing that differs between two runs, its two values already shown as text ('—' for none). */
export interface Change {
  name: string;
  from: string;
  to: string;
}

/** A table of what differs between two runs: one row per name, its value in each. */
export function ChangeTable(props: {
  caption: string;
  /** Header of the first column (e.g. Version, Parameter). */
  what: string;
  fromLabel: string;
  toLabel: string;
  changes: readonly Change[];
}) {
  return (
    <table>
      <caption>{props.caption}</caption>
      <thead>
        <tr>
          <th scope="col">{props.what}</th>
          <th scope="col">{props.fromLabel}</th>
          <th scope="col">{props.toLabel}</th>
        </tr>
      </thead>
      <tbody>
        {props.changes.map((change) => (
          <tr key={change.name}>
            <th scope="row">{change.name}</th>
            <td>
              <code>{change.from}</code>
            </td>
            <td>
              <code>{change.to}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
