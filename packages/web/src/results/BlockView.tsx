import { isRecord } from '../components/isRecord.ts';
import { type Block, statisticView, tableView, text } from './blocks.ts';
import { ChartBlock } from './ChartBlock.tsx';
import { MarkdownBlock } from './MarkdownBlock.tsx';
import { StatisticCard } from './StatisticCard.tsx';
import { TableBlock } from './TableBlock.tsx';

/** One block of a result, by its type. */
export function BlockView(props: { block: Block; highlighted?: boolean }) {
  const { block } = props;
  switch (block.type) {
    case 'markdown':
      return <MarkdownBlock text={text(block.text) ?? ''} title={text(block.title)} />;
    case 'table':
      return <TableBlock table={tableView(block)} />;
    case 'statistic':
      return <StatisticCard statistic={statisticView(block)} highlighted={props.highlighted} />;
    case 'chart':
      return isRecord(block.spec) ? (
        <ChartBlock title={text(block.title)} spec={block.spec} />
      ) : (
        <p>Chart {block.id} has no specification.</p>
      );
    default:
      return <p>Block {String((block as { id: unknown }).id)} has a type this page does not show.</p>;
  }
}
