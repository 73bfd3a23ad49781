/**
 * A small RDF graph of named resources and its RDF/XML: what the DCAT catalogue is written with. Every
 * node is an IRI (Sweden's data portal refuses blank nodes for catalogues, datasets, distributions,
 * publishers and contacts, and here there are none at all); each IRI is checked to be absolute. The XML
 * itself is written by xmlbuilder2, which escapes text and attributes and drops characters XML cannot
 * carry, so no text from the database can break the document.
 */
import { create } from 'xmlbuilder2';

const XML_NS = 'http://www.w3.org/XML/1998/namespace';

/** The namespaces the catalogue uses, by the prefixes it writes. */
export const NAMESPACES = {
  rdf: 'http://www.w3.org/1999/02/22-rdf-syntax-ns#',
  rdfs: 'http://www.w3.org/2000/01/rdf-schema#',
  dcat: 'http://www.w3.org/ns/dcat#',
  dcterms: 'http://purl.org/dc/terms/',
  dcatap: 'http://data.europa.eu/r5r/',
  foaf: 'http://xmlns.com/foaf/0.1/',
  vcard: 'http://www.w3.org/2006/vcard/ns#',
  skos: 'http://www.w3.org/2004/02/skos/core#',
} as const;

export type Prefix = keyof typeof NAMESPACES;
/** A property or class by its prefixed name, e.g. `dcterms:title`. */
export type QName = `${Prefix}:${string}`;

export const XSD_DATE = 'http://www.w3.org/2001/XMLSchema#date';
export const XSD_DATE_TIME = 'http://www.w3.org/2001/XMLSchema#dateTime';

export type RdfObject =
  | { iri: string }
  | { text: string; lang?: 'sv' | 'en' }
  | { text: string; datatype: typeof XSD_DATE | typeof XSD_DATE_TIME };

interface Resource {
  types: QName[];
  statements: { predicate: QName; object: RdfObject }[];
}

/** An IRI the catalogue may name: absolute, or it is a programming error (a relative one throws in URL). */
function checkedIri(iri: string): string {
  if (!URL.canParse(iri) || /\s/.test(iri)) throw new Error(`Katalogens IRI måste vara absoluta: ${iri}`);
  return iri;
}

export class RdfGraph {
  private readonly resources = new Map<string, Resource>();

  /** The resource `iri`, created on first use, with `type` added to its classes. */
  describe(iri: string, type?: QName): RdfResource {
    checkedIri(iri);
    let resource = this.resources.get(iri);
    if (!resource) {
      resource = { types: [], statements: [] };
      this.resources.set(iri, resource);
    }
    if (type && !resource.types.includes(type)) resource.types.push(type);
    return new RdfResource(resource);
  }

  has(iri: string): boolean {
    return this.resources.has(iri);
  }

  /** The graph as an RDF/XML document: one element per resource, typed by its first class. */
  toRdfXml(): string {
    const doc = create({ version: '1.0', encoding: 'UTF-8', invalidCharReplacement: '' });
    const rootAttributes = Object.fromEntries(
      Object.entries(NAMESPACES)
        .filter(([prefix]) => prefix !== 'rdf')
        .map(([prefix, ns]) => [`xmlns:${prefix}`, ns]),
    );
    const root = doc.ele(NAMESPACES.rdf, 'rdf:RDF', rootAttributes);
    for (const [iri, resource] of this.resources) {
      const [first, ...more] = resource.types;
      const element = first ? root.ele(namespaceOf(first), first) : root.ele(NAMESPACES.rdf, 'rdf:Description');
      element.att(NAMESPACES.rdf, 'rdf:about', iri);
      for (const type of more)
        element.ele(NAMESPACES.rdf, 'rdf:type').att(NAMESPACES.rdf, 'rdf:resource', expand(type));
      for (const { predicate, object } of resource.statements) {
        const property = element.ele(namespaceOf(predicate), predicate);
        if ('iri' in object) property.att(NAMESPACES.rdf, 'rdf:resource', object.iri);
        else {
          if ('lang' in object && object.lang) property.att(XML_NS, 'xml:lang', object.lang);
          if ('datatype' in object) property.att(NAMESPACES.rdf, 'rdf:datatype', object.datatype);
          property.txt(object.text);
        }
      }
    }
    return doc.end({ prettyPrint: true }) + '\n';
  }
}

export class RdfResource {
  constructor(private readonly resource: Resource) {}

  /** Adds a statement; an empty text adds nothing (an absent value is left out, never written empty). */
  add(predicate: QName, object: RdfObject): this {
    if ('iri' in object) checkedIri(object.iri);
    else if (object.text.trim() === '') return this;
    const duplicate = this.resource.statements.some(
      (s) => s.predicate === predicate && JSON.stringify(s.object) === JSON.stringify(object),
    );
    if (!duplicate) this.resource.statements.push({ predicate, object });
    return this;
  }

  /** A link to another resource. */
  link(predicate: QName, iri: string): this {
    return this.add(predicate, { iri });
  }

  /** Text in each language given. */
  texts(predicate: QName, texts: { sv?: string; en?: string }): this {
    if (texts.sv !== undefined) this.add(predicate, { text: texts.sv, lang: 'sv' });
    if (texts.en !== undefined) this.add(predicate, { text: texts.en, lang: 'en' });
    return this;
  }

  /** Plain text without a language (names, e-mail-free identifiers). */
  text(predicate: QName, text: string): this {
    return this.add(predicate, { text });
  }
}

const namespaceOf = (qname: QName): string => NAMESPACES[qname.split(':')[0] as Prefix];

/** `dcat:Dataset` → `http://www.w3.org/ns/dcat#Dataset`. */
export const expand = (qname: QName): string => namespaceOf(qname) + qname.slice(qname.indexOf(':') + 1);
