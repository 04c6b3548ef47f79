/**
 * The page layout every printed document shares (pdfkit, US Letter, standard fonts): headings
 * that never sit alone at the foot of a page, paragraphs, simple ruled tables with right-aligned
 * money columns, and a footer line with the page number on every page.
 */
import PDFDocument from 'pdfkit';

/** The standard PDF fonts speak WinAnsi: the narrow no-break space Intl puts in French amounts becomes a no-break space. */
export function winAnsi(text: string): string {
  return text.replace(/\u202f/g, '\u00a0');
}

export function createPdfLayout(info: { title: string; author?: string }) {
  const pdf = new PDFDocument({ size: 'LETTER', margins: { top: 64, bottom: 64, left: 64, right: 64 }, bufferPages: true, info: { Title: info.title, Author: info.author ?? 'Public Safety Canada' } });
  const chunks: Buffer[] = [];
  pdf.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    pdf.on('end', () => resolve(Buffer.concat(chunks)));
    pdf.on('error', reject);
  });
  const width = pdf.page.width - 128;
  const heading = (text: string, size = 13) => {
    if (pdf.y > pdf.page.height - 140) pdf.addPage();
    pdf.moveDown(0.8).font('Helvetica-Bold').fontSize(size).text(text).moveDown(0.3).font('Helvetica').fontSize(10);
  };
  const para = (text: string) => pdf.font('Helvetica').fontSize(10).text(text, { width, align: 'left' }).moveDown(0.4);
  /** A simple table: columns as fractions of the width, right-aligned money columns. */
  const table = (headers: string[], rows: string[][], fractions: number[], alignRight: boolean[] = [], bold: boolean[] = []) => {
    const xs: number[] = [];
    let x = 64;
    for (const f of fractions) {
      xs.push(x);
      x += f * width;
    }
    const drawRow = (cells: string[], isHeader: boolean, isBold: boolean) => {
      const heights = cells.map((c, i) => pdf.font(isHeader || isBold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9).heightOfString(c, { width: fractions[i]! * width - 6 }));
      const h = Math.max(...heights) + 6;
      if (pdf.y + h > pdf.page.height - 72) pdf.addPage();
      const y = pdf.y;
      cells.forEach((c, i) => {
        pdf.font(isHeader || isBold ? 'Helvetica-Bold' : 'Helvetica').fontSize(9).text(c, xs[i]!, y + 3, { width: fractions[i]! * width - 6, align: alignRight[i] ? 'right' : 'left' });
      });
      pdf.moveTo(64, y + h).lineTo(64 + width, y + h).lineWidth(isHeader ? 1 : 0.3).strokeColor('#555555').stroke();
      pdf.x = 64;
      pdf.y = y + h;
    };
    drawRow(headers, true, false);
    rows.forEach((r, i) => drawRow(r, false, bold[i] ?? false));
    pdf.moveDown(0.6);
  };
  /** Writes the footer on every page and ends the document. */
  const finish = (footer: (page: number) => string) => {
    const range = pdf.bufferedPageRange();
    for (let i = range.start; i < range.start + range.count; i++) {
      pdf.switchToPage(i);
      pdf.font('Helvetica').fontSize(8).fillColor('#555555').text(footer(i + 1), 64, pdf.page.height - 48, { width, align: 'right', lineBreak: false });
      pdf.fillColor('black');
    }
    pdf.end();
    return done;
  };
  return { pdf, width, heading, para, table, finish };
}
