/**
 * The key-indicator conference's indicator set (nyckeltalskonferensen, earlier nyckeltalsdagen): per
 * service area of the cooperation's comparison — the areas the cooperation names for the day (data/demo/
 * sodertorn.json, events: "finances, preschool, school, upper secondary, elderly care, disability,
 * individual and family care, culture and leisure, streets, water and sewage, premises costs,
 * environment, SCB citizen survey") — the Kolada KPIs compared, and where they fit the local indicators
 * held in samverkan.
 *
 * Every Kolada id is in the shipped catalogue (data/kolada/kpi_df.csv); `title` is the catalogue's title
 * there, shown until the KPI is followed or the catalogue is synced (then the stored title is shown).
 * Chosen so that each area has a cost or resource measure beside a result or quality measure, from the
 * publicly comparable KPIs (many of them in "Kommunens kvalitet i korthet"); the citizen survey's KPIs
 * are those of SCB's current medborgarundersökning (the catalogue no longer holds the discontinued
 * Nöjd-Region-, Nöjd-Medborgar- and Nöjd-Inflytande-Index totals).
 */

export interface ConferenceKoladaIndicator {
  source: 'kolada';
  /** Kolada's KPI id, e.g. N03102. */
  kpiId: string;
  /** The KPI's title in the shipped catalogue. */
  title: string;
}

export interface ConferenceLocalIndicator {
  source: 'local';
  /** The local indicator's key in samverkan. */
  key: string;
  /** Its title as defined in samverkan, shown when it is not (yet) defined in the database. */
  title: string;
  /** Why this local indicator belongs to the area: shown under it. */
  reason: string;
}

export type ConferenceIndicator = ConferenceKoladaIndicator | ConferenceLocalIndicator;

export interface ConferenceServiceArea {
  /** The heading's id (the contents list's target): the name in ASCII. */
  id: string;
  /** The area's Swedish name, the heading. */
  name: string;
  indicators: readonly ConferenceIndicator[];
}

const kolada = (kpiId: string, title: string): ConferenceKoladaIndicator => ({ source: 'kolada', kpiId, title });
const local = (key: string, title: string, reason: string): ConferenceLocalIndicator => ({
  source: 'local',
  key,
  title,
  reason,
});

/** The thirteen service areas in the conference's order, each with its indicators in the order shown. */
export const CONFERENCE_PACK_SET: readonly ConferenceServiceArea[] = [
  {
    id: 'ekonomi',
    name: 'Ekonomi',
    indicators: [
      kolada('N03102', 'Årets resultat som andel av skatt & generella statsbidrag kommun, (%)'),
      kolada('N03002', 'Soliditet inkl pensionsåtag. kommun, (%)'),
      kolada('N00901', 'Skattesats till kommun (%)'),
      local(
        'sm-sysselsattningsgrad-20-64',
        'Sysselsättningsgrad 20–64 år',
        'Egen uppgift ur Södertörnsmodellen (SCB): hur många som förvärvsarbetar avgör skatteunderlaget, kommunernas största intäkt.',
      ),
    ],
  },
  {
    id: 'forskola',
    name: 'Förskola',
    indicators: [
      kolada('N11008', 'Kostnad förskola, kr/inskrivet barn'),
      kolada('N11102', 'Inskrivna barn per årsarbetare i förskolan, lägeskommun, antal'),
      kolada('N11041', 'Heltidstjänster i förskolan med förskollärarexamen, lägeskommun, andel (%)'),
    ],
  },
  {
    id: 'grundskola',
    name: 'Grundskola',
    indicators: [
      kolada('N15507', 'Elever i åk 9, meritvärde, hemkommun, genomsnitt (17 ämnen)'),
      kolada('N15428', 'Elever i åk 9 som är behöriga till yrkesprogram, hemkommun, andel (%)'),
      kolada('N15027', 'Kostnad grundskola F-9, hemkommun, kr/elev'),
    ],
  },
  {
    id: 'gymnasieskola',
    name: 'Gymnasieskola',
    indicators: [
      kolada('N17457', 'Gymnasieelever med examen eller studiebevis inom 4 år, hemkommun, andel (%)'),
      kolada('N17441', 'Gymnasieelever med examen eller studiebevis inom 3 år, hemkommun, andel (%)'),
      kolada('N17005', 'Kostnad gymnasieskola hemkommun, kr/elev'),
      local(
        'sm-eftergymnasial-3ar-25-64',
        'Andel 25–64 år med minst tre års eftergymnasial utbildning',
        'Egen uppgift ur Södertörnsmodellen (SCB): utbildningsnivån är måttet på utvecklingsprogrammets mål att höja utbildningsnivån på Södertörn, som gymnasieskolan lägger grunden till.',
      ),
    ],
  },
  {
    id: 'aldreomsorg',
    name: 'Äldreomsorg',
    indicators: [
      kolada('N20892', 'Invånare 80+ i särskilt boende eller med hemtjänst i ordinärt boende,  andel (%)'),
      kolada('N23006', 'Kostnad särskilt/annat boende äldreomsorg, kr/inv 80+'),
      kolada('U21468', 'Brukarbedömning hemtjänst äldreomsorg -  helhetssyn, andel (%)'),
    ],
  },
  {
    id: 'funktionsnedsattning',
    name: 'Funktionsnedsättning',
    indicators: [
      kolada('N25022', 'Kostnad funktionsnedsättning totalt (SoL, LSS, SFB), kr/inv'),
      kolada('N28013', 'Kostnad funktionsnedsättning LSS boende, kr/brukare'),
      kolada('U28570', 'Brukarbedömning boende LSS totalt - Brukaren trivs alltid hemma, lägeskommun, andel (%)'),
    ],
  },
  {
    id: 'individ-och-familjeomsorg',
    name: 'Individ- och familjeomsorg',
    indicators: [
      kolada('N30101', 'Kostnad individ- och familjeomsorg, kr/inv'),
      kolada('N31807', 'Invånare som någon gång under året erhållit ekonomiskt bistånd, andel (%) av bef.'),
      kolada('N31816', 'Vuxna biståndsmottagare (18+ år) med långvarigt ekonomiskt bistånd, andel (%) av befolkningen'),
    ],
  },
  {
    id: 'kultur-och-fritid',
    name: 'Kultur och fritid',
    indicators: [
      kolada('N09022', 'Nettokostnad kulturverksamhet, kr/inv'),
      kolada('N09018', 'Nettokostnad fritidsverksamhet, kr/inv'),
      kolada('N09026', 'Nettokostnad bibliotek, kr/inv'),
    ],
  },
  {
    id: 'gator-och-vagar',
    name: 'Gator och vägar',
    indicators: [
      kolada('U07427', 'Driftkostnad kommunala bil- och cykelvägar, kr/meter'),
      kolada('U07428', 'Driftkostnad vinterväghållning kommunala bil- och cykelvägar, kr/meter'),
      kolada('U07456', 'Beläggningsunderhåll av kommunala bilvägar, andel kvm (%)'),
    ],
  },
  {
    id: 'vatten-och-avlopp',
    name: 'Vatten och avlopp',
    indicators: [
      kolada('N45028', 'Kostnad vattenförsörjning och avloppshantering, kr/inv'),
      kolada(
        'N45924',
        'Avgift för vatten och avlopp inkl. moms för typfastighet enligt Nils Holgersson-modellen, kr/kvm',
      ),
      kolada('N45040', 'Investeringsutgifter vattenförsörjning och avloppshantering, kr/inv'),
    ],
  },
  {
    id: 'lokaler',
    name: 'Lokaler',
    indicators: [
      kolada('N11033', 'Bruttokostnad lokaler kommunal förskola, kr/inskrivet barn'),
      kolada('N15061', 'Kostnad för lokaler i kommunal grundskola F-9, kr/elev'),
      kolada('N20058', 'Bruttokostnad lokaler äldreomsorg, kr/inv 65+'),
    ],
  },
  {
    id: 'miljo',
    name: 'Miljö',
    indicators: [
      kolada('N00401', 'Utsläpp till luft av växthusgaser totalt, ton CO2-ekv/inv'),
      kolada('U00501', 'Fossiloberoende personbilar, andel av totalt antal bilar i det geografiska området (%)'),
      kolada('U07801', 'Insamlat kommunalt avfall totalt, kg/invånare (justerat)'),
    ],
  },
  {
    id: 'scb-medborgarundersokning',
    name: 'SCB:s medborgarundersökning',
    indicators: [
      kolada('N00667', 'Medborgarundersökningen - Kommunen är en bra plats att bo och leva på, andel (%)'),
      kolada(
        'N00669',
        'Medborgarundersökningen - Invånarnas möjlighet till insyn och inflytande över kommunens beslut och verksamheter är bra, andel (%)',
      ),
      kolada('N00670', 'Medborgarundersökningen - Kan rekommendera andra att flytta till kommunen, andel (%)'),
    ],
  },
];

/** The indicator's key in samverkan: the KPI id for Kolada's, the local key for our own. */
export const conferenceIndicatorKey = (indicator: ConferenceIndicator): string =>
  indicator.source === 'kolada' ? indicator.kpiId : indicator.key;

/** Every Kolada KPI id of the set, in order: what `samverkan kolada sync --kpi …` fetches for the pack. */
export const conferencePackKoladaIds = (set: readonly ConferenceServiceArea[] = CONFERENCE_PACK_SET): string[] =>
  set.flatMap((area) => area.indicators.flatMap((i) => (i.source === 'kolada' ? [i.kpiId] : [])));
