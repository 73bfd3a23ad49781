/**
 * The Swedish mails of a consultation: the link that confirms a comment's address, and the notices
 * that a moderator hid or restored it (with the reason, as BBS-lagen and Decidim's practice have it).
 * Plain text; the address is only ever the recipient, never in the text.
 */

export interface Mail {
  subject: string;
  text: string;
}

interface CommentMailFacts {
  programmeName: string;
  /** The part in words, e.g. `målet ”…”`. */
  partLabel: string;
  displayName: string;
  /** The consultation's page (absolute address). */
  pageLink: string;
  responsible: string;
}

const excerpt = (body: string): string => {
  const flat = body.replace(/\s+/g, ' ').trim();
  return flat.length > 300 ? `${flat.slice(0, 297)}…` : flat;
};

export function confirmationMail(
  facts: CommentMailFacts & { confirmLink: string; body: string; validDays: number },
): Mail {
  return {
    subject: `Bekräfta din kommentar om ${facts.programmeName}`,
    text: [
      `Hej ${facts.displayName}!`,
      '',
      `Du har skrivit en kommentar om ${facts.partLabel} i samrådet om ${facts.programmeName}:`,
      '',
      `”${excerpt(facts.body)}”`,
      '',
      'Bekräfta din e-postadress genom att öppna länken och trycka på knappen. Först då visas kommentaren,',
      'med det namn du angav. Din e-postadress visas aldrig.',
      '',
      `Bekräfta här: ${facts.confirmLink}`,
      '',
      `Länken gäller i ${facts.validDays} dagar och kan bara användas en gång.`,
      '',
      `Kommentaren blir en allmän handling hos ${facts.responsible}. Namn och e-postadress kan lämnas ut`,
      'till den som begär det, efter sekretessprövning.',
      '',
      'Har du inte skrivit någon kommentar kan du bortse från det här meddelandet; då visas ingenting.',
      '',
      `Samrådet: ${facts.pageLink}`,
    ].join('\n'),
  };
}

export function hiddenMail(facts: CommentMailFacts & { reason: string; automatic: boolean }): Mail {
  return {
    subject: `Din kommentar om ${facts.programmeName} visas inte längre`,
    text: [
      `Hej ${facts.displayName}!`,
      '',
      facts.automatic
        ? `Din kommentar om ${facts.partLabel} har anmälts av flera besökare och visas inte förrän en moderator har granskat den.`
        : `En moderator har dolt din kommentar om ${facts.partLabel}.`,
      '',
      `Skäl: ${facts.reason}`,
      '',
      'Kommentaren är inte raderad: den finns kvar som allmän handling och kan visas igen om moderatorn',
      `ändrar sig. Frågor besvaras av ${facts.responsible}.`,
      '',
      `Samrådet: ${facts.pageLink}`,
    ].join('\n'),
  };
}

export function restoredMail(facts: CommentMailFacts & { reason: string }): Mail {
  return {
    subject: `Din kommentar om ${facts.programmeName} visas igen`,
    text: [
      `Hej ${facts.displayName}!`,
      '',
      `En moderator har granskat din kommentar om ${facts.partLabel} och visar den igen.`,
      '',
      `Skäl: ${facts.reason}`,
      '',
      `Samrådet: ${facts.pageLink}`,
    ].join('\n'),
  };
}
