import type { StageSpec } from '../service-path.ts';
import type { Locale, LocalizedText } from '../scales.ts';

export interface ServicePathTemplate {
  id: string;
  name: LocalizedText;
  stages: (locale: Locale) => StageSpec[];
  lanes: (locale: Locale) => string[];
}

/** The typical stages of a client's path: identification, assessment, plan, service, follow-up. */
export const typicalServicePath: ServicePathTemplate = {
  id: 'service-path',
  name: { fi: 'Palvelupolku', sv: 'Servicestig', en: 'Service path' },
  stages: (locale) =>
    ({
      fi: ['Tunnistaminen', 'Palvelutarpeen arviointi', 'Suunnitelma', 'Palvelu', 'Seuranta'],
      sv: ['Identifiering', 'Bedömning av servicebehovet', 'Plan', 'Service', 'Uppföljning'],
      en: ['Identification', 'Assessment of service needs', 'Plan', 'Service', 'Follow-up'],
    })[locale].map((title) => ({ title })),
  lanes: (locale) =>
    ({
      fi: ['Asiakas ja läheiset', 'Sosiaalihuolto', 'Terveydenhuolto', 'Järjestöt'],
      sv: ['Klienten och närstående', 'Socialvården', 'Hälso- och sjukvården', 'Organisationer'],
      en: ['Client and family', 'Social care', 'Health care', 'NGOs'],
    })[locale],
};

export const servicePathTemplates: readonly ServicePathTemplate[] = [typicalServicePath];
