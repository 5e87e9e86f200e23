/** Direction of the alternative hypothesis, as R's `alternative` argument. */
export type Alternative = 'two.sided' | 'less' | 'greater';
