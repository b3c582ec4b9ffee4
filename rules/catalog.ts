import catalogJson from './catalog.json' with { type: 'json' };

/** A documented rule (docs/spec/rules.md): its stable ID, a short title, and the seed documents it comes from. */
export interface Rule {
  readonly id: string;
  readonly area: string;
  readonly title: string;
  readonly sources: readonly string[];
}

export interface RuleSource {
  readonly language: string;
  readonly title: string;
}

export const RULES: readonly Rule[] = catalogJson.rules;
export const RULE_SOURCES: Readonly<Record<string, RuleSource>> = catalogJson.sources;

export const ruleById = (id: string): Rule | undefined => RULES.find((r) => r.id === id);
