import type { SectionSpec } from '../action-plan.ts';
import type { Locale, LocalizedText } from '../scales.ts';

export interface ActionPlanTemplate {
  id: string;
  name: LocalizedText;
  sections: (locale: Locale) => SectionSpec[];
}

/** A regional action plan (toimintasuunnitelma): one section per theme, each with goals, actions, outputs, impacts, metrics. */
export const regionalActionPlan: ActionPlanTemplate = {
  id: 'regional-action-plan',
  name: { fi: 'Alueellinen toimintasuunnitelma', sv: 'Regional verksamhetsplan', en: 'Regional action plan' },
  sections: (locale) =>
    ({
      fi: ['Asiakkaiden osallisuus', 'Moniammatillinen palvelutarpeen arviointi', 'Ennakoiva ja ehkäisevä työ'],
      sv: ['Klienternas delaktighet', 'Mångprofessionell bedömning av servicebehovet', 'Förebyggande och proaktivt arbete'],
      en: ['Client participation', 'Multidisciplinary assessment of service needs', 'Preventive and proactive work'],
    })[locale].map((title) => ({ title })),
};

/** A work-package plan: work packages with goals, planned/ongoing/done actions and metrics. */
export const workPackagePlan: ActionPlanTemplate = {
  id: 'work-packages',
  name: { fi: 'Työpakettisuunnitelma', sv: 'Arbetspaketsplan', en: 'Work-package plan' },
  sections: (locale) =>
    ({
      fi: ['Työpaketti 1', 'Työpaketti 2', 'Työpaketti 3'],
      sv: ['Arbetspaket 1', 'Arbetspaket 2', 'Arbetspaket 3'],
      en: ['Work package 1', 'Work package 2', 'Work package 3'],
    })[locale].map((title) => ({ title })),
};

export const actionPlanTemplates: readonly ActionPlanTemplate[] = [regionalActionPlan, workPackagePlan];
