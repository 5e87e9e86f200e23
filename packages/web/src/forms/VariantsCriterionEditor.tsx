import type { FeatureHitView } from '../api/types.ts';
import type { VariantsDraft } from './cohortDraft.ts';
import { FeaturePicker } from './FeaturePicker.tsx';
import { InputField } from './InputField.tsx';
import { SelectField } from './SelectField.tsx';

/** A criterion on carried variants: gene, consequence, zygosity (each optional). */
export function VariantsCriterionEditor(props: {
  draft: VariantsDraft;
  onChange: (draft: VariantsDraft) => void;
  searchFeatures: (modality: string, text: string) => Promise<FeatureHitView[]>;
}) {
  const { draft } = props;
  return (
    <>
      <FeaturePicker
        label="Gene"
        modality={draft.modality}
        value={draft.gene}
        searchFeatures={props.searchFeatures}
        onChange={(gene) => props.onChange({ ...draft, gene })}
      />
      <InputField
        label="Consequence"
        placeholder="e.g. missense_variant"
        value={draft.consequence}
        onChange={(consequence) => props.onChange({ ...draft, consequence })}
      />
      <SelectField
        label="Zygosity"
        empty="any"
        value={draft.zygosity}
        options={[
          { value: 'heterozygous', label: 'heterozygous' },
          { value: 'homozygous', label: 'homozygous' },
        ]}
        onChange={(zygosity) => props.onChange({ ...draft, zygosity: String(zygosity) })}
      />
    </>
  );
}
