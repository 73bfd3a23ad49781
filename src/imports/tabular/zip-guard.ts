import yauzl from 'yauzl';

/**
 * Checks an .xlsx (a zip file) before exceljs unpacks it into memory: a small upload must not be
 * able to unpack into gigabytes (a "zip bomb").
 *
 * First the central directory is read — names and declared sizes only, nothing is unpacked — and
 * the file is refused when it has too many entries, declares too much in total, or an entry is
 * packed suspiciously hard. Declared sizes can lie, so then every entry is unpacked as a stream
 * whose bytes are counted and thrown away: yauzl stops with an error as soon as an entry gives
 * more bytes than declared, so memory stays small whatever the file holds.
 */

export interface ZipLimits {
  maxEntries: number;
  maxTotalUncompressedBytes: number;
  maxRatio: number;
  ratioFloorBytes: number;
}

export const ZIP_LIMITS: Readonly<ZipLimits> = {
  maxEntries: 2000,
  maxTotalUncompressedBytes: 100 * 1024 * 1024,
  maxRatio: 200,
  /**
   * The ratio is judged only for entries that unpack to more than this: a few kilobytes of
   * repetitive XML can compress more than 200 times and are harmless; bombs are large by nature.
   */
  ratioFloorBytes: 1024 * 1024,
};

const BOMB = 'Den kan vara en så kallad zip-bomb och läses därför inte in.';

export type ZipCheck = { ok: true } | { ok: false; message: string };

const UNREADABLE: ZipCheck = {
  ok: false,
  message: 'Filen ser ut som en Excel-fil (.xlsx) men kan inte läsas. Den kan vara skadad; spara om den i Excel.',
};

export async function checkXlsxZip(buffer: Buffer, limits: ZipLimits = ZIP_LIMITS): Promise<ZipCheck> {
  let zip: yauzl.ZipFile;
  try {
    zip = await yauzl.fromBufferPromise(buffer, {
      lazyEntries: true,
      validateEntrySizes: true,
      strictFileNames: false,
    });
  } catch {
    return UNREADABLE;
  }
  try {
    return await checkEntries(zip, limits);
  } catch {
    // A broken central directory or local header: nothing exceljs should be given either.
    return UNREADABLE;
  } finally {
    zip.close();
  }
}

async function checkEntries(zip: yauzl.ZipFile, limits: ZipLimits): Promise<ZipCheck> {
  if (zip.entryCount > limits.maxEntries) {
    return {
      ok: false,
      message: `Excel-filen består av ${zip.entryCount} delar, fler än de ${limits.maxEntries} som tillåts. ${BOMB}`,
    };
  }

  const entries: yauzl.Entry[] = [];
  let declaredTotal = 0;
  for await (const entry of zip.eachEntry()) {
    entries.push(entry);
    if (entry.isEncrypted()) {
      return { ok: false, message: 'Excel-filen är krypterad. Spara den utan lösenord och försök igen.' };
    }
    if (entry.compressionMethod !== 0 && entry.compressionMethod !== 8) {
      return { ok: false, message: 'Excel-filen är packad på ett sätt som inte stöds. Spara om den i Excel.' };
    }
    declaredTotal += entry.uncompressedSize;
    if (declaredTotal > limits.maxTotalUncompressedBytes) return tooLarge(limits);
    if (
      entry.uncompressedSize > limits.ratioFloorBytes &&
      entry.uncompressedSize > limits.maxRatio * Math.max(entry.compressedSize, 1)
    ) {
      const ratio = Math.round(entry.uncompressedSize / Math.max(entry.compressedSize, 1));
      return {
        ok: false,
        message: `Excel-filen är misstänkt hårt packad: delen "${entry.fileName}" packas upp ${ratio} gånger. ${BOMB}`,
      };
    }
  }

  if (!entries.some((e) => e.fileName.replace(/^\//, '') === 'xl/workbook.xml')) {
    return {
      ok: false,
      message: 'Filen är en zip-fil men ingen Excel-arbetsbok (.xlsx). Spara tabellen som .xlsx eller CSV.',
    };
  }

  let actualTotal = 0;
  for (const entry of entries) {
    if (entry.fileName.endsWith('/')) continue;
    const stream = await zip.openReadStreamPromise(entry);
    try {
      for await (const chunk of stream) {
        actualTotal += (chunk as Buffer).length;
        if (actualTotal > limits.maxTotalUncompressedBytes) return tooLarge(limits);
      }
    } catch {
      // yauzl's size validation (the entry unpacks to more or less than declared), or broken deflate data.
      return {
        ok: false,
        message: `Excel-filen är skadad eller manipulerad: delen "${entry.fileName}" går inte att packa upp till den storlek filen uppger. ${BOMB}`,
      };
    } finally {
      stream.destroy();
    }
  }
  return { ok: true };
}

function tooLarge(limits: ZipLimits): ZipCheck {
  const mb = Math.round(limits.maxTotalUncompressedBytes / (1024 * 1024));
  return {
    ok: false,
    message: `Excel-filen packas upp till mer än ${mb} MB. ${BOMB} Dela upp tabellen eller spara den som CSV.`,
  };
}
