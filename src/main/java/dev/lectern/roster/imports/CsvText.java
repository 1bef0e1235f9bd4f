package dev.lectern.roster.imports;

import java.io.BufferedReader;
import java.io.FilterReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.io.Reader;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/** How package files are read: strict UTF-8 (a leading BOM skipped) and RFC 4180 CSV. */
final class CsvText {

  private static final CSVFormat FORMAT =
      CSVFormat.RFC4180.builder().setIgnoreEmptyLines(true).get();

  private CsvText() {}

  /** No OneRoster row comes near this; a longer line is refused so memory stays bounded. */
  static final int MAX_LINE_CHARS = 1 << 20;

  /**
   * A reader that fails on bytes that are not UTF-8 instead of replacing them, and on a line longer
   * than {@link #MAX_LINE_CHARS}.
   */
  static Reader reader(InputStream in, String fileName) throws IOException {
    PushbackInputStream pushback = new PushbackInputStream(in, 3);
    byte[] bom = new byte[3];
    int n = pushback.readNBytes(bom, 0, 3);
    boolean hasBom =
        n == 3 && (bom[0] & 0xff) == 0xef && (bom[1] & 0xff) == 0xbb && (bom[2] & 0xff) == 0xbf;
    if (!hasBom && n > 0) {
      pushback.unread(bom, 0, n);
    }
    Reader decoded =
        new BufferedReader(
            new InputStreamReader(
                pushback,
                StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)),
            1 << 16);
    return new FilterReader(decoded) {
      private int lineChars;

      @Override
      public int read() throws IOException {
        int c = super.read();
        if (c >= 0) {
          count((char) c);
        }
        return c;
      }

      @Override
      public int read(char[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        for (int i = 0; i < n; i++) {
          count(buffer[offset + i]);
        }
        return n;
      }

      private void count(char c) {
        lineChars = c == '\n' ? 0 : lineChars + 1;
        if (lineChars > MAX_LINE_CHARS) {
          throw new ImportPackage.PackageException(
              fileName, "a line is longer than " + MAX_LINE_CHARS + " characters");
        }
      }
    };
  }

  static CSVParser parse(Reader reader) throws IOException {
    return CSVParser.builder().setReader(reader).setFormat(FORMAT).get();
  }
}
